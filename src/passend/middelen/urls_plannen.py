"""Page routes of the plans (namespace ``middelen``, under /middelen/plannen/)."""

from django.urls import URLPattern, path

from passend.middelen.views import plannen

urlpatterns: list[URLPattern] = [
    path("plannen/", plannen.overzicht, name="plannen"),
    path("plannen/nieuw/", plannen.nieuw, name="plan-nieuw"),
    path("plannen/<int:pk>/", plannen.detail, name="plan"),
    path("plannen/<int:pk>/versies/nieuw/", plannen.versie_nieuw, name="versie-nieuw"),
    path("plannen/versies/<int:versie_pk>/instemming/", plannen.instemming, name="instemming"),
    path("plannen/versies/<int:versie_pk>/oogo/", plannen.oogo, name="oogo"),
]
