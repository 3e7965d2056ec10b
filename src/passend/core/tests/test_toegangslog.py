"""The access log: exactly one record per request on pupil data (allowed and denied), written
before anything is shown; no data when it cannot be written; never changed or removed."""

import json
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.core.models import (
    Actie,
    AppendOnlyError,
    Resultaat,
    Toegangsregel,
    ToegangsregelLeerling,
)
from passend.core.tests.scenario import Regio, Scenario
from passend.leerlingen.models import Leerling

pytestmark = pytest.mark.django_db

R = Rolsoort
EIGEN, ANDER, NIEUW, GEEN = "eigen", "ander", "nieuw", "geen"


def _versie(regio: Regio) -> str:
    return Leerling.objects.get(pk=regio.leerling.pk).gewijzigd_op.isoformat()


def _formulier(regio: Regio, **wijzig: str) -> dict[str, str]:
    leerling = regio.leerling
    return {
        "voornamen": leerling.voornamen,
        "roepnaam": leerling.roepnaam,
        "tussenvoegsel": "",
        "achternaam": leerling.achternaam,
        "postcode": leerling.postcode,
        "versie": _versie(regio),
        **wijzig,
    }


def _inschrijving(regio: Regio) -> dict[str, str]:
    return {
        "voornamen": "Nieuwe",
        "achternaam": "Inschrijving",
        "geboortedatum": "2018-02-03",
        "postcode": "3511 AB",
        "vestigingscode": regio.vestiging.vestigingscode,
        "van": "2024-08-19",
    }


@dataclass
class Geval:
    """One request and the one record it must write."""

    omschrijving: str
    rol: str
    methode: str
    route: str
    #: Whose pupil the URL names (eigen/ander) or None for a route without a pupil.
    doel: str | None
    status: int
    actie: str
    resultaat: str
    #: Which pupils the record names: the own one, the other one, a new one, none.
    leerlingen: str
    api: str = ""  # "", "token" or "sessie"
    body: Callable[[Scenario], dict] | None = None
    query: dict = field(default_factory=dict)


def _post_eigen_formulier(**wijzig: str) -> Callable[[Scenario], dict]:
    return lambda s: _formulier(s.eigen, **wijzig)


