"""The pages of preparing and running a wave, as the region's directeur: create, edit (stale
form refused, typed values kept), add and remove an item, open, codes (page and CSV), the
response page; each request writes one access-log record; bounded queries."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import Regio, client_voor, maak_regio
from passend.doelstellingen.models import Meting, Uitnodiging
from passend.doelstellingen.rules import Metingstatus, Respondentgroep, code_hash
from passend.doelstellingen.services import meting as diensten
from passend.doelstellingen.tests.factories import UitnodigingFactory
from passend.organisaties.tests.factories import SwvLidmaatschapFactory

pytestmark = pytest.mark.django_db

G = Respondentgroep


@pytest.fixture
def regio() -> Regio:
    return maak_regio("eigen", 1)


@pytest.fixture
def client(regio: Regio) -> Client:
    return client_voor(regio.rollen[Rolsoort.DIRECTEUR])


def _nieuw(client: Client, **extra: Any) -> Any:
    data = {
        "naam": "Meting 2027",
        "jaar": "2027",
        "open_van": "2027-05-01",
        "open_tot": "2027-06-30",
        "groepen": [G.LEERLING, G.OUDER],
    }
    data.update(extra)
    return client.post(reverse("doelstellingen:meting-nieuw"), data)


def _regels() -> int:
    return Toegangsregel.objects.count()


def test_meting_klaarzetten_en_bekijken(client: Client) -> None:
    antwoord = _nieuw(client)
    meting = Meting.objects.get(jaar=2027)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("doelstellingen:meting", args=[meting.pk])
    pagina = client.get(reverse("doelstellingen:meting", args=[meting.pk]))
    inhoud = pagina.content.decode()
    assert "Op school luisteren ze naar mij." in inhoud
    assert "LL.D2.gehoord" in inhoud and "Meting openen" in inhoud
    lijst = client.get(reverse("doelstellingen:overzicht")).content.decode()
    assert "Meting 2027" in lijst and "0 van 0" in lijst


def test_fouten_per_veld(client: Client) -> None:
    _nieuw(client)
    antwoord = _nieuw(client, naam="", groepen=[])
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Geef de meting een naam." in inhoud and "Kies ten minste één groep" in inhoud
    antwoord = _nieuw(client)
    assert "Er is al een meting voor 2027" in antwoord.content.decode()
    assert Meting.objects.filter(jaar=2027).count() == 1


def test_verouderd_formulier_geweigerd_invoer_blijft(client: Client) -> None:
    _nieuw(client)
    meting = Meting.objects.get(jaar=2027)
    url = reverse("doelstellingen:meting-wijzigen", args=[meting.pk])
    data = {
        "naam": "Eerste wijziging",
        "open_van": "2027-05-01",
        "open_tot": "2027-06-30",
        "revisie": str(meting.revisie),
    }
    assert client.post(url, data).status_code == 302
    voor = _regels()
    antwoord = client.post(url, {**data, "naam": "Mijn getypte naam"})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Iemand anders heeft deze meting intussen gewijzigd" in inhoud
    assert 'value="Mijn getypte naam"' in inhoud
    assert Meting.objects.get(jaar=2027).naam == "Eerste wijziging"
    assert _regels() == voor + 1


def test_vraag_toevoegen_weghalen_openen(client: Client) -> None:
    _nieuw(client)
    meting = Meting.objects.get(jaar=2027)
    antwoord = client.post(
        reverse("doelstellingen:vraag-toevoegen", args=[meting.pk]),
        {
            "respondentgroep": G.OUDER,
            "doelstelling": "4",
            "code": "OU.D4.eigen",
            "tekst": "Mijn eigen vraag.",
            "schaal": "eens_oneens",
            "revisie": str(meting.revisie),
        },
    )
    assert antwoord.status_code == 302
    meting.refresh_from_db()
    vraag = meting.vragenlijsten.get(respondentgroep=G.OUDER).vragen.get(code="OU.D4.eigen")
    antwoord = client.post(
        reverse("doelstellingen:vraag-verwijderen", args=[meting.pk, vraag.pk]),
        {"revisie": str(meting.revisie)},
    )
    assert antwoord.status_code == 302
    meting.refresh_from_db()
    # A stale open button is refused with the reason, on the page itself.
    antwoord = client.post(
        reverse("doelstellingen:meting-openen", args=[meting.pk]), {"revisie": "1"}
    )
    assert antwoord.status_code == 200
    assert "intussen gewijzigd" in antwoord.content.decode()
    antwoord = client.post(
        reverse("doelstellingen:meting-openen", args=[meting.pk]),
        {"revisie": str(meting.revisie)},
    )
    assert antwoord.status_code == 302
    assert Meting.objects.get(jaar=2027).status == Metingstatus.OPEN


def test_codes_tonen_en_als_csv(client: Client, regio: Regio) -> None:
    _nieuw(client)
    meting = Meting.objects.get(jaar=2027)
    school = SwvLidmaatschapFactory(samenwerkingsverband=regio.swv).vestiging
    url = reverse("doelstellingen:uitnodigingen", args=[meting.pk])
    assert client.get(url).status_code == 200
    antwoord = client.post(
        url, {"respondentgroep": G.LEERLING, "vestiging": str(school.pk), "aantal": "3"}
    )
    assert antwoord.status_code == 200
    assert "no-cache" in antwoord["Cache-Control"] or "no-store" in antwoord["Cache-Control"]
    hashes = set(Uitnodiging.objects.values_list("code_hash", flat=True))
    codes = [c for c in antwoord.context["codes"]]
    assert {code_hash(c) for c in codes} == hashes and len(codes) == 3
    inhoud = antwoord.content.decode()
    assert all(c in inhoud for c in codes) and "/vragenlijst/" in inhoud
    assert "alleen nu" in inhoud
    csv = client.post(
        url,
        {"respondentgroep": G.OUDER, "vestiging": str(school.pk), "aantal": "2", "als_csv": "1"},
    )
    assert csv["Content-Type"].startswith("text/csv")
    tekst = csv.content.decode("utf-8")
    assert tekst.startswith("\ufeffcode;adres;groep;school;meting")
    regels = tekst.strip().split("\r\n")[1:]
    assert len(regels) == 2
    assert {code_hash(r.split(";")[0]) for r in regels} <= set(
        Uitnodiging.objects.values_list("code_hash", flat=True)
    )
    assert Uitnodiging.objects.count() == 5
    # A non-member school is refused per field.
    antwoord = client.post(url, {"respondentgroep": G.OUDER, "vestiging": "", "aantal": "2"})
    assert "Kies de school" in antwoord.content.decode()


def test_respons_pagina(client: Client, regio: Regio) -> None:
    meting = diensten.meting_aanmaken(
        actor=_actor(regio),
        jaar=2027,
        naam="Meting 2027",
        open_van=datetime.date(2027, 5, 1),
        open_tot=datetime.date(2027, 6, 30),
        is_nulmeting=False,
        groepen=[G.LEERLING],
    )
    school = SwvLidmaatschapFactory(samenwerkingsverband=regio.swv).vestiging
    lijst = meting.vragenlijsten.get()
    for index in range(4):
        UitnodigingFactory(vragenlijst=lijst, vestiging=school, gebruikt=index < 3)
    voor = _regels()
    antwoord = client.get(reverse("doelstellingen:respons", args=[meting.pk]))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "75,0%" in inhoud and school.naam in inhoud and "<svg" in inhoud
    assert _regels() == voor + 1
    # A school with one code shows no counts of its own (whether that one person took
    # part); it is counted in the total.
    klein = SwvLidmaatschapFactory(samenwerkingsverband=regio.swv).vestiging
    UitnodigingFactory(vragenlijst=lijst, vestiging=klein, gebruikt=True)
    inhoud = client.get(reverse("doelstellingen:respons", args=[meting.pk])).content.decode()
    rij = inhoud[inhoud.index(f"{klein.naam} ({klein.vestigingscode})") :]
    rij = rij[: rij.index("</tr>")]
    assert "minder dan 2 codes" in rij
    assert "100" not in rij and ">1<" not in rij
    totaal = inhoud[inhoud.index(">Totaal</th>") :]
    totaal = totaal[: totaal.index("</tr>")]
    assert ">5<" in totaal and ">4<" in totaal and "80,0%" in totaal


def _actor(regio: Regio) -> Actor:
    rol = regio.rollen[Rolsoort.DIRECTEUR]
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.mark.parametrize("aantal", [1, 8])
def test_paginas_vast_aantal_queries(
    client: Client, regio: Regio, aantal: int, django_assert_max_num_queries: Any
) -> None:
    _nieuw(client, groepen=[G.LEERLING, G.OUDER, G.LERAAR])
    meting = Meting.objects.get(jaar=2027)
    for _ in range(aantal):
        school = SwvLidmaatschapFactory(samenwerkingsverband=regio.swv).vestiging
        for lijst in meting.vragenlijsten.all():
            UitnodigingFactory(vragenlijst=lijst, vestiging=school, gebruikt=True)
    for naam in ("meting", "respons", "uitnodigingen"):
        with django_assert_max_num_queries(20):
            assert (
                client.get(reverse(f"doelstellingen:{naam}", args=[meting.pk])).status_code == 200
            )
    with django_assert_max_num_queries(20):
        assert client.get(reverse("doelstellingen:overzicht")).status_code == 200


def test_respons_groep_zonder_codes_niet_als_nul_procent(client: Client, regio: Regio) -> None:
    meting = diensten.meting_aanmaken(
        actor=_actor(regio),
        jaar=2027,
        naam="Meting 2027",
        open_van=datetime.date(2027, 5, 1),
        open_tot=datetime.date(2027, 6, 30),
        is_nulmeting=False,
        groepen=[G.LEERLING, G.OUDER],
    )
    school = SwvLidmaatschapFactory(samenwerkingsverband=regio.swv).vestiging
    lijst = meting.vragenlijsten.get(respondentgroep=G.LEERLING)
    for index in range(4):
        UitnodigingFactory(vragenlijst=lijst, vestiging=school, gebruikt=index < 2)
    inhoud = client.get(reverse("doelstellingen:respons", args=[meting.pk])).content.decode()
    grafiek = inhoud[inhoud.index("<svg") : inhoud.index("</svg>")]
    ouders = str(G.OUDER.label)
    assert str(G.LEERLING.label) in grafiek and ouders not in grafiek
    assert f"Geen codes uitgedeeld (niet in de grafiek): {ouders}." in inhoud
    # No codes at all: no chart.
    Uitnodiging.objects.all().delete()
    inhoud = client.get(reverse("doelstellingen:respons", args=[meting.pk])).content.decode()
    assert "<svg" not in inhoud and "Geen codes uitgedeeld" in inhoud
