from django.urls import URLPattern

app_name = "arrangementen"

urlpatterns: list[URLPattern] = []
