"""The demo town of Valdoria, built by `manage.py seed_demo`.

Modules: town (the town's own data), orgs (its organizations), offers (what
they offer, by category), fits (what a title promises about season, weekday,
time of day and venue, and the public holidays), dates and writing (schedules
within those promises, and Italian prose), vocabulary, directory and catalogue
(planning pages in memory), images (Pillow drawings), builder (bulk page
creation and indexing), users, site, and seed (the steps in order).
"""
