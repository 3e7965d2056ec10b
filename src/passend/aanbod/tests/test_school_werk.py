"""The start-page items of the support offer: counts and a link, per role."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.aanbod.selectors.werk import mijn_werk
from passend.aanbod.tests.factories import AanbodFactory, WachtlijststandFactory
from passend.aanbod.tests.test_school_wereld import (
    Wereld,
    actor,
    maak_wereld,
    schooljaren,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


def _werk(rol) -> dict[str, int]:
    items = mijn_werk(actor=actor(rol), peildatum=timezone.localdate())
    assert all(item["url"] == reverse("aanbod:overzicht") for item in items)
    return {item["tekst"]: item["aantal"] for item in items}


def test_de_schoolleider_ziet_wat_nog_moet(wereld: Wereld):
    lopend, volgend = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=volgend)
    WachtlijststandFactory(
        vestiging=wereld.sbo, peildatum=timezone.localdate() - datetime.timedelta(days=120)
    )
    assert _werk(wereld.schoolleider) == {
        f"1 vestiging heeft nog geen gepubliceerd ondersteuningsaanbod voor {lopend}": 1,
        "1 concept van het aanbod wacht op publicatie": 1,
        "1 wachtlijst is langer dan 3 maanden niet bijgewerkt": 1,
    }


def test_een_recente_telling_vraagt_niets(wereld: Wereld):
    lopend, _ = schooljaren()
    for vestiging in (wereld.vestiging, wereld.sbo):
        AanbodFactory(vestiging=vestiging, schooljaar=lopend, gepubliceerd=True)
    WachtlijststandFactory(vestiging=wereld.sbo, peildatum=timezone.localdate())
    assert _werk(wereld.schoolleider) == {}
    assert _werk(wereld.ib) == {}


def test_de_intern_begeleider_publiceert_niet_en_ziet_geen_concepten(wereld: Wereld):
    lopend, _ = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    assert _werk(wereld.ib) == {
        f"2 vestigingen hebben nog geen gepubliceerd ondersteuningsaanbod voor {lopend}": 2,
        "1 wachtlijst is langer dan 3 maanden niet bijgewerkt": 1,
    }


def test_het_bestuur_ziet_alleen_wat_niet_gepubliceerd_is(wereld: Wereld):
    lopend, _ = schooljaren()
    assert _werk(wereld.bestuurder) == {
        f"2 vestigingen hebben nog geen gepubliceerd ondersteuningsaanbod voor {lopend}": 2
    }


@pytest.mark.parametrize("wie", ["loket", "leraar", "ouder"])
def test_andere_rollen_krijgen_niets(wereld: Wereld, wie: str):
    assert mijn_werk(actor=actor(getattr(wereld, wie)), peildatum=timezone.localdate()) == []
    assert mijn_werk(actor=None, peildatum=timezone.localdate()) == []


def test_een_concept_van_een_oud_schooljaar_wacht_niet_op_publicatie(wereld: Wereld):
    lopend, volgend = schooljaren()
    vorig = f"{int(lopend[:4]) - 1}-{lopend[:4]}"
    for vestiging in (wereld.vestiging, wereld.sbo):
        AanbodFactory(vestiging=vestiging, schooljaar=lopend, gepubliceerd=True)
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=vorig)
    WachtlijststandFactory(vestiging=wereld.sbo, peildatum=timezone.localdate())
    assert _werk(wereld.schoolleider) == {}
    AanbodFactory(vestiging=wereld.sbo, schooljaar=volgend)
    assert _werk(wereld.schoolleider) == {"1 concept van het aanbod wacht op publicatie": 1}
