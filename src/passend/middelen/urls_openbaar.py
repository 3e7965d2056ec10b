"""Public routes (namespace ``verantwoording``): where each SWV's support money went, per year."""

from django.urls import URLPattern, path

from passend.middelen.views import openbaar

app_name = "verantwoording"

urlpatterns: list[URLPattern] = [
    path("", openbaar.overzicht, name="overzicht"),
    path("<str:code>/", openbaar.swv, name="swv"),
]
