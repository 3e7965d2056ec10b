"""Page routes of the monitor: netwerk."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
