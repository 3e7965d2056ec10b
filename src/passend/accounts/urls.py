from django.urls import path

from passend.accounts import views

app_name = "accounts"

urlpatterns = [
    path("mijn-werk/", views.mijn_werk, name="mijn-werk"),
    path("rol/", views.rol_kiezen, name="rol-kiezen"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
]
