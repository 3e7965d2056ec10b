"""Page routes of the monitor: the KPI dashboard, every SWV side by side, their downloads."""

from django.urls import URLPattern, path

from passend.monitor.views import kpi

urlpatterns: list[URLPattern] = [
    path("", kpi.dashboard, name="dashboard"),
    path("kengetallen.csv", kpi.dashboard_csv, name="dashboard-csv"),
    path("kengetallen.xlsx", kpi.dashboard_xlsx, name="dashboard-xlsx"),
    path("landelijk/", kpi.landelijk, name="landelijk"),
    path("landelijk/kengetallen.csv", kpi.landelijk_csv, name="landelijk-csv"),
    path("landelijk/kengetallen.xlsx", kpi.landelijk_xlsx, name="landelijk-xlsx"),
]
