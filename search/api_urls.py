from django.urls import path

from search.api import autocomplete, openapi, opportunity_detail, opportunity_list

app_name = "api"
urlpatterns = [
    path("opportunities/", opportunity_list, name="opportunities"),
    path("opportunities/<str:pk>/", opportunity_detail, name="opportunity"),
    path("autocomplete/", autocomplete, name="autocomplete"),
    path("openapi.json", openapi, name="openapi"),
]
