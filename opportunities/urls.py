from django.urls import path

from opportunities import views

app_name = "opportunities"

urlpatterns = [
    path("verifica/<str:token>/", views.confirm_still_valid, name="confirm_still_valid"),
]
