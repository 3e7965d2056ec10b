"""/steunpunt/: the steunpunt's own work (contacts, consent, signals report)."""

from django.urls import URLPattern

app_name = "steunpunt"
urlpatterns: list[URLPattern] = []
