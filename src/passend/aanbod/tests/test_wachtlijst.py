"""The waiting list of sbo/so/vso locations: a figure per date (and per area), history
kept, no future or pre-2014 dates, one figure per date and area, only the own school."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.aanbod.models import Wachtlijststand
from passend.aanbod.services.wachtlijst import VROEGSTE_PEILDATUM, wachtlijststand_vastleggen
from passend.aanbod.tests.factories import gebied
from passend.aanbod.tests.test_school_wereld import (
    Wereld,
    actor,
    maak_wereld,
)
from passend.core.permissions import Geweigerd

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


VANDAAG = timezone.localdate


def _vastleggen(w: Wereld, **gegevens) -> Wachtlijststand:
    return wachtlijststand_vastleggen(
        actor=actor(gegevens.pop("rol", w.ib)),
        vestiging=gegevens.pop("vestiging", w.sbo),
        peildatum=gegevens.pop("peildatum", VANDAAG()),
        aantal_wachtend=gegevens.pop("aantal_wachtend", 7),
        **gegevens,
    )


def test_een_telling_wordt_vastgelegd_met_wie_en_wanneer(wereld: Wereld):
    stand = _vastleggen(wereld, verwachte_wachttijd_weken=10, capaciteit=96)
    stand.refresh_from_db()
    assert (stand.aantal_wachtend, stand.verwachte_wachttijd_weken, stand.capaciteit) == (7, 10, 96)
    assert stand.peildatum == VANDAAG() and stand.gebied is None
    assert stand.vastgelegd_door == wereld.ib.gebruiker


def test_de_geschiedenis_blijft_bewaard(wereld: Wereld):
    _vastleggen(wereld, peildatum=VANDAAG() - datetime.timedelta(days=90), aantal_wachtend=4)
    _vastleggen(wereld, aantal_wachtend=9, rol=wereld.schoolleider)
    assert list(
        Wachtlijststand.objects.filter(vestiging=wereld.sbo)
        .order_by("peildatum")
        .values_list("aantal_wachtend", flat=True)
    ) == [4, 9]


def test_een_datum_in_de_toekomst_wordt_geweigerd(wereld: Wereld):
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, peildatum=VANDAAG() + datetime.timedelta(days=1))
    assert fout.value.message_dict == {
        "peildatum": ["De datum van de telling kan niet in de toekomst liggen."]
    }
    assert not Wachtlijststand.objects.exists()


def test_een_datum_voor_passend_onderwijs_wordt_geweigerd(wereld: Wereld):
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, peildatum=VROEGSTE_PEILDATUM - datetime.timedelta(days=1))
    assert "1 augustus 2014" in fout.value.message_dict["peildatum"][0]
    _vastleggen(wereld, peildatum=VROEGSTE_PEILDATUM)


def test_een_tweede_telling_op_dezelfde_dag_wordt_geweigerd(wereld: Wereld):
    _vastleggen(wereld)
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, aantal_wachtend=8)
    assert fout.value.message_dict == {
        "peildatum": [
            "Voor deze datum is al een telling vastgelegd voor de hele vestiging. "
            "Kies een andere datum of een ander onderwerp."
        ]
    }
    assert Wachtlijststand.objects.get().aantal_wachtend == 7


def test_per_onderwerp_een_telling_per_dag(wereld: Wereld):
    gedrag = gebied("gedrag-sociaal-emotioneel")
    _vastleggen(wereld)
    _vastleggen(wereld, gebied=gedrag, aantal_wachtend=3)
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, gebied=gedrag, aantal_wachtend=2)
    assert (
        "het onderwerp Gedrag en sociaal-emotionele ontwikkeling"
        in (fout.value.message_dict["peildatum"][0])
    )
    assert Wachtlijststand.objects.count() == 2


def test_een_niet_actief_onderwerp_wordt_geweigerd(wereld: Wereld):
    medisch = gebied("medisch")
    medisch.actief = False
    medisch.save()
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, gebied=medisch)
    assert "gebied" in fout.value.message_dict


def test_een_basisschool_houdt_geen_wachtlijst_bij(wereld: Wereld):
    with pytest.raises(Geweigerd):
        _vastleggen(wereld, vestiging=wereld.vestiging)
    assert not Wachtlijststand.objects.exists()


@pytest.mark.parametrize("wie", ["ander_ib", "leraar", "ouder", "bestuurder", "loket"])
def test_alleen_de_eigen_school_houdt_de_wachtlijst_bij(wereld: Wereld, wie: str):
    with pytest.raises(Geweigerd):
        _vastleggen(wereld, rol=getattr(wereld, wie))
    assert not Wachtlijststand.objects.exists()
