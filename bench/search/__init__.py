"""Benchmark of the search page and the JSON API against Wagtail's stock search view and a bare Django view.

Run with `bench/search.sh`; see bench/README.md. Nothing here is imported by the portal itself.
"""
