"""The portal's URLs plus the benchmark's two reference views, which exist only under these settings."""

from django.urls import path

from bench.search.views import bare, stock_search
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/stock-search/", stock_search, name="bench_stock_search"),
    *portal_urlpatterns,
]
