"""Routes of this part of the app (see urls.py): the verzuim report and the yearly
Leerplichttelling export."""

from django.urls import URLPattern, path

from passend.verzuim.views import rapportage

urlpatterns: list[URLPattern] = [
    path("rapportage/", rapportage.rapportage, name="rapportage"),
    path("rapportage/leerplichttelling/", rapportage.leerplichttelling, name="leerplichttelling"),
]
