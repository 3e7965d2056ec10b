from django.urls import path

from passend.toelaatbaarheid import views

app_name = "toelaatbaarheid"

urlpatterns = [
    # Lists of the school and the SWV
    path("", views.overzicht, name="overzicht"),
    path("grensverkeer/", views.grensverkeer, name="grensverkeer"),
    path("eindigt-binnenkort/", views.eindigt_binnenkort, name="eindigt-binnenkort"),
    path("rapportage/", views.rapportage, name="rapportage"),
    path("bron-export.csv", views.export, name="export"),
    # The SWV's set-up
    path("deskundigen/", views.deskundigen, name="deskundigen"),
    path("deskundigen/<int:pk>/", views.deskundige_wijzigen, name="deskundige-wijzigen"),
    path("regeling/", views.regeling, name="regeling"),
    # The school requests, from the OPP (``opp`` is the key of the vastgesteld version)
    path("aanvragen/<uuid:opp>/", views.aanvragen, name="aanvragen"),
    # One TLV
    path("<uuid:sleutel>/", views.detail, name="detail"),
    path("<uuid:sleutel>/vragen/", views.vragen, name="vragen"),
    path("<uuid:sleutel>/intrekken/", views.intrekken, name="intrekken"),
    path("<uuid:sleutel>/compleet/", views.compleet, name="compleet"),
    path("<uuid:sleutel>/advies/", views.advies, name="advies"),
    path("<uuid:sleutel>/besluit/", views.besluit, name="besluit"),
    path("<uuid:sleutel>/besluitbrief.pdf", views.brief, name="brief"),
    path("<uuid:sleutel>/bezwaar/", views.bezwaar, name="bezwaar"),
    path("<uuid:sleutel>/bezwaar/<int:pk>/", views.bezwaar_afhandelen, name="bezwaar-afhandelen"),
    path(
        "<uuid:sleutel>/beslissing-op-bezwaar/",
        views.beslissing_op_bezwaar,
        name="beslissing-op-bezwaar",
    ),
    path(
        "<uuid:sleutel>/beslissing-op-bezwaar.pdf",
        views.brief_bezwaar,
        name="brief-bezwaar",
    ),
    path("<uuid:sleutel>/verlenging/", views.verlenging, name="verlenging"),
    # The portal: parents and the pupil
    path("mijn/<uuid:leerling>/", views.portaal, name="portaal"),
]
