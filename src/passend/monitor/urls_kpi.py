"""Page routes of the monitor: kpi."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
