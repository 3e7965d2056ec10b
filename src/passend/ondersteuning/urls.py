from django.urls import path

from passend.ondersteuning.views import documenten, portaal, school

app_name = "ondersteuning"

urlpatterns = [
    # The school: intern begeleider / ondersteuningscoördinator and schoolleider
    path("", school.overzicht, name="overzicht"),
    path("starten/<uuid:leerling>/", school.starten, name="starten"),
    path("<uuid:sleutel>/", school.detail, name="detail"),
    path("<uuid:sleutel>/bewerken/", school.bewerken, name="bewerken"),
    path("<uuid:sleutel>/factor/", school.factor_toevoegen, name="factor-toevoegen"),
    path("<uuid:sleutel>/doel/", school.doel_toevoegen, name="doel-toevoegen"),
    path("<uuid:sleutel>/overleg/", school.overleg_vastleggen, name="overleg-vastleggen"),
    path(
        "<uuid:sleutel>/<str:onderdeel>/<int:pk>/verwijderen/",
        school.onderdeel_verwijderen,
        name="onderdeel-verwijderen",
    ),
    path(
        "<uuid:sleutel>/instemming-op-papier/",
        school.instemming_op_papier,
        name="instemming-papier",
    ),
    path("<uuid:sleutel>/mening/", school.mening_samen, name="mening-samen"),
    path("<uuid:sleutel>/mening/<int:pk>/reactie/", school.reactie, name="reactie"),
    path("<uuid:sleutel>/vaststellen/", school.vaststellen, name="vaststellen"),
    path("<uuid:sleutel>/herzien/", school.herzien, name="herzien"),
    path("<uuid:sleutel>/evaluatie/", school.evaluatie, name="evaluatie"),
    path("<uuid:sleutel>/beeindigen/", school.beeindigen, name="beeindigen"),
    # Documents
    path("<uuid:sleutel>/pdf/", documenten.pdf, name="pdf"),
    path("bron-export.csv", documenten.bron_export, name="bron-export"),
    # The portal: parents and the pupil
    path("mijn/<uuid:sleutel>/", portaal.bekijken, name="portaal"),
    path("mijn/<uuid:sleutel>/onze-kijk/", portaal.zienswijze, name="zienswijze"),
    path("mijn/<uuid:sleutel>/instemmen/", portaal.instemmen, name="instemmen"),
    path("mijn/<uuid:sleutel>/wat-vind-jij/", portaal.mening, name="wat-vind-jij"),
]
