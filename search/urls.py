from django.urls import path

from search.agenda import agenda
from search.views import (
    browse_audience,
    browse_category,
    search,
    search_calendar,
    search_map,
    short_link_create,
    short_link_follow,
)

app_name = "search"
urlpatterns = [
    path("", search, name="search"),
    path("calendario/", search_calendar, name="calendar"),
    path("agenda/", agenda, name="agenda"),
    path("mappa/", search_map, name="map"),
    path("link/", short_link_create, name="short_link_create"),
    path("l/<str:code>/", short_link_follow, name="short_link"),
    path("categoria/<slug:slug>/", browse_category, name="category"),
    path("per/<slug:slug>/", browse_audience, name="audience"),
]
