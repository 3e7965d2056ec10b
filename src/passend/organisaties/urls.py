from django.urls import path

from passend.organisaties import views

app_name = "organisaties"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("importeren/", views.importeren, name="importeren"),
    path("vestigingen/<str:vestigingscode>/", views.vestiging, name="vestiging"),
]
