"""The swv pages of the aanbod app."""

from django.urls import URLPattern, path  # noqa: F401

urlpatterns: list[URLPattern] = []
