"""Public routes (namespace ``vragenlijst``): answering a questionnaire with an anonymous code."""

from django.urls import URLPattern

app_name = "vragenlijst"

urlpatterns: list[URLPattern] = []
