"""API routes of the monitor: kpi (under /api/v1/)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
