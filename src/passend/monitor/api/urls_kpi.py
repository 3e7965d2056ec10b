"""API routes of the monitor: the KPI figures (under /api/v1/)."""

from django.urls import URLPattern, path

from passend.monitor.api.kpi import KengetallenView, LandelijkView

urlpatterns: list[URLPattern] = [
    path("monitor/kengetallen/", KengetallenView.as_view(), name="monitor-kengetallen"),
    path("monitor/landelijk/", LandelijkView.as_view(), name="monitor-landelijk"),
]