# fmt: off
GEVALLEN = [
    # --- pages ---
    Geval("lijst", R.INTERN_BEGELEIDER, "GET", "leerlingen:lijst", None, 200, Actie.ZOEKEN,
          Resultaat.TOEGESTAAN, EIGEN),
    Geval("lijst met zoekterm", R.INTERN_BEGELEIDER, "GET", "leerlingen:lijst", None, 200,
          Actie.ZOEKEN, Resultaat.TOEGESTAAN, EIGEN, query={"q": "Achternaam"}),
    Geval("lijst geweigerd (ouder)", R.OUDER, "GET", "leerlingen:lijst", None, 403,
          Actie.ZOEKEN, Resultaat.GEWEIGERD, GEEN),
    Geval("lijst geweigerd (inspecteur)", R.INSPECTEUR, "GET", "leerlingen:lijst", None, 403,
          Actie.ZOEKEN, Resultaat.GEWEIGERD, GEEN),
    Geval("detail", R.INTERN_BEGELEIDER, "GET", "leerlingen:detail", EIGEN, 200, Actie.LEZEN,
          Resultaat.TOEGESTAAN, EIGEN),
    Geval("detail andere school", R.INTERN_BEGELEIDER, "GET", "leerlingen:detail", ANDER, 404,
          Actie.LEZEN, Resultaat.GEWEIGERD, ANDER),
    Geval("detail ouder", R.OUDER, "GET", "leerlingen:detail", EIGEN, 200, Actie.LEZEN,
          Resultaat.TOEGESTAAN, EIGEN),
    Geval("detail privacy officer", R.PRIVACY_OFFICER, "GET", "leerlingen:detail", EIGEN, 404,
          Actie.LEZEN, Resultaat.GEWEIGERD, EIGEN),
    Geval("wijzigen GET", R.INTERN_BEGELEIDER, "GET", "leerlingen:wijzigen", EIGEN, 200,
          Actie.WIJZIGEN, Resultaat.TOEGESTAAN, EIGEN),
    Geval("wijzigen GET leraar", R.LERAAR, "GET", "leerlingen:wijzigen", EIGEN, 404,
          Actie.WIJZIGEN, Resultaat.GEWEIGERD, EIGEN),
    Geval("wijzigen POST opgeslagen", R.INTERN_BEGELEIDER, "POST", "leerlingen:wijzigen", EIGEN,
          302, Actie.WIJZIGEN, Resultaat.TOEGESTAAN, EIGEN,
          body=_post_eigen_formulier(roepnaam="Anders")),
    Geval("wijzigen POST ongeldig", R.INTERN_BEGELEIDER, "POST", "leerlingen:wijzigen", EIGEN,
          200, Actie.LEZEN, Resultaat.TOEGESTAAN, EIGEN,
          body=_post_eigen_formulier(postcode="onzin")),
    Geval("wijzigen POST conflict", R.INTERN_BEGELEIDER, "POST", "leerlingen:wijzigen", EIGEN,
          200, Actie.LEZEN, Resultaat.TOEGESTAAN, EIGEN,
          body=_post_eigen_formulier(versie="2000-01-01T00:00:00+00:00")),
    Geval("wijzigen POST andere school", R.INTERN_BEGELEIDER, "POST", "leerlingen:wijzigen",
          ANDER, 404, Actie.WIJZIGEN, Resultaat.GEWEIGERD, ANDER,
          body=lambda s: _formulier(s.ander)),
    Geval("inzage ouder", R.OUDER, "GET", "leerlingen:inzage", EIGEN, 200, Actie.LEZEN,
          Resultaat.TOEGESTAAN, EIGEN),
    Geval("inzage leerling", R.LEERLING, "GET", "leerlingen:inzage", EIGEN, 200, Actie.LEZEN,
          Resultaat.TOEGESTAAN, EIGEN),
    Geval("inzage ander kind", R.OUDER, "GET", "leerlingen:inzage", ANDER, 404, Actie.LEZEN,
          Resultaat.GEWEIGERD, ANDER),
    Geval("inzage ib", R.INTERN_BEGELEIDER, "GET", "leerlingen:inzage", EIGEN, 404,
          Actie.LEZEN, Resultaat.GEWEIGERD, EIGEN),
    Geval("inschrijven POST", R.INTERN_BEGELEIDER, "POST", "leerlingen:inschrijven", None, 302,
          Actie.AANMAKEN, Resultaat.TOEGESTAAN, NIEUW,
          body=lambda s: {**_inschrijving(s.eigen), "vestiging": s.eigen.vestiging.pk}),
    Geval("inschrijven POST geweigerd (leraar)", R.LERAAR, "POST", "leerlingen:inschrijven",
          None, 403, Actie.AANMAKEN, Resultaat.GEWEIGERD, GEEN,
          body=lambda s: {**_inschrijving(s.eigen), "vestiging": s.eigen.vestiging.pk}),
    Geval("mijn werk ouder", R.OUDER, "GET", "accounts:mijn-werk", None, 200, Actie.LEZEN,
          Resultaat.TOEGESTAAN, EIGEN),
    Geval("mijn werk leerling", R.LEERLING, "GET", "accounts:mijn-werk", None, 200, Actie.LEZEN,
          Resultaat.TOEGESTAAN, EIGEN),
    Geval("toegangslog privacy officer", R.PRIVACY_OFFICER, "GET", "privacy:toegangslog", None,
          200, Actie.ZOEKEN, Resultaat.TOEGESTAAN, GEEN),
    Geval("toegangslog geweigerd (ib)", R.INTERN_BEGELEIDER, "GET", "privacy:toegangslog",
          None, 403, Actie.ZOEKEN, Resultaat.GEWEIGERD, GEEN),
    Geval("toegangslog export", R.PRIVACY_OFFICER, "GET", "privacy:toegangslog-export", None,
          200, Actie.EXPORTEREN, Resultaat.TOEGESTAAN, GEEN),
    Geval("toegangslog export geweigerd (ib)", R.INTERN_BEGELEIDER, "GET",
          "privacy:toegangslog-export", None, 403, Actie.EXPORTEREN, Resultaat.GEWEIGERD, GEEN),
    # --- API ---
    Geval("API lijst", R.INTERN_BEGELEIDER, "GET", "api:leerling-list", None, 200, Actie.ZOEKEN,
          Resultaat.TOEGESTAAN, EIGEN, api="token"),
    Geval("API lijst (sessie)", R.BESTUURDER, "GET", "api:leerling-list", None, 200,
          Actie.ZOEKEN, Resultaat.TOEGESTAAN, EIGEN, api="sessie"),
    Geval("API lijst geweigerd", R.INSPECTEUR, "GET", "api:leerling-list", None, 403,
          Actie.ZOEKEN, Resultaat.GEWEIGERD, GEEN, api="token"),
    Geval("API detail", R.LOKET, "GET", "api:leerling-detail", EIGEN, 200, Actie.LEZEN,
          Resultaat.TOEGESTAAN, EIGEN, api="token"),
    Geval("API detail ander swv", R.LOKET, "GET", "api:leerling-detail", ANDER, 404,
          Actie.LEZEN, Resultaat.GEWEIGERD, ANDER, api="token"),
    Geval("API detail (sessie)", R.LEERPLICHTAMBTENAAR, "GET", "api:leerling-detail", EIGEN,
          200, Actie.LEZEN, Resultaat.TOEGESTAAN, EIGEN, api="sessie"),
    Geval("API create", R.INTERN_BEGELEIDER, "POST", "api:leerling-list", None, 201,
          Actie.AANMAKEN, Resultaat.TOEGESTAAN, NIEUW, api="token",
          body=lambda s: _inschrijving(s.eigen)),
    Geval("API create geweigerd (leraar)", R.LERAAR, "POST", "api:leerling-list", None, 403,
          Actie.AANMAKEN, Resultaat.GEWEIGERD, GEEN, api="token",
          body=lambda s: _inschrijving(s.eigen)),
    Geval("API create vestiging andere school", R.INTERN_BEGELEIDER, "POST",
          "api:leerling-list", None, 403, Actie.AANMAKEN, Resultaat.GEWEIGERD, GEEN,
          api="token", body=lambda s: _inschrijving(s.ander)),
    Geval("API partial_update", R.SCHOOLLEIDER, "PATCH", "api:leerling-detail", EIGEN, 200,
          Actie.WIJZIGEN, Resultaat.TOEGESTAAN, EIGEN, api="token",
          body=lambda s: {"versie": _versie(s.eigen), "roepnaam": "Anders"}),
    Geval("API partial_update conflict", R.SCHOOLLEIDER, "PATCH", "api:leerling-detail", EIGEN,
          409, Actie.WIJZIGEN, Resultaat.TOEGESTAAN, EIGEN, api="token",
          body=lambda s: {"versie": "2000-01-01T00:00:00+00:00", "roepnaam": "Anders"}),
    Geval("API partial_update andere school", R.SCHOOLLEIDER, "PATCH", "api:leerling-detail",
          ANDER, 404, Actie.WIJZIGEN, Resultaat.GEWEIGERD, ANDER, api="token",
          body=lambda s: {"versie": _versie(s.ander), "roepnaam": "Anders"}),
    Geval("API partial_update leraar", R.LERAAR, "PATCH", "api:leerling-detail", EIGEN, 404,
          Actie.WIJZIGEN, Resultaat.GEWEIGERD, EIGEN, api="token",
          body=lambda s: {"versie": _versie(s.eigen), "roepnaam": "Anders"}),
]
# fmt: on


