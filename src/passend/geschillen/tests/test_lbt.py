"""An objection to a TLV follows the LBT route (DOMAIN.md §2.3), not the GPO's: bezwaar with
the SWV within 6 weeks of the decision, the SWV asks the LBT for advice within 2 weeks of the
objection; no board's answer and no 10-week opinion. On the service, the staff page, the
parent portal and the API."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.core.tests.scenario import Regio, client_voor, maak_regio
from passend.geschillen import services
from passend.geschillen.models import Onenigheid
from passend.geschillen.rules import Onderwerp
from passend.geschillen.selectors import termijnen_van
from passend.geschillen.tests.factories import OnenigheidFactory

pytestmark = pytest.mark.django_db
R = Rolsoort
BESLUIT = datetime.date(2026, 3, 2)
BEZWAAR = datetime.date(2026, 4, 1)


@pytest.fixture
def regio() -> Regio:
    return maak_regio("eigen", 1)


def _actor(regio: Regio, rolsoort: str) -> Actor:
    rol = regio.rollen[rolsoort]
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def _bezwaar(regio: Regio, **extra) -> Onenigheid:
    return OnenigheidFactory(
        leerling=regio.leerling,
        vestiging=regio.vestiging,
        samenwerkingsverband=regio.swv,
        onderwerp=Onderwerp.TLV,
        tlv=regio.extra["tlv"],
        gestart_door=regio.ouder,
        gestart_op=datetime.date(2026, 3, 5),
        swv_betrokken_sinds=datetime.date(2026, 3, 20),
        besluit_op=BESLUIT,
        commissie_ingediend_op=BEZWAAR,
        **extra,
    )


def test_termijnen_van_een_bezwaar_tegen_een_tlv(regio):
    zaak = _bezwaar(regio)
    termijnen = termijnen_van(zaak, datetime.date(2026, 4, 16))
    assert [(t.naam, t.uiterlijk) for t in termijnen] == [
        ("Bezwaar maken bij het samenwerkingsverband", datetime.date(2026, 4, 13)),
        ("Advies vragen aan de LBT", datetime.date(2026, 4, 15)),
    ]
    assert [t.stand for t in termijnen] == ["Op tijd gedaan", "Termijn verstreken"]
    zaak.advies_gevraagd_op = datetime.date(2026, 4, 15)
    assert termijnen_van(zaak, datetime.date(2026, 4, 16))[1].stand == "Op tijd gedaan"


def test_een_gpo_zaak_houdt_de_drie_gpo_termijnen(regio):
    zaak = regio.extra["onenigheid"]
    zaak.besluit_op, zaak.commissie_ingediend_op = BESLUIT, BEZWAAR
    assert [t.naam for t in termijnen_van(zaak, BEZWAAR)] == [
        "Indienen bij de GPO",
        "Reactie van het bestuur",
        "Oordeel van de commissie",
    ]


def test_dienst_legt_de_adviesaanvraag_vast_en_weigert_een_bestuursantwoord(regio):
    zaak = _bezwaar(regio)
    loket = _actor(regio, R.LOKET)
    with pytest.raises(ValidationError) as fout:
        services.commissie_vastleggen(
            actor=loket,
            onenigheid=zaak,
            revisie=zaak.revisie,
            besluit_op=BESLUIT,
            commissie_ingediend_op=BEZWAAR,
            bestuur_antwoord_op=datetime.date(2026, 4, 5),
            advies_gevraagd_op=datetime.date(2026, 3, 30),
        )
    assert set(fout.value.message_dict) == {"bestuur_antwoord_op", "advies_gevraagd_op"}
    assert "reageert het schoolbestuur niet" in fout.value.message_dict["bestuur_antwoord_op"][0]
    resultaat = services.commissie_vastleggen(
        actor=loket,
        onenigheid=zaak,
        revisie=zaak.revisie,
        besluit_op=BESLUIT,
        commissie_ingediend_op=datetime.date(2026, 4, 20),
        advies_gevraagd_op=datetime.date(2026, 4, 24),
    )
    assert resultaat.waarschuwingen == [
        "Het bezwaar is later dan 6 weken na het besluit ingediend. Het samenwerkingsverband "
        "beslist of het het bezwaar nog behandelt."
    ]
    zaak.refresh_from_db()
    assert zaak.advies_gevraagd_op == datetime.date(2026, 4, 24)
    assert zaak.bestuur_antwoord_op is None


def test_dienst_weigert_een_lbt_advies_bij_de_gpo(regio):
    zaak = regio.extra["onenigheid"]
    with pytest.raises(ValidationError) as fout:
        services.commissie_vastleggen(
            actor=_actor(regio, R.LOKET),
            onenigheid=zaak,
            revisie=zaak.revisie,
            besluit_op=BESLUIT,
            commissie_ingediend_op=BEZWAAR,
            advies_gevraagd_op=datetime.date(2026, 4, 5),
        )
    assert set(fout.value.message_dict) == {"advies_gevraagd_op"}


def test_paginas_tonen_de_lbt_termijnen_en_niet_die_van_de_gpo(regio):
    zaak = _bezwaar(regio)
    staf = client_voor(regio.rollen[R.LOKET])
    inhoud = staf.get(reverse("geschillen:onenigheid", args=[zaak.sleutel])).content.decode()
    assert "Termijnen van het bezwaar (LBT)" in inhoud
    assert "Advies vragen aan de LBT" in inhoud and "13 april 2026" in inhoud
    assert "Reactie van het bestuur" not in inhoud and "10 weken" not in inhoud

    formulier = staf.get(reverse("geschillen:commissie", args=[zaak.sleutel]))
    velden = formulier.context["form"].fields
    assert "advies_gevraagd_op" in velden and "bestuur_antwoord_op" not in velden
    assert "Het bestuur reageert" not in formulier.content.decode()

    ouder = client_voor(regio.rollen[R.OUDER])
    portaal = ouder.get(reverse("geschillen:portaal-onenigheid", args=[zaak.sleutel]))
    tekst = portaal.content.decode()
    assert "bezwaar bij het samenwerkingsverband" in tekst
    assert "binnen 2 weken advies aan de Landelijke Bezwaaradviescommissie TLV" in tekst
    assert "Het bestuur reageert" not in tekst and "10 weken" not in tekst


def test_pagina_legt_de_adviesaanvraag_vast(regio):
    zaak = _bezwaar(regio)
    antwoord = client_voor(regio.rollen[R.LOKET]).post(
        reverse("geschillen:commissie", args=[zaak.sleutel]),
        {
            "revisie": zaak.revisie,
            "besluit_op": BESLUIT.isoformat(),
            "commissie_ingediend_op": BEZWAAR.isoformat(),
            "advies_gevraagd_op": "2026-04-10",
            "bestuur_antwoord_op": "2026-04-05",  # not on the LBT form: ignored
        },
    )
    assert antwoord.status_code == 302
    zaak.refresh_from_db()
    assert zaak.advies_gevraagd_op == datetime.date(2026, 4, 10)
    assert zaak.bestuur_antwoord_op is None


def test_api_geeft_de_lbt_termijnen(regio):
    zaak = _bezwaar(regio, advies_gevraagd_op=datetime.date(2026, 4, 10))
    data = (
        client_voor(regio.rollen[R.DIRECTEUR])
        .get(reverse("api:onenigheid-detail", kwargs={"sleutel": zaak.sleutel}))
        .json()
    )
    assert data["commissie"] == "LBT"
    assert data["advies_gevraagd_op"] == "2026-04-10"
    assert [(t["naam"], t["uiterlijk"], t["stand"]) for t in data["termijnen"]] == [
        ("Bezwaar maken bij het samenwerkingsverband", "2026-04-13", "Op tijd gedaan"),
        ("Advies vragen aan de LBT", "2026-04-15", "Op tijd gedaan"),
    ]
