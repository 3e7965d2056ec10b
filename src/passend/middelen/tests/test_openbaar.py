"""The public page (goal 6) and its API: only adopted budgets, the afdrachten as one line
(never per category), per school only the amount, reserves against the signaleringswaarde,
the ondersteuningsplan's consent, the chart's text alternative, bounded queries."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from passend.accounts.tests.factories import GebruikerFactory
from passend.core.models import Toegangsregel
from passend.middelen.grafieken import tekstalternatief, uitgavengrafiek
from passend.middelen.rules import Begrotingsstatus, Oogouitkomst, Postsoort
from passend.middelen.tests.factories import (
    BegrotingFactory,
    BegrotingspostFactory,
    InstemmingFactory,
    OogoFactory,
    PlanFactory,
    PlanversieFactory,
)
from passend.organisaties.rules import Sector
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def vastgesteld(swv, jaar, **kwargs):
    return BegrotingFactory(
        samenwerkingsverband=swv,
        jaar=jaar,
        status=Begrotingsstatus.VASTGESTELD,
        vastgesteld_op=D(jaar - 1, 12, 1),
        **kwargs,
    )


def posten(begroting, leerlingen_per_afdracht=20, **bedragen):
    for soort, bedrag in bedragen.items():
        BegrotingspostFactory(
            begroting=begroting,
            soort=soort,
            bedrag=Decimal(bedrag),
            berekend=soort.startswith("afdracht"),
            grondslag={"aantal": leerlingen_per_afdracht} if soort.startswith("afdracht") else {},
        )


@pytest.fixture
def swv():
    return SamenwerkingsverbandFactory(naam="Samenwerkingsverband Rivierenland")


def test_alleen_vastgestelde_begrotingen_en_afdrachten_samen(swv):
    b2025 = vastgesteld(
        swv,
        2025,
        eigen_vermogen=Decimal("400000.00"),
        toelichting_reserve="Voor een nieuw steunpunt.",
    )
    posten(
        b2025,
        lichte_ondersteuning="6000000.00",
        zware_ondersteuning="2000000.00",
        afdracht_sbo="123457.00",
        afdracht_so="234568.00",
        afdracht_vso="345679.00",
        organisatie="300000.00",
    )
    vestiging = VestigingFactory(naam="Basisschool De Wilg", plaats="Tiel")
    BegrotingspostFactory(
        begroting=b2025,
        soort=Postsoort.TOEWIJZING_SCHOLEN,
        bedrag=Decimal("111111.00"),
        vestiging=vestiging,
        grondslag={"leerlingen": 7},
    )
    concept = BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    posten(concept, lichte_ondersteuning="9999999.00")

    antwoord = Client().get(reverse("verantwoording:swv", args=[swv.code]))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "€ 8.000.000,00" in tekst  # income 2025
    assert "9.999.999" not in tekst and ">2026<" not in tekst  # the concept is not shown
    # The afdrachten as one line (703,704), never per category.
    assert "€ 703.704,00" in tekst
    for bedrag in ("123.457", "234.568", "345.679"):
        assert bedrag not in tekst
    # Per school: only the amount, never the count of pupils.
    assert "Basisschool De Wilg" in tekst and "€ 111.111,00" in tekst
    assert 'leerlingen": 7' not in tekst
    # Reserves: signaleringswaarde max(3.5 % of 8,000,000 = 280,000, 250,000); excess 120,000.
    assert "€ 280.000,00" in tekst and "€ 120.000,00 hoger" in tekst
    assert "Voor een nieuw steunpunt." in tekst
    assert 'role="img"' in tekst and "<desc" in tekst
    assert not Toegangsregel.objects.exists()


def test_nog_niet_gepubliceerd(swv):
    BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    tekst = Client().get(reverse("verantwoording:swv", args=[swv.code])).content.decode()
    assert "Nog niet gepubliceerd." in tekst
    overzicht = Client().get(reverse("verantwoording:overzicht")).content.decode()
    assert "Samenwerkingsverband Rivierenland" in overzicht and "Nog niet gepubliceerd" in overzicht


def test_onbekend_swv_is_404():
    assert Client().get(reverse("verantwoording:swv", args=["PO9999"])).status_code == 404
    assert Client().get(reverse("verantwoording:swv", args=["onzin"])).status_code == 404


def test_jaren_naast_elkaar_en_jaar_kiezen(swv):
    for jaar, bedrag in ((2024, "100.00"), (2025, "200.00")):
        b = vastgesteld(swv, jaar)
        BegrotingspostFactory(
            begroting=b,
            soort=Postsoort.TOEWIJZING_SCHOLEN,
            bedrag=Decimal(bedrag),
            vestiging=VestigingFactory(naam=f"School {jaar}"),
        )
    client = Client()
    laatste = client.get(reverse("verantwoording:swv", args=[swv.code])).content.decode()
    assert "School 2025" in laatste and "School 2024" not in laatste
    assert "2024: € 100" in laatste and "2025: € 200" in laatste  # the chart
    eerder = client.get(reverse("verantwoording:swv", args=[swv.code]) + "?jaar=2024")
    assert "School 2024" in eerder.content.decode()
    onbekend = client.get(reverse("verantwoording:swv", args=[swv.code]) + "?jaar=1999")
    assert "Van het jaar 1999 is er geen vastgestelde begroting" in onbekend.content.decode()


def test_ondersteuningsplan_op_de_openbare_pagina(swv):
    a = GemeenteFactory(naam="Aadorp")
    swv.werkgebied.add(a)
    vandaag = datetime.date.today()
    plan = PlanFactory(
        samenwerkingsverband=swv,
        periode_van=vandaag - datetime.timedelta(days=10),
        periode_tot=vandaag + datetime.timedelta(days=300),
    )
    versie = PlanversieFactory(plan=plan, nummer=1)
    url = reverse("verantwoording:swv", args=[swv.code])
    assert "Nog geen OOGO over versie 1 met Aadorp." in Client().get(url).content.decode()
    InstemmingFactory(planversie=versie, datum=vandaag)
    OogoFactory(planversie=versie, gemeente=a, datum=vandaag, uitkomst=Oogouitkomst.OVEREENSTEMMING)
    assert "heeft de instemming van de ondersteuningsplanraad" in Client().get(url).content.decode()


def test_overzicht_filtert_op_sector_en_naam():
    SamenwerkingsverbandFactory(sector=Sector.PO, naam="Passend Primair Noord")
    SamenwerkingsverbandFactory(sector=Sector.VO, naam="Passend Voortgezet Zuid")
    client = Client()
    po = client.get(reverse("verantwoording:overzicht") + "?sector=PO").content.decode()
    assert "Primair Noord" in po and "Voortgezet Zuid" not in po
    zoek = client.get(reverse("verantwoording:overzicht") + "?naam=zuid").content.decode()
    assert "Voortgezet Zuid" in zoek and "Primair Noord" not in zoek


def test_grafiek_tekstalternatief():
    regels = [("Naar de scholen", [(2024, Decimal("1000.40")), (2025, Decimal("2500"))])]
    assert tekstalternatief(regels) == "Naar de scholen: 2024: € 1.000, 2025: € 2.500."
    svg = uitgavengrafiek(regels)
    assert svg.count("<rect") == 2 and "passend-grafiek" in svg
    assert uitgavengrafiek([]) == ""


#: The SWV, its budgets, the posts, the school amounts, the plans (4), werkgebied, slack.
MAX_OPENBAAR = 12


@pytest.mark.parametrize("aantal", [1, 8])
def test_vast_aantal_queries(swv, aantal, django_assert_max_num_queries):
    gebruiker = GebruikerFactory()
    for jaar in range(2020, 2020 + aantal):
        b = vastgesteld(swv, jaar)
        posten(b, lichte_ondersteuning="1000.00", afdracht_so="10.00")
        for _ in range(aantal):
            BegrotingspostFactory(
                begroting=b,
                soort=Postsoort.TOEWIJZING_SCHOLEN,
                bedrag=Decimal("5.00"),
                vestiging=VestigingFactory(),
            )
    plan = PlanFactory(
        samenwerkingsverband=swv, periode_van=D(2024, 1, 1), periode_tot=D(2027, 12, 31)
    )
    for n in range(aantal):
        PlanversieFactory(plan=plan, nummer=n + 1, aangemaakt_door=gebruiker)
    client = Client()
    for url in (
        reverse("verantwoording:swv", args=[swv.code]),
        reverse("verantwoording:overzicht"),
        reverse("api:verantwoording", args=[swv.code]),
    ):
        with django_assert_max_num_queries(MAX_OPENBAAR):
            assert client.get(url).status_code == 200


def test_api_verantwoording(swv):
    b = vastgesteld(swv, 2025, eigen_vermogen=Decimal("100000.00"))
    posten(b, lichte_ondersteuning="1000000.00", afdracht_so="5000.00", afdracht_vso="7000.00")
    BegrotingFactory(samenwerkingsverband=swv, jaar=2026)
    antwoord = Client().get(reverse("api:verantwoording", args=[swv.code]))
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert [j["jaar"] for j in data["jaren"]] == [2025]
    jaar = data["jaren"][0]
    assert jaar["lasten"]["afdrachten"] == "12000.00"
    assert "afdracht_so" not in jaar["lasten"] and "afdracht_so" not in str(data)
    assert jaar["signaleringswaarde"] == "250000.00" and jaar["bovenmatig"] == "0.00"
    fout = Client().get(reverse("api:verantwoording", args=[swv.code]) + "?jaar=twee")
    assert fout.status_code == 400 and fout.json()["code"] == "ongeldig"
    assert Client().get(reverse("api:verantwoording", args=["PO9999"])).status_code == 404
