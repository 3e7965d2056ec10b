"""The OPP's ondersteuningsgebied: chosen on the edit page (or through the API), shown on the
detail page, in the PDF and to parents, copied on herziening and frozen once vastgesteld.
The regional monitor counts the demand for support per area with it."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passend.aanbod.models import Ondersteuningsgebied
from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.models import Toegangsregel
from passend.core.tests.pdf import pdf_tekst
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning import services
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.pdf import opp_pdf
from passend.ondersteuning.rules import Status
from passend.ondersteuning.tests.test_paginas_school import School, _compleet_concept

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate
LEZEN = "lezen-spellen-dyslexie"
GEDRAG = "gedrag-sociaal-emotioneel"
API = "/api/v1/ontwikkelingsperspectieven/"
FOUT_KEUZE = "Kies een gebied uit de lijst."


@pytest.fixture
def school() -> School:
    inschrijving = InschrijvingFactory(
        leerling=LeerlingFactory(roepnaam="Noor", geboortedatum=datetime.date(2014, 2, 3))
    )
    leerling, vestiging = inschrijving.leerling, inschrijving.vestiging
    met = OuderschapFactory(
        leerling=leerling, gezag=True, ouder=GebruikerFactory(first_name="Ilse", last_name="Vos")
    )
    zonder = OuderschapFactory(leerling=leerling, gezag=False)
    return School(
        vestiging=vestiging,
        leerling=leerling,
        ib=RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=vestiging.school),
        leraar=RolFactory(rolsoort=Rolsoort.LERAAR, school=vestiging.school),
        ouder=RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=met.ouder),
        ouder_zonder_gezag=RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=zonder.ouder),
        vreemde_ib=RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER),
    )


def _gebied(code: str) -> Ondersteuningsgebied:
    return Ondersteuningsgebied.objects.get(code=code)


def _concept(school: School) -> Ontwikkelingsperspectief:
    return services.opp_starten(
        actor=school.actor(school.ib), leerling=school.leerling, start_extra_ondersteuning=VANDAAG()
    )


def _kies(school: School, opp: Ontwikkelingsperspectief, gebied: Any) -> Ontwikkelingsperspectief:
    return services.opp_bijwerken(
        actor=school.actor(school.ib),
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={"ondersteuningsgebied": gebied},
    )


def _formulier(opp: Ontwikkelingsperspectief, **velden: str) -> dict[str, str]:
    """The edit form as the page sends it, with the given fields changed."""
    gegevens = {
        "opp-versie": opp.gewijzigd_op.isoformat(),
        "opp-start_extra_ondersteuning": opp.start_extra_ondersteuning.isoformat(),
        "opp-uitstroombestemming": opp.uitstroombestemming,
        "opp-uitstroomperspectief": opp.uitstroomperspectief,
        "opp-onderbouwing": opp.onderbouwing,
        "opp-ondersteuningsgebied": str(opp.ondersteuningsgebied_id or ""),
    }
    gegevens.update({f"opp-{veld}": waarde for veld, waarde in velden.items()})
    return gegevens


def _bewerken(opp: Ontwikkelingsperspectief) -> str:
    return reverse("ondersteuning:bewerken", args=[opp.sleutel])


def _laatste_regels(sinds: int) -> list[Toegangsregel]:
    return list(Toegangsregel.objects.filter(id__gt=sinds).order_by("id"))


def _laatste_id() -> int:
    return Toegangsregel.objects.order_by("-id").values_list("id", flat=True).first() or 0


# --- The edit page ---------------------------------------------------------------------------


def test_bewerkpagina_biedt_de_actieve_gebieden_op_volgorde_met_uitleg(school, maak_client):
    opp = _concept(school)
    oud = Ondersteuningsgebied.objects.create(code="oud-gebied", naam="Oud gebied", actief=False)
    html = maak_client(school.ib).get(_bewerken(opp)).content.decode()
    assert "Waar gaat de ondersteuning vooral over?" in html
    assert "Kies het gebied waar de extra hulp het meest over gaat" in html
    assert 'aria-describedby="id_opp-ondersteuningsgebied_helptext"' in html
    actief = list(Ondersteuningsgebied.objects.filter(actief=True).order_by("volgorde", "naam"))
    assert len(actief) >= 3
    plekken = [html.index(f'<option value="{g.pk}">{g.naam}</option>') for g in actief]
    assert plekken == sorted(plekken)
    assert f'value="{oud.pk}"' not in html
    assert '<option value="" selected>Nog niet gekozen</option>' in html


def test_gekozen_gebied_wordt_opgeslagen_en_getoond(school, maak_client):
    opp = _concept(school)
    client = maak_client(school.ib)
    lezen = _gebied(LEZEN)
    sinds = _laatste_id()
    antwoord = client.post(
        _bewerken(opp), _formulier(opp, ondersteuningsgebied=str(lezen.pk), onderbouwing="Toets")
    )
    assert antwoord.status_code == 302
    [regel] = _laatste_regels(sinds)
    assert regel.actie == "wijzigen"
    assert "ondersteuningsgebied" in regel.reden
    opp.refresh_from_db()
    assert (opp.ondersteuningsgebied, opp.onderbouwing) == (lezen, "Toets")

    html = client.get(_bewerken(opp)).content.decode()
    assert f'<option value="{lezen.pk}" selected>{lezen.naam}</option>' in html
    detail = client.get(reverse("ondersteuning:detail", args=[opp.sleutel])).content.decode()
    assert "Waar de ondersteuning vooral over gaat" in detail
    assert lezen.naam in detail

    # Empty again: the choice is optional.
    antwoord = client.post(_bewerken(opp), _formulier(opp, ondersteuningsgebied=""))
    assert antwoord.status_code == 302
    opp.refresh_from_db()
    assert opp.ondersteuningsgebied is None


@pytest.mark.parametrize("waarde", ["999999", "lezen", "inactief"])
def test_ongeldige_keuze_geeft_een_nederlandse_melding_en_slaat_niets_op(
    school, maak_client, waarde
):
    opp = _concept(school)
    if waarde == "inactief":
        waarde = str(Ondersteuningsgebied.objects.create(code="weg", naam="Weg", actief=False).pk)
    sinds = _laatste_id()
    antwoord = maak_client(school.ib).post(
        _bewerken(opp), _formulier(opp, ondersteuningsgebied=waarde, onderbouwing="Nieuw")
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert FOUT_KEUZE in html
    assert 'id="id_opp-ondersteuningsgebied-fout"' in html
    assert len(_laatste_regels(sinds)) == 1  # the page shown again is logged once
    opp.refresh_from_db()
    assert (opp.ondersteuningsgebied, opp.onderbouwing) == (None, "")


def test_een_gebied_dat_niet_meer_gebruikt_wordt_blijft_staan_bij_opslaan(school, maak_client):
    opp = _concept(school)
    oud = Ondersteuningsgebied.objects.create(code="oud", naam="Oud gebied", volgorde=5)
    opp = _kies(school, opp, oud)
    Ondersteuningsgebied.objects.filter(pk=oud.pk).update(actief=False)
    client = maak_client(school.ib)
    html = client.get(_bewerken(opp)).content.decode()
    assert f'<option value="{oud.pk}" selected>Oud gebied</option>' in html
    antwoord = client.post(_bewerken(opp), _formulier(opp, onderbouwing="Aangevuld"))
    assert antwoord.status_code == 302
    opp.refresh_from_db()
    assert (opp.ondersteuningsgebied_id, opp.onderbouwing) == (oud.pk, "Aangevuld")


def test_verouderd_formulier_overschrijft_geen_gekozen_gebied(school, maak_client):
    opp = _concept(school)
    oud_formulier = _formulier(opp, ondersteuningsgebied=str(_gebied(GEDRAG).pk))
    opp = _kies(school, opp, _gebied(LEZEN))  # somebody else chose meanwhile
    antwoord = maak_client(school.ib).post(_bewerken(opp), oud_formulier)
    assert antwoord.status_code == 200
    assert "Iemand anders heeft dit OPP intussen gewijzigd." in antwoord.content.decode()
    opp.refresh_from_db()
    assert opp.ondersteuningsgebied == _gebied(LEZEN)


# --- The service: frozen, retired areas, herziening -----------------------------------------


def test_service_weigert_een_gebied_dat_niet_meer_gebruikt_wordt(school):
    opp = _concept(school)
    weg = Ondersteuningsgebied.objects.create(code="weg", naam="Weg", actief=False)
    with pytest.raises(ValidationError) as fout:
        _kies(school, opp, weg)
    assert "ondersteuningsgebied" in fout.value.message_dict
    opp.refresh_from_db()
    assert opp.ondersteuningsgebied is None


def test_gebied_is_bevroren_na_vaststellen_en_gaat_mee_naar_de_herziening(school):
    ib = school.actor(school.ib)
    opp = _compleet_concept(school)
    opp = _kies(school, opp, _gebied(LEZEN))
    opp = services.opp_vaststellen(actor=ib, opp=opp)
    assert opp.status == Status.VASTGESTELD
    with pytest.raises(services.Bevroren):
        _kies(school, opp, _gebied(GEDRAG))
    opp.refresh_from_db()
    assert opp.ondersteuningsgebied == _gebied(LEZEN)

    nieuw = services.opp_herzien(actor=ib, opp=opp)
    assert (nieuw.versie, nieuw.ondersteuningsgebied) == (2, _gebied(LEZEN))
    nieuw = _kies(school, nieuw, _gebied(GEDRAG))  # the revision's draft is editable
    opp.refresh_from_db()
    assert (opp.ondersteuningsgebied, nieuw.ondersteuningsgebied) == (
        _gebied(LEZEN),
        _gebied(GEDRAG),
    )


# --- What others read: PDF and the parents' page --------------------------------------------


def test_pdf_noemt_het_gebied(school):
    opp = _concept(school)
    tekst = pdf_tekst(opp_pdf(opp))
    assert "Waar de ondersteuning vooral over gaat" in tekst
    assert "Nog niet gekozen." in tekst
    opp = _kies(school, opp, _gebied(GEDRAG))
    tekst = " ".join(pdf_tekst(opp_pdf(opp)).split())
    assert _gebied(GEDRAG).naam in tekst


def test_ouder_leest_in_gewone_woorden_waar_de_hulp_over_gaat(school, maak_client):
    opp = _concept(school)
    url = reverse("ondersteuning:portaal", args=[opp.sleutel])
    client = maak_client(school.ouder)
    assert "De extra hulp gaat vooral over" not in client.get(url).content.decode()
    lezen = _gebied(LEZEN)
    _kies(school, opp, lezen)
    html = client.get(url).content.decode()
    assert f"De extra hulp gaat vooral over: <strong>{lezen.naam}</strong>." in html
    assert lezen.uitleg in html


# --- Query counts -----------------------------------------------------------------------------

#: The edit page: 20 queries before this field (measured, SQLite), plus one for the list of
#: areas. The same with or without a chosen area and with few or many areas.
MAX_BEWERKEN = 21


@pytest.mark.parametrize("extra_gebieden", [0, 40])
@pytest.mark.parametrize("kiezen", [False, True])
def test_bewerkpagina_heeft_een_vast_aantal_queries(school, maak_client, extra_gebieden, kiezen):
    Ondersteuningsgebied.objects.bulk_create(
        Ondersteuningsgebied(code=f"extra-{i}", naam=f"Extra gebied {i}", volgorde=200 + i)
        for i in range(extra_gebieden)
    )
    opp = _compleet_concept(school)
    if kiezen:
        opp = _kies(school, opp, _gebied(LEZEN))
    client = maak_client(school.ib)
    client.get(_bewerken(opp))  # warm caches (session, user)
    with CaptureQueriesContext(connection) as queries:
        antwoord = client.get(_bewerken(opp))
    assert antwoord.status_code == 200
    assert antwoord.content.decode().count("<option") >= 3 + extra_gebieden
    assert len(queries.captured_queries) == MAX_BEWERKEN


# --- The API ----------------------------------------------------------------------------------


def _api(school: School) -> Client:
    _, token = koppeling_aanmaken(naam="Leerlingvolgsysteem", rol=school.ib)
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def _patch(client: Client, opp: Ontwikkelingsperspectief, body: dict[str, Any]) -> Any:
    return client.patch(f"{API}{opp.sleutel}/", body, content_type="application/json")


def test_api_leest_en_schrijft_de_gebiedscode(school):
    opp = _concept(school)
    client = _api(school)
    assert client.get(f"{API}{opp.sleutel}/").json()["ondersteuningsgebied"] is None

    antwoord = _patch(
        client, opp, {"versie": opp.gewijzigd_op.isoformat(), "ondersteuningsgebied": GEDRAG}
    )
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["ondersteuningsgebied"] == GEDRAG
    opp.refresh_from_db()
    assert opp.ondersteuningsgebied == _gebied(GEDRAG)
    assert client.get(f"{API}{opp.sleutel}/").json()["ondersteuningsgebied"] == GEDRAG
    [item] = client.get(API).json()["results"]
    assert item["ondersteuningsgebied"] == GEDRAG

    antwoord = _patch(
        client, opp, {"versie": antwoord.json()["versie"], "ondersteuningsgebied": None}
    )
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["ondersteuningsgebied"] is None
    opp.refresh_from_db()
    assert opp.ondersteuningsgebied is None


@pytest.mark.parametrize("waarde", ["bestaat-niet", "weg", 3, ["gedrag"]])
def test_api_weigert_een_onbekende_of_ongebruikte_code_met_400(school, waarde):
    Ondersteuningsgebied.objects.create(code="weg", naam="Weg", actief=False)
    opp = _concept(school)
    sinds = _laatste_id()
    antwoord = _patch(
        _api(school), opp, {"versie": opp.gewijzigd_op.isoformat(), "ondersteuningsgebied": waarde}
    )
    assert antwoord.status_code == 400
    body = antwoord.json()
    assert body["code"] == "ongeldig"
    assert list(body["velden"]) == ["ondersteuningsgebied"]
    [regel] = _laatste_regels(sinds)
    assert regel.reden == "wijziging niet opgeslagen: ongeldige invoer"
    opp.refresh_from_db()
    assert opp.ondersteuningsgebied is None


def test_api_lijst_leest_de_codes_zonder_query_per_opp(school):
    client = _api(school)
    gebieden = list(Ondersteuningsgebied.objects.filter(actief=True))

    def maak(aantal: int) -> None:
        for i in range(aantal):
            inschrijving = InschrijvingFactory(vestiging=school.vestiging)
            Ontwikkelingsperspectief.objects.create(
                leerling=inschrijving.leerling,
                vestiging=school.vestiging,
                start_extra_ondersteuning=VANDAAG(),
                aangemaakt_door=school.ib.gebruiker,
                ondersteuningsgebied=gebieden[i % len(gebieden)],
            )

    tellingen = []
    for aantal in (2, 20):
        maak(aantal)
        client.get(API)
        with CaptureQueriesContext(connection) as queries:
            antwoord = client.get(API, {"limit": 50})
        assert antwoord.status_code == 200
        codes = {r["ondersteuningsgebied"] for r in antwoord.json()["results"]}
        assert codes <= {g.code for g in gebieden} and len(codes) > 1
        tellingen.append(len(queries.captured_queries))
    assert tellingen[0] == tellingen[1]
