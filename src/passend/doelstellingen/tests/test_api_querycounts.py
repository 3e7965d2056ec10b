"""The waves' API reads in a fixed number of SQL queries, whatever the number of waves,
questionnaires, items, codes, schools and answers: small and large data give the same
bound. Each count includes the session, the user, the second factor, the active role and
the access-log record (savepoint, insert, release)."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.tests.scenario import client_voor
from passend.doelstellingen.models import Meting, Uitnodiging, Vraag, Vragenlijst
from passend.doelstellingen.rules import Metingstatus, Respondentgroep, Schaal
from passend.doelstellingen.tests.factories import MetingFactory
from passend.doelstellingen.tests.resultaten_data import antwoorden, bouw_meting
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.tests.factories import SwvLidmaatschapFactory

pytestmark = pytest.mark.django_db

G = Respondentgroep
KLEIN, GROOT = "klein", "groot"
GROOTTES = [KLEIN, GROOT]
#: Measured + a margin of 2.
MAX_LIJST = 14  # measured 12: count, page of waves with their code counts (one GROUP BY)
MAX_DETAIL = 15  # measured 13: the wave, its questionnaires, their items
MAX_RESPONS = 15  # measured 13: questionnaires, codes per group and school (GROUP BY)
MAX_RESULTATEN = 18  # measured 16: the wave, earlier waves, items, aggregates, responses


def _beheerder() -> tuple[Client, Samenwerkingsverband]:
    rol = RolFactory(rolsoort=Rolsoort.DIRECTEUR)
    return client_voor(rol), rol.samenwerkingsverband


def _codes(vragenlijst: Vragenlijst, swv: Samenwerkingsverband, scholen: int, per: int) -> None:
    for _ in range(scholen):
        school = SwvLidmaatschapFactory(samenwerkingsverband=swv).vestiging
        Uitnodiging.objects.bulk_create(
            Uitnodiging(
                vragenlijst=vragenlijst,
                samenwerkingsverband=swv,
                vestiging=school,
                code_hash=f"{vragenlijst.pk}-{school.pk}-{i}",
                gebruikt=i % 3 == 0,
            )
            for i in range(per)
        )


def _meting(swv: Samenwerkingsverband, jaar: int, grootte: str) -> Meting:
    """A wave with every group's questionnaire (large) or one (small), items and codes."""
    meting = MetingFactory(samenwerkingsverband=swv, jaar=jaar, status=Metingstatus.OPEN)
    groepen = list(G.values) if grootte == GROOT else [G.OUDER]
    items = 15 if grootte == GROOT else 1
    for groep in groepen:
        lijst = Vragenlijst.objects.create(meting=meting, respondentgroep=groep)
        Vraag.objects.bulk_create(
            Vraag(
                vragenlijst=lijst,
                code=f"E.{groep}.{i}",
                doelstelling=1 + i % 7,
                tekst=f"Stelling {i}",
                schaal=Schaal.EENS_ONEENS,
                volgorde=i,
            )
            for i in range(items)
        )
        _codes(lijst, swv, scholen=4 if grootte == GROOT else 1, per=6 if grootte == GROOT else 2)
    return meting


@pytest.mark.parametrize("grootte", GROOTTES)
def test_lijst(grootte: str, django_assert_max_num_queries: Any) -> None:
    client, swv = _beheerder()
    aantal = 12 if grootte == GROOT else 1
    for jaar in range(2026, 2026 + aantal):
        _meting(swv, jaar, grootte)
    MetingFactory(samenwerkingsverband=None, jaar=2025)  # national: in the list too
    with django_assert_max_num_queries(MAX_LIJST):
        antwoord = client.get(reverse("api:meting-list"))
    assert antwoord.status_code == 200
    assert antwoord.json()["count"] == aantal + 1
    assert sum(m["uitgegeven"] for m in antwoord.json()["results"]) == Uitnodiging.objects.count()


@pytest.mark.parametrize("grootte", GROOTTES)
def test_detail(grootte: str, django_assert_max_num_queries: Any) -> None:
    client, swv = _beheerder()
    meting = _meting(swv, 2026, grootte)
    with django_assert_max_num_queries(MAX_DETAIL):
        antwoord = client.get(reverse("api:meting-detail", args=[meting.pk]))
    assert antwoord.status_code == 200
    vragen = sum(len(lijst["vragen"]) for lijst in antwoord.json()["vragenlijsten"])
    assert vragen == Vraag.objects.filter(vragenlijst__meting=meting).count()


@pytest.mark.parametrize("grootte", GROOTTES)
def test_respons(grootte: str, django_assert_max_num_queries: Any) -> None:
    client, swv = _beheerder()
    meting = _meting(swv, 2026, grootte)
    with django_assert_max_num_queries(MAX_RESPONS):
        antwoord = client.get(reverse("api:meting-respons", args=[meting.pk]))
    assert antwoord.status_code == 200
    assert antwoord.json()["uitgegeven"] == Uitnodiging.objects.count()


@pytest.mark.parametrize("grootte", GROOTTES)
def test_resultaten(grootte: str, django_assert_max_num_queries: Any) -> None:
    client, swv = _beheerder()
    jaren = [2023, 2024, 2025] if grootte == GROOT else [2025]
    metingen = [bouw_meting(swv=swv, jaar=j, nulmeting=j == jaren[0]) for j in jaren]
    per_groep = 60 if grootte == GROOT else 12
    for meting in metingen:
        reeks = [i % 5 + 1 for i in range(per_groep)]
        antwoorden(
            meting,
            swv=swv,
            groep=G.OUDER,
            waarden={"D1.behoefte": reeks, "D4.partner": reeks, "D4.cijfer": reeks},
        )
        antwoorden(meting, swv=swv, groep=G.LERAAR, waarden={"D3.cijfer": reeks})
    with django_assert_max_num_queries(MAX_RESULTATEN):
        antwoord = client.get(reverse("api:meting-resultaten", args=[metingen[-1].pk]))
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert data["meting"]["id"] == metingen[-1].pk
    assert any(g["responsen"] == per_groep for d in data["doelen"] for g in d["groepen"])
    assert (data["nulmeting"] is not None) == (grootte == GROOT)
