"""Routes of this part of the app (see urls.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
