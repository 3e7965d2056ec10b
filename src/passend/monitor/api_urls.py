"""API routes of the monitor (under /api/v1/): KPI figures (``api/urls_kpi``) and dekkend
netwerk analyses (``api/urls_netwerk``)."""

from passend.monitor.api import urls_kpi, urls_netwerk

urlpatterns = [*urls_kpi.urlpatterns, *urls_netwerk.urlpatterns]
