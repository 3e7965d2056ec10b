"""Routes of the regional monitor (namespace ``monitor``): the KPI dashboard
(``urls_kpi``) and the dekkend netwerk analyses (``urls_netwerk``)."""

from passend.monitor import urls_kpi, urls_netwerk

app_name = "monitor"

urlpatterns = [*urls_kpi.urlpatterns, *urls_netwerk.urlpatterns]
