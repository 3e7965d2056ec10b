from django.urls import URLPattern

app_name = "toelaatbaarheid"

urlpatterns: list[URLPattern] = []
