"""API routes of the aanbod app (/api/v1/aanbod/); see ``api``."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
