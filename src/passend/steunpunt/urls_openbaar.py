"""/steunpunten/: the public list of every ouder- en jeugdsteunpunt (measure 7)."""

from django.urls import path

from passend.steunpunt.views.openbaar import overzicht

app_name = "steunpunten"
urlpatterns = [path("", overzicht, name="overzicht")]
