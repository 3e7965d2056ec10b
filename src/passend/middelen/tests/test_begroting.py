"""The budget: services (create, posts, reserves, adoption, stale revisie, read-only once
adopted), permissions (only the controller edits), the pages and API, query bounds."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.core.tests.scenario import client_voor
from passend.middelen.models import Begroting
from passend.middelen.rules import Begrotingsstatus, Postsoort
from passend.middelen.services import begroting as diensten
from passend.middelen.tests.factories import BegrotingFactory, BegrotingspostFactory
from passend.organisaties.rules import Sector
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory
from passend.toelaatbaarheid.rules import Soort
from passend.toelaatbaarheid.tests.factories import TlvFactory

pytestmark = pytest.mark.django_db
D = Decimal


def rol(swv, rolsoort=Rolsoort.FINANCIEEL_MEDEWERKER):
    return RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)


def actor(swv, rolsoort=Rolsoort.FINANCIEEL_MEDEWERKER):
    r = rol(swv, rolsoort)
    return Actor(gebruiker=r.gebruiker, rol=r)


# --- Services -------------------------------------------------------------------------------


def test_begroting_aanmaken_een_per_jaar():
    swv = SamenwerkingsverbandFactory()
    controller = actor(swv)
    begroting = diensten.begroting_aanmaken(
        actor=controller, jaar=2027, route="/t/", bedrag_per_leerling=D("100.00")
    )
    assert begroting.samenwerkingsverband == swv
    assert begroting.status == Begrotingsstatus.CONCEPT
    with pytest.raises(ValidationError) as fout:
        diensten.begroting_aanmaken(actor=controller, jaar=2027, route="/t/")
    assert fout.value.message_dict["jaar"] == [
        "Er is al een begroting voor 2027. Open die begroting."
    ]
    with pytest.raises(ValidationError) as fout:
        diensten.begroting_aanmaken(actor=controller, jaar=1999, route="/t/")
    assert "jaar" in fout.value.message_dict


@pytest.mark.parametrize(
    "rolsoort", [Rolsoort.DIRECTEUR, Rolsoort.TOEZICHTHOUDER, Rolsoort.OPR_LID]
)
def test_alleen_de_controller_bewerkt(rolsoort):
    begroting = BegrotingFactory()
    lezer = actor(begroting.samenwerkingsverband, rolsoort)
    with pytest.raises(Geweigerd):
        diensten.begroting_aanmaken(actor=lezer, jaar=2030, route="")
    with pytest.raises(Geweigerd):
        diensten.post_toevoegen(
            actor=lezer,
            begroting=begroting,
            revisie=1,
            soort=Postsoort.STEUNPUNT,
            omschrijving="",
            bedrag=D("1"),
        )
    with pytest.raises(Geweigerd):
        diensten.berekende_posten_bijwerken(actor=lezer, begroting=begroting, revisie=1, route="")
    assert begroting.posten.count() == 0


def test_controller_van_een_ander_swv_bewerkt_niet():
    begroting = BegrotingFactory()
    ander = actor(SamenwerkingsverbandFactory())
    with pytest.raises(Geweigerd):
        diensten.reserve_vastleggen(
            actor=ander,
            begroting=begroting,
            eigen_vermogen=D("1"),
            toelichting_reserve="",
            revisie=1,
        )


def test_posten_toevoegen_wijzigen_verwijderen_met_revisie():
    begroting = BegrotingFactory()
    controller = actor(begroting.samenwerkingsverband)
    post = diensten.post_toevoegen(
        actor=controller,
        begroting=begroting,
        revisie=1,
        soort=Postsoort.ORGANISATIE,
        omschrijving=" Bureau ",
        bedrag=D("1234567.89"),
    )
    assert post.omschrijving == "Bureau"
    assert begroting.revisie == 2
    # A second person with the page of revisie 1 open is refused; nothing is overwritten.
    with pytest.raises(diensten.Conflict) as fout:
        diensten.post_wijzigen(
            actor=controller,
            begroting=begroting,
            post_id=post.pk,
            revisie=1,
            soort=Postsoort.ORGANISATIE,
            omschrijving="Anders",
            bedrag=D("1"),
        )
    assert fout.value.code == "revisie"
    post.refresh_from_db()
    assert post.bedrag == D("1234567.89")
    diensten.post_wijzigen(
        actor=controller,
        begroting=begroting,
        post_id=post.pk,
        revisie=2,
        soort=Postsoort.OVERIGE_LASTEN,
        omschrijving="Anders",
        bedrag=D("10.50"),
    )
    post.refresh_from_db()
    assert (post.soort, post.bedrag) == (Postsoort.OVERIGE_LASTEN, D("10.50"))
    diensten.post_verwijderen(actor=controller, begroting=begroting, post_id=post.pk, revisie=3)
    assert begroting.posten.count() == 0
    assert begroting.revisie == 4
    regels = Toegangsregel.objects.filter(object_type="middelen.begroting", object_id=begroting.pk)
    assert regels.count() == 3


@pytest.mark.parametrize(
    ("soort", "bedrag", "veld"),
    [
        (Postsoort.AFDRACHT_SO, D("1"), "soort"),
        (Postsoort.TOEWIJZING_SCHOLEN, D("1"), "soort"),
        ("onbekend", D("1"), "soort"),
        (Postsoort.STEUNPUNT, D("-0.01"), "bedrag"),
        (Postsoort.STEUNPUNT, D("1.001"), "bedrag"),
        (Postsoort.STEUNPUNT, D("1000000000000"), "bedrag"),
        (Postsoort.STEUNPUNT, None, "bedrag"),
    ],
)
def test_ongeldige_post_wordt_geweigerd(soort, bedrag, veld):
    begroting = BegrotingFactory()
    with pytest.raises(ValidationError) as fout:
        diensten.post_toevoegen(
            actor=actor(begroting.samenwerkingsverband),
            begroting=begroting,
            revisie=1,
            soort=soort,
            omschrijving="",
            bedrag=bedrag,
        )
    assert list(fout.value.message_dict) == [veld]
    begroting.refresh_from_db()
    assert begroting.revisie == 1
    assert begroting.posten.count() == 0


def test_berekende_post_wijzigt_u_niet_zelf():
    begroting = BegrotingFactory()
    post = BegrotingspostFactory(begroting=begroting, soort=Postsoort.AFDRACHT_SO, berekend=True)
    with pytest.raises(ValidationError):
        diensten.post_verwijderen(
            actor=actor(begroting.samenwerkingsverband),
            begroting=begroting,
            post_id=post.pk,
            revisie=1,
        )


def test_vaststellen_zonder_baten_of_eigen_vermogen_geweigerd_per_veld():
    begroting = BegrotingFactory()
    controller = actor(begroting.samenwerkingsverband)
    with pytest.raises(ValidationError) as fout:
        diensten.begroting_vaststellen(
            actor=controller, begroting=begroting, revisie=1, datum=datetime.date(2025, 12, 1)
        )
    assert set(fout.value.message_dict) == {"posten", "eigen_vermogen"}


def test_vastgestelde_begroting_is_alleen_lezen():
    begroting = BegrotingFactory(
        status=Begrotingsstatus.VASTGESTELD, vastgesteld_op=datetime.date(2025, 12, 1)
    )
    controller = actor(begroting.samenwerkingsverband)
    for schrijf in (
        lambda: diensten.post_toevoegen(
            actor=controller,
            begroting=begroting,
            revisie=1,
            soort=Postsoort.STEUNPUNT,
            omschrijving="",
            bedrag=D("1"),
        ),
        lambda: diensten.berekende_posten_bijwerken(
            actor=controller, begroting=begroting, revisie=1, route=""
        ),
        lambda: diensten.reserve_vastleggen(
            actor=controller,
            begroting=begroting,
            eigen_vermogen=D("1"),
            toelichting_reserve="",
            revisie=1,
        ),
        lambda: diensten.begroting_vaststellen(
            actor=controller, begroting=begroting, revisie=1, datum=datetime.date(2026, 1, 1)
        ),
    ):
        with pytest.raises(diensten.Conflict) as fout:
            schrijf()
        assert fout.value.code == "vastgesteld"


def test_reserve_en_bedrag_per_leerling():
    begroting = BegrotingFactory(bedrag_per_leerling=D("50.00"))
    controller = actor(begroting.samenwerkingsverband)
    diensten.reserve_vastleggen(
        actor=controller,
        begroting=begroting,
        eigen_vermogen=D("300000.00"),
        toelichting_reserve="  Voor de nieuwe locatie.  ",
        revisie=1,
    )
    begroting.refresh_from_db()
    assert begroting.eigen_vermogen == D("300000.00")
    assert begroting.toelichting_reserve == "Voor de nieuwe locatie."
    assert begroting.bedrag_per_leerling == D("50.00")  # left as it was
    diensten.reserve_vastleggen(
        actor=controller,
        begroting=begroting,
        eigen_vermogen=None,
        toelichting_reserve="",
        revisie=2,
        bedrag_per_leerling=None,
    )
    begroting.refresh_from_db()
    assert begroting.eigen_vermogen is None
    assert begroting.bedrag_per_leerling is None


# --- Pages ----------------------------------------------------------------------------------


def _gevulde_begroting():
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    begroting = BegrotingFactory(
        samenwerkingsverband=swv, eigen_vermogen=D("400000.00"), toelichting_reserve=""
    )
    BegrotingspostFactory(
        begroting=begroting, soort=Postsoort.LICHTE_ONDERSTEUNING, bedrag=D("8000000.00")
    )
    BegrotingspostFactory(begroting=begroting, soort=Postsoort.STEUNPUNT, bedrag=D("150000.00"))
    return begroting


def test_detailpagina_toont_totalen_grondslag_en_overschrijding():
    begroting = _gevulde_begroting()
    swv = begroting.samenwerkingsverband
    for _ in range(2):
        TlvFactory(
            toegekend=True,
            verantwoordelijk_swv=swv,
            soort=Soort.SO,
            bekostigingscategorie=1,
            ontvangen_op=datetime.date(2024, 5, 1),
            compleet_op=datetime.date(2024, 5, 8),
            besluit_op=datetime.date(2024, 6, 1),
            ingangsdatum=datetime.date(2024, 8, 1),
            einddatum=datetime.date(2027, 7, 31),
        )
    controller = actor(swv)
    diensten.berekende_posten_bijwerken(actor=controller, begroting=begroting, revisie=1, route="")
    client = client_voor(controller.rol)
    antwoord = client.get(reverse("middelen:begroting", args=[begroting.pk]))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "€ 8.000.000,00" in tekst
    assert "2 leerlingen met een TLV so categorie 1 op 1 februari 2025 × € 10.650,00" in tekst
    assert "€ 21.300,00" in tekst
    # 3.5 % of 8,000,000 = 280,000; reserves 400,000 → 120,000 above it.
    assert "€ 280.000,00" in tekst
    assert "ligt € 120.000,00 boven de signaleringswaarde" in tekst
    assert "De toelichting ontbreekt nog" in tekst
    assert 'class="passend-grafiek"' in tekst
    assert "Post toevoegen" in tekst


def test_directeur_leest_maar_bewerkt_niet():
    begroting = _gevulde_begroting()
    directeur = rol(begroting.samenwerkingsverband, Rolsoort.DIRECTEUR)
    client = client_voor(directeur)
    antwoord = client.get(reverse("middelen:begroting", args=[begroting.pk]))
    assert antwoord.status_code == 200
    assert "Post toevoegen" not in antwoord.content.decode()
    antwoord = client.post(
        reverse("middelen:post-nieuw", args=[begroting.pk]),
        {"revisie": 1, "soort": Postsoort.STEUNPUNT, "bedrag": "1"},
    )
    assert antwoord.status_code == 403
    assert Toegangsregel.objects.filter(
        object_type="middelen.begroting", resultaat="geweigerd", gebruiker=directeur.gebruiker
    ).exists()
    assert begroting.posten.count() == 2


def test_post_toevoegen_via_de_pagina_met_nederlands_bedrag_en_oude_revisie():
    begroting = _gevulde_begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    url = reverse("middelen:post-nieuw", args=[begroting.pk])
    antwoord = client.post(
        url, {"revisie": 1, "soort": Postsoort.ORGANISATIE, "bedrag": "1.234.567,89"}
    )
    assert antwoord.status_code == 302
    assert begroting.posten.filter(bedrag=D("1234567.89")).exists()
    antwoord = client.post(
        url, {"revisie": 1, "soort": Postsoort.ORGANISATIE, "omschrijving": "Tweede", "bedrag": "5"}
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Iemand anders heeft deze begroting intussen gewijzigd" in tekst
    assert 'value="Tweede"' in tekst  # what was typed is kept
    antwoord = client.post(url, {"revisie": 2, "soort": Postsoort.ORGANISATIE, "bedrag": "abc"})
    assert antwoord.status_code == 200
    assert "Vul een bedrag in euro&#x27;s in" in antwoord.content.decode()
    assert begroting.posten.count() == 3


def test_vaststellen_via_de_pagina_toont_de_fout_bij_het_veld():
    begroting = _gevulde_begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    antwoord = client.post(
        reverse("middelen:vaststellen", args=[begroting.pk]),
        {"revisie": 1, "datum": "15-12-2025"},
    )
    assert antwoord.status_code == 200
    assert "Het eigen vermogen ligt boven de signaleringswaarde" in antwoord.content.decode()
    begroting.refresh_from_db()
    assert begroting.status == Begrotingsstatus.CONCEPT


def test_importeren_via_de_pagina():
    begroting = _gevulde_begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    url = reverse("middelen:importeren", args=[begroting.pk])
    fout = SimpleUploadedFile("b.csv", b"soort;omschrijving;bedrag\nsteunpunt;x;-1\n")
    antwoord = client.post(url, {"revisie": 1, "bestand": fout})
    assert "Regel 2, kolom bedrag" in antwoord.content.decode()
    goed = SimpleUploadedFile("b.csv", b"soort;omschrijving;bedrag\nzware_ondersteuning;;9,99\n")
    antwoord = client.post(url, {"revisie": 1, "bestand": goed})
    assert antwoord.status_code == 302
    assert list(begroting.posten.values_list("soort", "bedrag")) == [
        ("zware_ondersteuning", D("9.99"))
    ]


def test_nieuwe_begroting_via_de_pagina():
    swv = SamenwerkingsverbandFactory()
    client = client_voor(rol(swv))
    antwoord = client.post(
        reverse("middelen:begroting-nieuw"), {"jaar": "2027", "bedrag_per_leerling": "125,50"}
    )
    begroting = Begroting.objects.get(samenwerkingsverband=swv, jaar=2027)
    assert antwoord["Location"] == reverse("middelen:begroting", args=[begroting.pk])
    assert begroting.bedrag_per_leerling == D("125.50")
    antwoord = client.get(reverse("middelen:begrotingen"))
    assert "Begroting 2027" in antwoord.content.decode()


@pytest.mark.parametrize(("posten", "begrotingen"), [(2, 1), (40, 12)])
def test_pagina_en_lijst_hebben_een_vast_aantal_queries(
    posten, begrotingen, django_assert_max_num_queries
):
    """Small and large data (posts of one budget, budgets of the SWV): the same bound."""
    begroting = BegrotingFactory()
    for i in range(posten):
        BegrotingspostFactory(begroting=begroting, soort=Postsoort.ORGANISATIE, bedrag=D(i))
    for jaar in range(2025, 2025 - begrotingen, -1):
        andere = BegrotingFactory(samenwerkingsverband=begroting.samenwerkingsverband, jaar=jaar)
        BegrotingspostFactory(begroting=andere, soort=Postsoort.STEUNPUNT, bedrag=D(jaar))
    client = client_voor(rol(begroting.samenwerkingsverband))
    with django_assert_max_num_queries(16):
        assert client.get(reverse("middelen:begroting", args=[begroting.pk])).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("middelen:begrotingen")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("api:begroting-list")).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(reverse("api:begroting-detail", args=[begroting.pk])).status_code == 200


# --- API ------------------------------------------------------------------------------------


def test_api_post_toevoegen_wijzigen_verwijderen_en_409():
    begroting = _gevulde_begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    url = reverse("api:begroting-posten", args=[begroting.pk])
    antwoord = client.post(
        url,
        json.dumps({"revisie": 1, "soort": "organisatie", "bedrag": "12.50"}),
        content_type="application/json",
    )
    assert antwoord.status_code == 201, antwoord.content
    data = antwoord.json()
    assert data["revisie"] == 2
    assert data["totalen"]["lasten"] == "150012.50"
    assert data["totalen"]["signaleringswaarde"] == "280000.00"
    assert data["totalen"]["bovenmatig"] == "120000.00"
    post_id = next(p["id"] for p in data["posten"] if p["soort"] == "organisatie")
    post_url = reverse("api:begroting-post", args=[begroting.pk, post_id])
    antwoord = client.patch(
        post_url, json.dumps({"revisie": 1, "bedrag": "1.00"}), content_type="application/json"
    )
    assert antwoord.status_code == 409
    assert antwoord.json() == {
        "code": "revisie",
        "detail": antwoord.json()["detail"],
        "revisie": 2,
    }
    antwoord = client.patch(
        post_url, json.dumps({"revisie": 2, "bedrag": "-1"}), content_type="application/json"
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["code"] == "ongeldig"
    assert "bedrag" in antwoord.json()["velden"]
    antwoord = client.patch(
        post_url, json.dumps({"revisie": 2, "bedrag": "7.00"}), content_type="application/json"
    )
    assert antwoord.status_code == 200
    antwoord = client.delete(f"{post_url}?revisie=3")
    assert antwoord.status_code == 204
    assert not begroting.posten.filter(pk=post_id).exists()


def test_api_berekende_soort_400_en_onbekend_id_404():
    begroting = _gevulde_begroting()
    client = client_voor(rol(begroting.samenwerkingsverband))
    antwoord = client.post(
        reverse("api:begroting-posten", args=[begroting.pk]),
        json.dumps({"revisie": 1, "soort": "afdracht_so", "bedrag": "1"}),
        content_type="application/json",
    )
    assert antwoord.status_code == 400
    assert "soort" in antwoord.json()["velden"]
    assert client.get("/api/v1/begrotingen/abc/").status_code == 404
    assert client.get(reverse("api:begroting-detail", args=[999999])).status_code == 404


def test_api_berekenen_en_aanmaken():
    swv = SamenwerkingsverbandFactory()
    client = client_voor(rol(swv))
    antwoord = client.post(
        reverse("api:begroting-list"), json.dumps({"jaar": 2026}), content_type="application/json"
    )
    assert antwoord.status_code == 201
    pk = antwoord.json()["id"]
    antwoord = client.post(
        reverse("api:begroting-berekenen", args=[pk]),
        json.dumps({"revisie": 1}),
        content_type="application/json",
    )
    assert antwoord.status_code == 200
    assert antwoord.json()["revisie"] == 2
    lijst = client.get(reverse("api:begroting-list")).json()
    assert [b["jaar"] for b in lijst] == [2026]


# --- Start page -----------------------------------------------------------------------------


def test_mijn_werk_van_de_controller():
    from passend.middelen.selectors.begroting import mijn_werk

    swv = SamenwerkingsverbandFactory()
    controller = actor(swv)
    vandaag = datetime.date(2026, 3, 1)
    assert [i["tekst"] for i in mijn_werk(actor=controller, peildatum=vandaag)] == [
        "Er is nog geen begroting voor 2026"
    ]
    BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    BegrotingFactory(samenwerkingsverband=swv, jaar=2027)
    BegrotingFactory(samenwerkingsverband=swv, jaar=2025)  # past: not asked for
    assert mijn_werk(actor=controller, peildatum=vandaag) == [
        {
            "tekst": "Nog niet vastgestelde begrotingen: 2026, 2027",
            "aantal": 2,
            "url": reverse("middelen:begrotingen"),
        }
    ]
    assert mijn_werk(actor=actor(swv, Rolsoort.DIRECTEUR), peildatum=vandaag) == []