def _client(scenario: Scenario, geval: Geval) -> Client:
    if geval.api == "token":
        return scenario.token_client(geval.rol)
    return scenario.client(geval.rol)


def _doe(scenario: Scenario, geval: Geval):
    kwargs = {"sleutel": scenario.regio(geval.doel).leerling.sleutel} if geval.doel else {}
    url = reverse(geval.route, kwargs=kwargs or None)
    client = _client(scenario, geval)
    body = geval.body(scenario) if geval.body else {}
    if geval.methode == "GET":
        return client.get(url, geval.query)
    if geval.api:
        return client.generic(geval.methode, url, json.dumps(body), content_type="application/json")
    return client.post(url, body)


def _uitleg(antwoord) -> str:
    """What went wrong, readable: the API's body, or the messages on a page."""
    inhoud = antwoord.content.decode()
    if antwoord.get("Content-Type", "").startswith("application/json"):
        return inhoud[:500]
    meldingen = re.findall(r'class="utrecht-paragraph">([^<]+)</p></div>', inhoud)
    return f"status {antwoord.status_code}; meldingen op de pagina: {meldingen}"


def _laatste_id() -> int:
    laatste = Toegangsregel.objects.order_by("-id").values_list("id", flat=True).first()
    return laatste or 0


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g.omschrijving for g in GEVALLEN])
def test_precies_een_regel_per_verzoek(scenario: Scenario, geval: Geval):
    rol = scenario.rollen[geval.rol]
    voor = _laatste_id()
    bestaande_leerlingen = set(Leerling.objects.values_list("sleutel", flat=True))
    antwoord = _doe(scenario, geval)
    assert antwoord.status_code == geval.status, _uitleg(antwoord)
    regels = list(Toegangsregel.objects.filter(pk__gt=voor).order_by("id"))
    assert len(regels) == 1, (
        f"{geval.omschrijving}: expected exactly one access-log record, found {len(regels)}: "
        + "; ".join(f"{r.actie}/{r.resultaat}/{r.reden}" for r in regels)
    )
    regel = regels[0]
    assert regel.gebruiker == rol.gebruiker
    assert regel.gebruikersnaam == rol.gebruiker.username
    assert regel.rol == rol.get_rolsoort_display()
    assert regel.organisatie == rol.organisatie_label
    assert regel.organisatie_sleutel == rol.organisatie_sleutel
    koppeling = scenario.koppelingen[geval.rol][0].naam if geval.api == "token" else ""
    assert regel.koppeling == koppeling
    assert regel.actie == geval.actie
    assert regel.resultaat == geval.resultaat
    sleutels = set(regel.leerlingen.values_list("leerling_sleutel", flat=True))
    if geval.leerlingen == NIEUW:
        nieuw = set(Leerling.objects.values_list("sleutel", flat=True)) - bestaande_leerlingen
        assert len(nieuw) == 1
        assert sleutels == nieuw
    elif geval.leerlingen == GEEN:
        assert sleutels == set()
    else:
        assert sleutels == {scenario.regio(geval.leerlingen).leerling.sleutel}


