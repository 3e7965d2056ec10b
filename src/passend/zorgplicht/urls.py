from django.urls import URLPattern

app_name = "zorgplicht"

urlpatterns: list[URLPattern] = []
