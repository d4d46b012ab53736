"""The demo town of Valdoria, built by `manage.py seed_demo`.

Modules: town (the town's own data), orgs (its organizations), offers (what
they offer, by category), dates and writing (schedules and Italian prose),
vocabulary, directory and catalogue (planning pages in memory), images
(Pillow drawings), builder (bulk page creation and indexing), users, site,
and seed (the steps in order).
"""
