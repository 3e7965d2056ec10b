"""Codes for every school of an SWV in one request (``uitnodigingen_in_bulk``) and the codes
page's choice "voor alle scholen van het samenwerkingsverband": the service's checks, one
transaction and one access-log record; the printable page and the CSV; a national wave
where the SWV is chosen first and only its schools are listed; bounded queries."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.doelstellingen.models import Meting, Uitnodiging
from passend.doelstellingen.rules import Metingstatus, Respondentgroep, code_hash
from passend.doelstellingen.services import meting as diensten
from passend.doelstellingen.services.meting import OBJECT_TYPE, Conflict
from passend.organisaties.models import Samenwerkingsverband, Vestiging
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
)

pytestmark = pytest.mark.django_db

G = Respondentgroep


def _actor(rolsoort: str, **kwargs: object) -> tuple[Actor, Any]:
    rol = RolFactory(rolsoort=rolsoort, **kwargs)
    return Actor(gebruiker=rol.gebruiker, rol=rol), rol


def _meting(wie: Actor, groepen: list[str] | None = None) -> Meting:
    return diensten.meting_aanmaken(
        actor=wie,
        jaar=2026,
        naam="Meting 2026",
        open_van=datetime.date(2026, 5, 1),
        open_tot=datetime.date(2026, 6, 30),
        is_nulmeting=False,
        groepen=groepen or [G.LEERLING, G.OUDER, G.GEMEENTE],
        route="test",
    )


def _scholen(swv: Samenwerkingsverband, aantal: int) -> list[Vestiging]:
    return [SwvLidmaatschapFactory(samenwerkingsverband=swv).vestiging for _ in range(aantal)]


def _regels() -> int:
    return Toegangsregel.objects.filter(object_type=OBJECT_TYPE).count()


# --- The service ---------------------------------------------------------------------------


def test_codes_voor_alle_scholen_van_het_eigen_swv() -> None:
    directeur, rol = _actor(Rolsoort.DIRECTEUR)
    meting = _meting(directeur)
    scholen = _scholen(rol.samenwerkingsverband, 3)
    # A school of another SWV and a former member get no codes.
    SwvLidmaatschapFactory()
    oud = SwvLidmaatschapFactory(
        samenwerkingsverband=rol.samenwerkingsverband,
        van=datetime.date(2010, 8, 1),
        tot=datetime.date(2012, 7, 31),
    )
    voor = _regels()
    rijen = diensten.uitnodigingen_in_bulk(
        actor=directeur,
        meting=meting,
        respondentgroep=G.OUDER,
        samenwerkingsverband_id=None,
        aantal_per_school=4,
        route="test",
    )
    assert len(rijen) == 12 and _regels() == voor + 1
    assert {naam for naam, _, _ in rijen} == {f"{s.naam} ({s.vestigingscode})" for s in scholen}
    assert {groep for _, groep, _ in rijen} == {str(G.OUDER.label)}
    opgeslagen = Uitnodiging.objects.filter(vragenlijst__meting=meting)
    assert {code_hash(code) for _, _, code in rijen} == set(
        opgeslagen.values_list("code_hash", flat=True)
    )
    per_school = {s.pk: opgeslagen.filter(vestiging=s).count() for s in scholen}
    assert set(per_school.values()) == {4}
    assert not opgeslagen.filter(vestiging=oud.vestiging).exists()
    assert set(opgeslagen.values_list("samenwerkingsverband", flat=True)) == {
        rol.samenwerkingsverband_id
    }
    regel = Toegangsregel.objects.filter(object_type=OBJECT_TYPE).latest("pk")
    assert "12 uitnodigingscodes" in regel.reden and "3 scholen" in regel.reden


def test_groep_zonder_school_krijgt_codes_voor_het_swv() -> None:
    directeur, rol = _actor(Rolsoort.DIRECTEUR)
    meting = _meting(directeur)
    _scholen(rol.samenwerkingsverband, 2)
    rijen = diensten.uitnodigingen_in_bulk(
        actor=directeur,
        meting=meting,
        respondentgroep=G.GEMEENTE,
        samenwerkingsverband_id=None,
        aantal_per_school=5,
    )
    assert len(rijen) == 5
    assert {naam for naam, _, _ in rijen} == {rol.samenwerkingsverband.naam}
    assert not Uitnodiging.objects.filter(vestiging__isnull=False).exists()


def test_fouten_en_niets_half_opgeslagen() -> None:
    directeur, rol = _actor(Rolsoort.DIRECTEUR)
    meting = _meting(directeur, groepen=[G.LEERLING])
    voor = _regels()
    # No schools yet; an out-of-range number; a group without a questionnaire; another SWV.
    with pytest.raises(ValidationError) as fout:
        diensten.uitnodigingen_in_bulk(
            actor=directeur,
            meting=meting,
            respondentgroep=G.LEERLING,
            samenwerkingsverband_id=None,
            aantal_per_school=1,
        )
    assert "geen scholen" in str(fout.value.message_dict["samenwerkingsverband"])
    _scholen(rol.samenwerkingsverband, 2)
    with pytest.raises(ValidationError) as fout:
        diensten.uitnodigingen_in_bulk(
            actor=directeur,
            meting=meting,
            respondentgroep=G.OUDER,
            samenwerkingsverband_id=SamenwerkingsverbandFactory().pk,
            aantal_per_school=501,
        )
    assert set(fout.value.message_dict) == {"respondentgroep", "aantal", "samenwerkingsverband"}
    assert not Uitnodiging.objects.exists() and _regels() == voor
    # A closed wave: a conflict.
    Meting.objects.filter(pk=meting.pk).update(status=Metingstatus.GESLOTEN)
    with pytest.raises(Conflict):
        diensten.uitnodigingen_in_bulk(
            actor=directeur,
            meting=meting,
            respondentgroep=G.LEERLING,
            samenwerkingsverband_id=None,
            aantal_per_school=2,
        )
    assert not Uitnodiging.objects.exists()


def test_landelijke_meting_per_gekozen_swv() -> None:
    ministerie, _ = _actor(Rolsoort.MINISTERIE)
    meting = _meting(ministerie, groepen=[G.LERAAR])
    swv = SamenwerkingsverbandFactory()
    scholen = _scholen(swv, 2)
    _scholen(SamenwerkingsverbandFactory(), 3)
    with pytest.raises(ValidationError) as fout:
        diensten.uitnodigingen_in_bulk(
            actor=ministerie,
            meting=meting,
            respondentgroep=G.LERAAR,
            samenwerkingsverband_id=None,
            aantal_per_school=2,
        )
    assert "samenwerkingsverband" in fout.value.message_dict
    rijen = diensten.uitnodigingen_in_bulk(
        actor=ministerie,
        meting=meting,
        respondentgroep=G.LERAAR,
        samenwerkingsverband_id=swv.pk,
        aantal_per_school=2,
    )
    assert len(rijen) == 4
    assert set(Uitnodiging.objects.values_list("vestiging", flat=True)) == {s.pk for s in scholen}


def test_andere_regio_geweigerd() -> None:
    directeur, _ = _actor(Rolsoort.DIRECTEUR)
    meting = _meting(directeur)
    ander, _ = _actor(Rolsoort.DIRECTEUR)
    from passend.core.permissions import Geweigerd

    with pytest.raises(Geweigerd):
        diensten.uitnodigingen_in_bulk(
            actor=ander,
            meting=meting,
            respondentgroep=G.OUDER,
            samenwerkingsverband_id=None,
            aantal_per_school=1,
        )
    assert not Uitnodiging.objects.exists()


# --- The page ------------------------------------------------------------------------------


def test_pagina_alle_scholen_tonen_en_als_csv() -> None:
    directeur, rol = _actor(Rolsoort.DIRECTEUR)
    client = client_voor(rol)
    meting = _meting(directeur)
    scholen = _scholen(rol.samenwerkingsverband, 2)
    scholen[0].naam = "=Formuleschool"
    scholen[0].save()
    url = reverse("doelstellingen:uitnodigingen", args=[meting.pk])
    pagina = client.get(url).content.decode()
    assert "Voor alle scholen van het samenwerkingsverband" in pagina
    voor = Toegangsregel.objects.count()
    antwoord = client.post(url, {"bereik": "alle", "respondentgroep": G.LEERLING, "aantal": "3"})
    assert antwoord.status_code == 200 and Toegangsregel.objects.count() == voor + 1
    inhoud = antwoord.content.decode()
    assert "6 nieuwe uitnodigingscodes" in inhoud
    assert all(f"{s.naam} ({s.vestigingscode})" in inhoud for s in scholen[1:])
    assert inhoud.count('<h2 class="utrecht-heading-2">') == 2
    assert all(c in inhoud for c in antwoord.context["codes"])
    assert reverse("vragenlijst:start") in inhoud
    csv = client.post(
        url, {"bereik": "alle", "respondentgroep": G.OUDER, "aantal": "2", "als_csv": "1"}
    )
    tekst = csv.content.decode("utf-8")
    assert csv["Content-Type"].startswith("text/csv")
    assert tekst.startswith("\ufeffcode;adres;groep;school;meting\r\n")
    regels = tekst.strip().split("\r\n")[1:]
    assert len(regels) == 4
    assert sum(";'=Formuleschool" in r for r in regels) == 2
    assert Uitnodiging.objects.count() == 10
    # More than 500 per school: a message on the field, nothing made.
    fout = client.post(url, {"bereik": "alle", "respondentgroep": G.OUDER, "aantal": "501"})
    assert "maximaal 500 codes per school" in fout.content.decode()
    assert Uitnodiging.objects.count() == 10


def test_landelijke_meting_eerst_het_swv_dan_alleen_die_scholen() -> None:
    ministerie, rol = _actor(Rolsoort.MINISTERIE)
    client = client_voor(rol)
    meting = _meting(ministerie, groepen=[G.LERAAR])
    swv = SamenwerkingsverbandFactory(naam="Passend Noordkwartier")
    eigen = _scholen(swv, 2)
    ander = _scholen(SamenwerkingsverbandFactory(), 2)
    url = reverse("doelstellingen:uitnodigingen", args=[meting.pk])
    stap1 = client.get(url)
    inhoud = stap1.content.decode()
    assert stap1.context["form"] is None and "Stap 1" in inhoud
    assert "Passend Noordkwartier" in inhoud
    assert not any(s.naam in inhoud for s in eigen + ander)
    stap2 = client.get(url, {"samenwerkingsverband": swv.pk})
    inhoud = stap2.content.decode()
    assert "Stap 2" in inhoud
    assert all(s.naam in inhoud for s in eigen)
    assert not any(s.naam in inhoud for s in ander)
    # A POST without a chosen SWV makes nothing and says why.
    geen = client.post(url, {"bereik": "alle", "respondentgroep": G.LERAAR, "aantal": "2"})
    assert "Kies eerst het samenwerkingsverband" in geen.content.decode()
    antwoord = client.post(
        url,
        {
            "bereik": "alle",
            "respondentgroep": G.LERAAR,
            "aantal": "2",
            "samenwerkingsverband": str(swv.pk),
        },
    )
    assert antwoord.status_code == 200 and len(antwoord.context["codes"]) == 4
    assert set(Uitnodiging.objects.values_list("vestiging", flat=True)) == {s.pk for s in eigen}
    # One school of the chosen SWV.
    een = client.post(
        url,
        {
            "respondentgroep": G.LERAAR,
            "vestiging": str(eigen[0].pk),
            "aantal": "1",
            "samenwerkingsverband": str(swv.pk),
        },
    )
    assert len(een.context["codes"]) == 1 and Uitnodiging.objects.count() == 5


@pytest.mark.parametrize("aantal", [2, 20])
def test_vast_aantal_queries(aantal: int, django_assert_max_num_queries: Any) -> None:
    directeur, rol = _actor(Rolsoort.DIRECTEUR)
    client = client_voor(rol)
    meting = _meting(directeur)
    _scholen(rol.samenwerkingsverband, aantal)
    url = reverse("doelstellingen:uitnodigingen", args=[meting.pk])
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(22):
        antwoord = client.post(
            url, {"bereik": "alle", "respondentgroep": G.LEERLING, "aantal": "2"}
        )
    assert len(antwoord.context["codes"]) == 2 * aantal
    ministerie, mrol = _actor(Rolsoort.MINISTERIE)
    landelijk = diensten.meting_aanmaken(
        actor=ministerie,
        jaar=2027,
        naam="Landelijk 2027",
        open_van=datetime.date(2027, 5, 1),
        open_tot=datetime.date(2027, 6, 30),
        is_nulmeting=False,
        groepen=[G.LEERLING],
    )
    for _ in range(aantal):
        SamenwerkingsverbandFactory()
    landelijke_client = client_voor(mrol)
    with django_assert_max_num_queries(20):
        assert (
            landelijke_client.get(
                reverse("doelstellingen:uitnodigingen", args=[landelijk.pk]),
                {"samenwerkingsverband": rol.samenwerkingsverband_id},
            ).status_code
            == 200
        )
