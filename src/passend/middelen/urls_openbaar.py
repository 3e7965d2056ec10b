"""Public routes (namespace ``verantwoording``): where each SWV's support money went, per year."""

from django.urls import URLPattern

app_name = "verantwoording"

urlpatterns: list[URLPattern] = []
