from django.urls import path

from organizations.views import registration, registration_done

app_name = "organizations"
urlpatterns = [
    path("", registration, name="registration"),
    path("inviata/", registration_done, name="registration_done"),
]
