"""/steunpunt/: the steunpunt's own work (contacts, consent, signals report)."""

from django.urls import path

from passend.steunpunt import views

app_name = "steunpunt"
urlpatterns = [
    path("contacten/", views.contacten, name="contacten"),
    path("contacten/nieuw/", views.contact_nieuw, name="contact-nieuw"),
    path("contacten/<uuid:sleutel>/", views.contact, name="contact"),
    path(
        "contacten/<uuid:sleutel>/wijzigen/", views.contact_wijzigen_view, name="contact-wijzigen"
    ),
    path("signalen/", views.signalen, name="signalen"),
    path("signalen.pdf", views.signalen_pdf_view, name="signalen-pdf"),
    path("mijn/toestemming/", views.toestemming, name="toestemming"),
]
