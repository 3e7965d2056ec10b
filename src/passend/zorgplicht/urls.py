from django.urls import path

from passend.zorgplicht.views import documenten, portaal, regio, school

app_name = "zorgplicht"

urlpatterns = [
    # The school: intern begeleider / ondersteuningscoördinator and schoolleider
    path("", school.overzicht, name="overzicht"),
    path("nieuw/", school.papier, name="papier"),
    path("<uuid:sleutel>/", school.detail, name="detail"),
    path("<uuid:sleutel>/verlengen/", school.verlengen, name="verlengen"),
    path("<uuid:sleutel>/besluit/", school.besluit, name="besluit"),
    # Letters to the parents
    path(
        "<uuid:sleutel>/brief-verlenging.pdf", documenten.brief_verlenging, name="brief-verlenging"
    ),
    path("<uuid:sleutel>/brief-besluit.pdf", documenten.brief_besluit, name="brief-besluit"),
    # The board and the samenwerkingsverband
    path("termijnen/", regio.termijnen, name="termijnen"),
    # The portal: parents
    path("mijn/", portaal.portaal, name="portaal"),
    path("mijn/aanmelden/", portaal.aanmelden, name="aanmelden"),
]
