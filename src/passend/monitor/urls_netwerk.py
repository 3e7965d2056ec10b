"""Page routes of the monitor: the dekkend netwerk analyses (``/monitor/netwerk/``)."""

from django.urls import URLPattern, path

from passend.monitor.views import netwerk

urlpatterns: list[URLPattern] = [
    path("netwerk/", netwerk.netwerk, name="netwerk"),
    path("netwerk/nieuw/", netwerk.starten, name="netwerk-starten"),
    path("netwerk/<uuid:sleutel>/", netwerk.analyse, name="netwerk-analyse"),
    path("netwerk/<uuid:sleutel>/voortgang/", netwerk.voortgang, name="netwerk-voortgang"),
    path("netwerk/<uuid:sleutel>/opnieuw/", netwerk.opnieuw, name="netwerk-opnieuw"),
    path("netwerk/<uuid:sleutel>/wat-als/", netwerk.wat_als, name="netwerk-wat-als"),
]
