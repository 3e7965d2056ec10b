"""/steunpunten/: the public list of every ouder- en jeugdsteunpunt (measure 7)."""

from django.urls import URLPattern

app_name = "steunpunten"
urlpatterns: list[URLPattern] = []
