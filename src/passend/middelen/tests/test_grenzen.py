"""Edge cases found in review (R8b): amounts at and past their limits, a pupil with two
TLVs, refusals in the API that must be logged, one log record per API write, a broken CSV,
odd years and dates, the public afdracht line for a few pupils, and the rules that the
pages now state (no category, no pupil count, gross income, negative reserves, a second
OPR/OOGO decision on the same day)."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Actie, Resultaat, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.core.tests.scenario import client_voor
from passend.middelen.grafieken import uitgavengrafiek
from passend.middelen.models import Begroting, Instemming, Oogo, Plan
from passend.middelen.rules import (
    MAXIMAAL_BEDRAG,
    Begrotingsstatus,
    Instemmingsuitkomst,
    Oogouitkomst,
    Plansoort,
    Postsoort,
    teldatum,
)
from passend.middelen.services.begroting import (
    begroting_aanmaken,
    begroting_vaststellen,
    berekende_posten_bijwerken,
    reserve_vastleggen,
)
from passend.middelen.services.importeren import ImportMislukt, posten_lezen
from passend.middelen.services.plannen import (
    instemming_vastleggen,
    oogo_vastleggen,
    plan_aanmaken,
    versie_toevoegen,
)
from passend.middelen.tests.factories import BegrotingFactory, BegrotingspostFactory
from passend.organisaties.rules import Sector
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    LeerlingtellingFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.toelaatbaarheid.rules import Soort
from passend.toelaatbaarheid.tests.factories import TlvFactory

pytestmark = pytest.mark.django_db
D = datetime.date
R = Rolsoort


def rol(swv, rolsoort=R.FINANCIEEL_MEDEWERKER):
    return RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)


def actor(swv, rolsoort=R.FINANCIEEL_MEDEWERKER):
    r = rol(swv, rolsoort)
    return Actor(gebruiker=r.gebruiker, rol=r)


@pytest.fixture
def swv():
    return SamenwerkingsverbandFactory(sector=Sector.PO)


def tlv(swv, *, leerling=None, categorie=1, van, tot, besluit, soort=Soort.SO):
    extra = {"leerling": leerling} if leerling is not None else {}
    return TlvFactory(
        toegekend=True,
        verantwoordelijk_swv=swv,
        soort=soort,
        bekostigingscategorie=categorie,
        ingangsdatum=van,
        einddatum=tot,
        ontvangen_op=besluit - datetime.timedelta(days=30),
        compleet_op=besluit - datetime.timedelta(days=20),
        besluit_op=besluit,
        **extra,
    )


# --- #4 teldatum -------------------------------------------------------------------------


def test_teldatum_is_voor_beide_sectoren_het_jaar_ervoor():
    assert teldatum("PO", 2026) == D(2025, 2, 1)
    assert teldatum("VO", 2026) == D(2025, 10, 1)


# --- #1 amount per pupil -----------------------------------------------------------------


def test_te_groot_bedrag_per_leerling_geweigerd_op_de_pagina(swv):
    client = client_voor(rol(swv))
    antwoord = client.post(
        reverse("middelen:begroting-nieuw"), {"jaar": "2026", "bedrag_per_leerling": "10.000.000"}
    )
    assert antwoord.status_code == 200
    assert "te groot" in antwoord.content.decode()
    assert not Begroting.objects.filter(samenwerkingsverband=swv).exists()


def test_te_groot_bedrag_per_leerling_in_de_service(swv):
    controller = actor(swv)
    with pytest.raises(ValidationError) as fout:
        begroting_aanmaken(
            actor=controller, jaar=2026, route="/t/", bedrag_per_leerling=Decimal("10000000.00")
        )
    assert "bedrag_per_leerling" in fout.value.message_dict
    begroting = begroting_aanmaken(
        actor=controller, jaar=2026, route="/t/", bedrag_per_leerling=Decimal("9999999.99")
    )
    with pytest.raises(ValidationError) as fout:
        reserve_vastleggen(
            actor=controller,
            begroting=begroting,
            eigen_vermogen=None,
            toelichting_reserve="",
            revisie=begroting.revisie,
            bedrag_per_leerling=Decimal("10000000.00"),
        )
    assert "te groot" in fout.value.message_dict["bedrag_per_leerling"][0]


def test_te_groot_bedrag_per_leerling_in_de_api(swv):
    client = client_voor(rol(swv))
    antwoord = client.post(
        reverse("api:begroting-list"),
        data=json.dumps({"jaar": 2026, "bedrag_per_leerling": "10000000.00"}),
        content_type="application/json",
    )
    assert antwoord.status_code == 400
    assert "bedrag_per_leerling" in json.dumps(antwoord.json())
    assert not Begroting.objects.filter(samenwerkingsverband=swv).exists()


# --- #2 one pupil, two TLVs --------------------------------------------------------------


def test_leerling_met_twee_lopende_tlvs_telt_een_keer_met_de_nieuwste(swv):
    oud = tlv(swv, categorie=1, van=D(2024, 8, 1), tot=D(2026, 7, 31), besluit=D(2024, 6, 1))
    tlv(
        swv,
        leerling=oud.leerling,
        categorie=2,
        van=D(2025, 1, 1),
        tot=D(2028, 7, 31),
        besluit=D(2024, 11, 1),
    )
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    berekende_posten_bijwerken(
        actor=actor(swv), begroting=begroting, revisie=begroting.revisie, route="/t/"
    )
    posten = list(begroting.posten.filter(soort=Postsoort.AFDRACHT_SO))
    assert [(p.grondslag["categorie"], p.grondslag["aantal"]) for p in posten] == [(2, 1)]


# --- #3 refusals in the API are logged ---------------------------------------------------


def test_api_begroting_aanmaken_door_directeur_403_en_gelogd(swv):
    client = client_voor(rol(swv, R.DIRECTEUR))
    antwoord = client.post(
        reverse("api:begroting-list"),
        data=json.dumps({"jaar": 2026}),
        content_type="application/json",
    )
    assert antwoord.status_code == 403
    weigering = Toegangsregel.objects.get(resultaat=Resultaat.GEWEIGERD)
    assert weigering.actie == Actie.AANMAKEN
    assert weigering.object_type == "middelen.begroting"


def test_api_plan_aanmaken_door_controller_403_en_gelogd(swv):
    client = client_voor(rol(swv))
    antwoord = client.post(
        reverse("api:plan-list"),
        data=json.dumps(
            {
                "soort": "ondersteuningsplan",
                "titel": "Plan",
                "periode_van": "2026-08-01",
                "periode_tot": "2027-07-31",
            }
        ),
        content_type="application/json",
    )
    assert antwoord.status_code == 403
    assert Toegangsregel.objects.filter(
        resultaat=Resultaat.GEWEIGERD, object_type="middelen.plan"
    ).exists()
    assert not Plan.objects.exists()


def test_plan_aanmaken_weigering_gelogd_in_de_service(swv):
    with pytest.raises(Geweigerd):
        plan_aanmaken(
            actor=actor(swv),
            soort=Plansoort.ONDERSTEUNINGSPLAN,
            titel="Plan",
            periode_van=D(2026, 8, 1),
            periode_tot=D(2027, 7, 31),
            route="/t/",
        )
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.actie, regel.route) == (
        Resultaat.GEWEIGERD,
        Actie.AANMAKEN,
        "/t/",
    )


# --- #9 one record per API write ---------------------------------------------------------


def test_api_schrijven_laat_een_logregel_achter(swv):
    begroting = BegrotingFactory(samenwerkingsverband=swv)
    client = client_voor(rol(swv))
    voor = Toegangsregel.objects.count()
    antwoord = client.post(
        reverse("api:begroting-posten", args=[begroting.pk]),
        json.dumps({"revisie": 1, "soort": "organisatie", "bedrag": "12.50"}),
        content_type="application/json",
    )
    assert antwoord.status_code == 201
    assert antwoord.json()["revisie"] == 2
    assert Toegangsregel.objects.count() - voor == 1


# --- #5 broken CSV ------------------------------------------------------------------------


def test_csv_met_een_te_lange_cel_is_een_melding():
    inhoud = ("soort;omschrijving;bedrag\nsteunpunt;" + "x" * 140_000 + ";100\n").encode()
    with pytest.raises(ImportMislukt) as fout:
        posten_lezen(inhoud)
    assert fout.value.fouten[0].startswith("Regel 2: het bestand is geen geldig CSV-bestand")


def test_csv_met_een_te_lange_cel_op_de_pagina(swv):
    from django.core.files.uploadedfile import SimpleUploadedFile

    begroting = BegrotingFactory(samenwerkingsverband=swv)
    inhoud = ("soort;omschrijving;bedrag\nsteunpunt;" + "x" * 140_000 + ";100\n").encode()
    antwoord = client_voor(rol(swv)).post(
        reverse("middelen:importeren", args=[begroting.pk]),
        {"revisie": 1, "bestand": SimpleUploadedFile("p.csv", inhoud, content_type="text/csv")},
    )
    assert antwoord.status_code == 200
    assert "geen geldig CSV-bestand" in antwoord.content.decode()


# --- #6 odd years -------------------------------------------------------------------------


def test_jaar_in_superscript_cijfers(swv):
    client = Client()
    pagina = client.get(reverse("verantwoording:swv", args=[swv.code]) + "?jaar=²⁰²⁶")
    api = client.get(reverse("api:verantwoording", args=[swv.code]) + "?jaar=²⁰²⁶")
    assert pagina.status_code == 200
    assert api.status_code == 400


# --- #7 plan dates ------------------------------------------------------------------------


def test_plan_in_de_verre_toekomst_is_een_veldfout(swv):
    client = client_voor(rol(swv, R.DIRECTEUR))
    antwoord = client.post(
        reverse("middelen:plan-nieuw"),
        {
            "soort": "ondersteuningsplan",
            "titel": "x",
            "periode_van": "9998-01-01",
            "periode_tot": "9998-12-31",
        },
    )
    assert antwoord.status_code == 200
    assert "Kies een datum tussen 1-1-2000 en 31-12-2100" in antwoord.content.decode()
    api = client.post(
        reverse("api:plan-list"),
        data=json.dumps(
            {
                "soort": "ondersteuningsplan",
                "titel": "x",
                "periode_van": "9998-01-01",
                "periode_tot": "9998-12-31",
            }
        ),
        content_type="application/json",
    )
    assert api.status_code == 400
    assert not Plan.objects.exists()


# --- #8 large totals ----------------------------------------------------------------------


def test_grootste_bedrag_per_post():
    assert Decimal("9999999999.99") == MAXIMAAL_BEDRAG


def test_som_van_veel_grote_posten_geeft_geen_fout(swv):
    begroting = BegrotingFactory(samenwerkingsverband=swv)
    BegrotingspostFactory.create_batch(
        120, begroting=begroting, soort=Postsoort.OVERIGE_BATEN, bedrag=MAXIMAAL_BEDRAG
    )
    client = client_voor(rol(swv))
    assert client.get(reverse("middelen:begrotingen")).status_code == 200
    assert client.get(reverse("middelen:begroting", args=[begroting.pk])).status_code == 200
    api = client.get(reverse("api:begroting-detail", args=[begroting.pk]))
    assert api.status_code == 200
    assert api.json()["totalen"]["totale_baten"] == "1199999999998.80"


def test_post_boven_het_maximum_in_de_api_is_400(swv):
    begroting = BegrotingFactory(samenwerkingsverband=swv)
    antwoord = client_voor(rol(swv)).post(
        reverse("api:begroting-posten", args=[begroting.pk]),
        json.dumps({"revisie": 1, "soort": "overige_baten", "bedrag": "10000000000.00"}),
        content_type="application/json",
    )
    assert antwoord.status_code == 400
    assert not begroting.posten.exists()


# --- #10 the public afdracht line for a few pupils ----------------------------------------


def _gepubliceerd(swv, leerlingen):
    begroting = BegrotingFactory(
        samenwerkingsverband=swv,
        jaar=2025,
        status=Begrotingsstatus.VASTGESTELD,
        vastgesteld_op=D(2024, 12, 1),
    )
    BegrotingspostFactory(
        begroting=begroting, soort=Postsoort.LICHTE_ONDERSTEUNING, bedrag=Decimal("1000000.00")
    )
    BegrotingspostFactory(
        begroting=begroting,
        soort=Postsoort.AFDRACHT_SBO,
        bedrag=Decimal("5200.00") * leerlingen,
        berekend=True,
        grondslag={"aantal": leerlingen, "categorie": None},
    )
    BegrotingspostFactory(
        begroting=begroting, soort=Postsoort.ORGANISATIE, bedrag=Decimal("100000.00")
    )
    return begroting


def test_afdracht_van_minder_dan_10_leerlingen_niet_openbaar(swv):
    _gepubliceerd(swv, 3)
    pagina = Client().get(reverse("verantwoording:swv", args=[swv.code])).content.decode()
    assert "€ 15.600,00" not in pagina  # 3 × 5.200
    assert "€ 115.600,00" not in pagina  # the total would give it back
    assert "€ 884.400,00" not in pagina  # and so would the result
    assert "niet getoond (minder dan 10 leerlingen)" in pagina
    assert "Zo kan niemand uitrekenen" not in pagina
    data = Client().get(reverse("api:verantwoording", args=[swv.code])).json()
    jaar = data["jaren"][0]
    assert jaar["lasten"]["afdrachten"] is None
    assert jaar["lasten"]["totaal"] is None
    assert jaar["resultaat"] is None
    assert jaar["lasten"]["organisatie"] == "100000.00"


def test_afdracht_van_10_leerlingen_wel_openbaar(swv):
    _gepubliceerd(swv, 10)
    pagina = Client().get(reverse("verantwoording:swv", args=[swv.code])).content.decode()
    assert "€ 52.000,00" in pagina
    assert "niet getoond (minder dan 10 leerlingen)" not in pagina
    jaar = Client().get(reverse("api:verantwoording", args=[swv.code])).json()["jaren"][0]
    assert jaar["lasten"]["afdrachten"] == "52000.00"


def test_grafiek_toont_een_niet_getoond_bedrag_niet():
    svg = uitgavengrafiek([("Speciaal", [(2024, None), (2025, Decimal("52000"))])])
    assert "2024: niet getoond" in svg
    assert "2025: € 52.000" in svg


# --- #11 rules stated on the page ---------------------------------------------------------


def test_tlv_zonder_categorie_telt_als_1_en_de_pagina_zegt_het(swv):
    tlv(swv, categorie=None, van=D(2024, 8, 1), tot=D(2027, 7, 31), besluit=D(2024, 6, 1))
    tlv(swv, categorie=1, van=D(2024, 8, 1), tot=D(2027, 7, 31), besluit=D(2024, 6, 1))
    begroting = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    controller = actor(swv)
    berekende_posten_bijwerken(
        actor=controller, begroting=begroting, revisie=begroting.revisie, route="/t/"
    )
    post = begroting.posten.get(soort=Postsoort.AFDRACHT_SO)
    assert post.grondslag["aantal"] == 2
    assert post.grondslag["zonder_categorie"] == 1
    pagina = client_voor(controller.rol).get(reverse("middelen:begroting", args=[begroting.pk]))
    assert "Bij 1 van deze TLV&#x27;s staat geen bekostigingscategorie" in pagina.content.decode()


def test_scholen_zonder_leerlingtelling_staan_op_de_pagina(swv):
    met = VestigingFactory(naam="De Linde")
    zonder = VestigingFactory(naam="De Eik")
    later = VestigingFactory(naam="De Beuk")
    for v in (met, zonder, later):
        SwvLidmaatschapFactory(vestiging=v, samenwerkingsverband=swv)
    LeerlingtellingFactory(vestiging=met, teldatum=D(2024, 10, 1), aantal=100)
    LeerlingtellingFactory(vestiging=later, teldatum=D(2025, 10, 1), aantal=80)  # after 1-2-2025
    begroting = BegrotingFactory(
        samenwerkingsverband=swv, jaar=2026, bedrag_per_leerling=Decimal("100.00")
    )
    controller = actor(swv)
    berekende_posten_bijwerken(
        actor=controller, begroting=begroting, revisie=begroting.revisie, route="/t/"
    )
    assert list(
        begroting.posten.filter(soort=Postsoort.TOEWIJZING_SCHOLEN).values_list(
            "omschrijving", flat=True
        )
    ) == ["De Linde"]
    pagina = client_voor(controller.rol).get(reverse("middelen:begroting", args=[begroting.pk]))
    tekst = pagina.content.decode()
    assert "Geen leerlingtelling:" in tekst
    assert "De Beuk, De Eik." in tekst
    assert "bruto, vóór afdrachten" in tekst


def test_negatief_eigen_vermogen_mag(swv):
    begroting = BegrotingFactory(samenwerkingsverband=swv)
    client = client_voor(rol(swv))
    antwoord = client.post(
        reverse("middelen:reserve", args=[begroting.pk]),
        {"revisie": 1, "eigen_vermogen": "-25.000,00", "toelichting_reserve": ""},
    )
    assert antwoord.status_code == 302
    begroting.refresh_from_db()
    assert begroting.eigen_vermogen == Decimal("-25000.00")
    with pytest.raises(ValidationError) as fout:
        reserve_vastleggen(
            actor=actor(swv),
            begroting=begroting,
            eigen_vermogen=Decimal("-10000000000.00"),
            toelichting_reserve="",
            revisie=begroting.revisie,
        )
    assert "te laag" in fout.value.message_dict["eigen_vermogen"][0]


def test_vaststellen_voor_2000_geweigerd(swv):
    begroting = BegrotingFactory(samenwerkingsverband=swv, eigen_vermogen=Decimal("0.00"))
    BegrotingspostFactory(begroting=begroting)
    with pytest.raises(ValidationError) as fout:
        begroting_vaststellen(
            actor=actor(swv), begroting=begroting, revisie=begroting.revisie, datum=D(1999, 12, 31)
        )
    assert "te ver terug" in fout.value.message_dict["datum"][0]


@pytest.fixture
def versie(swv):
    directeur = actor(swv, R.DIRECTEUR)
    plan = plan_aanmaken(
        actor=directeur,
        soort=Plansoort.ONDERSTEUNINGSPLAN,
        titel="Plan",
        periode_van=D(2024, 8, 1),
        periode_tot=D(2028, 7, 31),
    )
    return directeur, versie_toevoegen(
        actor=directeur, plan=plan, samenvatting="v1", vastgesteld_op=None, revisie=plan.revisie
    )


def test_tweede_opr_besluit_op_dezelfde_dag_geweigerd(versie):
    directeur, planversie = versie
    instemming_vastleggen(
        actor=directeur,
        planversie=planversie,
        datum=D(2024, 6, 1),
        uitkomst=Instemmingsuitkomst.INGESTEMD,
    )
    with pytest.raises(ValidationError) as fout:
        instemming_vastleggen(
            actor=directeur,
            planversie=planversie,
            datum=D(2024, 6, 1),
            uitkomst=Instemmingsuitkomst.NIET_INGESTEMD,
        )
    assert "al een besluit van de OPR" in fout.value.message_dict["datum"][0]
    with pytest.raises(ValidationError) as fout:
        instemming_vastleggen(
            actor=directeur,
            planversie=planversie,
            datum=D(1999, 6, 1),
            uitkomst=Instemmingsuitkomst.INGESTEMD,
        )
    assert "te ver terug" in fout.value.message_dict["datum"][0]
    assert Instemming.objects.count() == 1


def test_tweede_oogo_met_dezelfde_gemeente_op_dezelfde_dag_geweigerd(swv, versie):
    directeur, planversie = versie
    a, b = GemeenteFactory(naam="Aadorp"), GemeenteFactory(naam="Beekdal")
    swv.werkgebied.add(a, b)
    for gemeente in (a, b):
        oogo_vastleggen(
            actor=directeur,
            planversie=planversie,
            gemeente_id=gemeente.pk,
            datum=D(2024, 5, 1),
            uitkomst=Oogouitkomst.OVEREENSTEMMING,
        )
    with pytest.raises(ValidationError) as fout:
        oogo_vastleggen(
            actor=directeur,
            planversie=planversie,
            gemeente_id=a.pk,
            datum=D(2024, 5, 1),
            uitkomst=Oogouitkomst.GEEN_OVEREENSTEMMING,
        )
    assert "al een OOGO met deze gemeente" in fout.value.message_dict["datum"][0]
    assert Oogo.objects.count() == 2


def test_de_grens_komt_uit_de_instelling(swv, settings):
    settings.PASSEND = {**settings.PASSEND, "KLEINE_CEL_GRENS": 3}
    _gepubliceerd(swv, 3)
    pagina = Client().get(reverse("verantwoording:swv", args=[swv.code])).content.decode()
    assert "€ 15.600,00" in pagina
    _gepubliceerd(SamenwerkingsverbandFactory(code="PO9999"), 2)
    pagina = Client().get(reverse("verantwoording:swv", args=["PO9999"])).content.decode()
    assert "niet getoond (minder dan 3 leerlingen)" in pagina
    assert "minder dan 3 leerlingen, dan tonen" in pagina
