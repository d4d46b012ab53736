"""The database engine: Wagtail's database search backend plus ORM filters and facet counts in SQL."""