def test_onbekende_leerling_geeft_404_en_een_geweigerde_regel(scenario: Scenario):
    voor = _laatste_id()
    url = reverse("leerlingen:detail", args=["00000000-0000-4000-8000-000000000000"])
    antwoord = scenario.client(R.INTERN_BEGELEIDER).get(url)
    assert antwoord.status_code == 404
    regel = Toegangsregel.objects.get(pk__gt=voor)
    assert regel.resultaat == Resultaat.GEWEIGERD
    assert not regel.leerlingen.exists()


def test_ib_van_andere_school_krijgt_404_en_de_weigering_staat_in_het_log(scenario: Scenario):
    ander = scenario.ander.leerling
    antwoord = scenario.client(R.INTERN_BEGELEIDER).get(
        reverse("leerlingen:detail", args=[ander.sleutel])
    )
    assert antwoord.status_code == 404
    assert ander.achternaam not in antwoord.content.decode()
    regel = Toegangsregel.objects.get()
    assert regel.resultaat == Resultaat.GEWEIGERD
    assert regel.gebruiker == scenario.rollen[R.INTERN_BEGELEIDER].gebruiker
    assert list(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == [ander.sleutel]


# --- Fail closed -------------------------------------------------------------------------


@contextmanager
def kapot_toegangslog():
    """A database trigger that refuses every new access-log record (no mocks)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION passend_test_toegangslog_kapot() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'kapot'; END; $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER passend_test_kapot BEFORE INSERT ON core_toegangsregel "
                "FOR EACH ROW EXECUTE FUNCTION passend_test_toegangslog_kapot()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER passend_test_kapot BEFORE INSERT ON core_toegangsregel "
                "BEGIN SELECT RAISE(ABORT, 'kapot'); END"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("DROP TRIGGER passend_test_kapot ON core_toegangsregel")
                cursor.execute("DROP FUNCTION passend_test_toegangslog_kapot()")
            else:
                cursor.execute("DROP TRIGGER passend_test_kapot")


FAIL_CLOSED = [
    ("detail", R.INTERN_BEGELEIDER, "leerlingen:detail", True, ""),
    ("API detail", R.INTERN_BEGELEIDER, "api:leerling-detail", True, "token"),
    ("lijst", R.INTERN_BEGELEIDER, "leerlingen:lijst", False, ""),
    ("API lijst", R.INTERN_BEGELEIDER, "api:leerling-list", False, "token"),
    ("inzage", R.OUDER, "leerlingen:inzage", True, ""),
    ("mijn werk ouder", R.OUDER, "accounts:mijn-werk", False, ""),
    ("wijzigen", R.SCHOOLLEIDER, "leerlingen:wijzigen", True, ""),
]


@pytest.mark.parametrize(
    ("rolsoort", "route", "met_sleutel", "api"),
    [pytest.param(*rest, id=naam) for naam, *rest in FAIL_CLOSED],
)
def test_zonder_toegangslog_geen_gegevens(
    scenario: Scenario, rolsoort: str, route: str, met_sleutel: bool, api: str
):
    leerling = scenario.eigen.leerling
    url = reverse(route, args=[leerling.sleutel] if met_sleutel else None)
    client = scenario.token_client(rolsoort) if api else scenario.client(rolsoort)
    with kapot_toegangslog():
        antwoord = client.get(url)
    assert antwoord.status_code == 503
    inhoud = antwoord.content.decode()
    for gegeven in (
        leerling.achternaam,
        leerling.roepnaam,
        leerling.voornamen,
        leerling.postcode,
        str(leerling.sleutel),
        leerling.geboortedatum.isoformat(),
        leerling.geboortedatum.strftime("%d-%m-%Y"),
    ):
        assert gegeven not in inhoud, f"{gegeven!r} shown although the access log failed"
    if api:
        assert antwoord.json()["code"] == "toegangslog_niet_beschikbaar"
    assert not Toegangsregel.objects.exists()


def test_zonder_toegangslog_wordt_niets_gewijzigd(scenario: Scenario):
    leerling = scenario.eigen.leerling
    versie = _versie(scenario.eigen)
    with kapot_toegangslog():
        antwoord = scenario.token_client(R.SCHOOLLEIDER).patch(
            reverse("api:leerling-detail", args=[leerling.sleutel]),
            json.dumps({"versie": versie, "roepnaam": "Anders"}),
            content_type="application/json",
        )
    assert antwoord.status_code == 503
    assert Leerling.objects.get(pk=leerling.pk).roepnaam == leerling.roepnaam


# --- Append-only -------------------------------------------------------------------------


@pytest.fixture
def regel(scenario: Scenario) -> Toegangsregel:
    scenario.client(R.INTERN_BEGELEIDER).get(
        reverse("leerlingen:detail", args=[scenario.eigen.leerling.sleutel])
    )
    return Toegangsregel.objects.get()


def _geweigerd(poging: Callable[[], object]) -> None:
    """The attempt raises AppendOnlyError (in its own savepoint, so the test can go on)."""
    with pytest.raises(AppendOnlyError), transaction.atomic():
        poging()


def test_het_model_weigert_wijzigen_en_verwijderen(regel: Toegangsregel):
    _geweigerd(lambda: Toegangsregel.objects.update(reden="weg"))
    _geweigerd(lambda: Toegangsregel.objects.filter(pk=regel.pk).update(reden="weg"))
    _geweigerd(lambda: Toegangsregel.objects.all().delete())
    _geweigerd(lambda: Toegangsregel.objects.bulk_update([regel], ["reden"]))
    regel.reden = "weg"
    _geweigerd(regel.save)
    _geweigerd(regel.delete)
    _geweigerd(regel.leerlingen.get().save)
    regel.refresh_from_db()
    assert regel.reden != "weg"


def test_het_model_weigert_ook_de_leerlingen_van_een_regel_te_wijzigen_of_te_verwijderen(
    regel: Toegangsregel,
):
    """Which pupils a record is about is part of the record (ToegangsregelLeerling)."""
    _geweigerd(lambda: ToegangsregelLeerling.objects.filter(regel=regel).delete())
    _geweigerd(
        lambda: ToegangsregelLeerling.objects.filter(regel=regel).update(
            leerling_sleutel="00000000-0000-4000-8000-000000000000"
        )
    )
    _geweigerd(regel.leerlingen.get().delete)
    assert regel.leerlingen.count() == 1


@pytest.mark.parametrize("tabel", ["core_toegangsregel", "core_toegangsregelleerling"])
def test_de_database_weigert_een_update_in_sql(regel: Toegangsregel, tabel: str):
    kolom = "reden" if tabel == "core_toegangsregel" else "leerling_sleutel"
    waarde = "weg" if tabel == "core_toegangsregel" else "00000000000040008000000000000000"
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {tabel} SET {kolom} = %s", [waarde])  # noqa: S608
    regel.refresh_from_db()
    assert regel.reden != "weg"
    assert regel.leerlingen.count() == 1


@pytest.mark.parametrize("tabel", ["core_toegangsregelleerling", "core_toegangsregel"])
def test_verwijderen_wordt_geweigerd(regel: Toegangsregel, tabel: str):
    """PostgreSQL refuses a DELETE in SQL; on SQLite (where the test flush needs DELETE,
    see core/migrations/0002) the model and its queryset refuse it."""
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {tabel}")  # noqa: S608
    else:
        model = Toegangsregel if tabel == "core_toegangsregel" else ToegangsregelLeerling
        _geweigerd(lambda: model.objects.all().delete())
    assert Toegangsregel.objects.filter(pk=regel.pk).exists()
    assert regel.leerlingen.count() == 1
