from django.urls import path

from passend.leerlingen import views

app_name = "leerlingen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("inschrijven/", views.inschrijven, name="inschrijven"),
    path("<uuid:sleutel>/", views.detail, name="detail"),
    path("<uuid:sleutel>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<uuid:sleutel>/inzage/", views.inzage, name="inzage"),
]
