"""The database engine: Wagtail's database search backend plus the catalogue index (filters and facet counts)."""
