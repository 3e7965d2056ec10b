"""Response rates: exact counts of codes issued and used, per group and per school (school
groups) or SWV (other groups), in a fixed number of queries."""

from typing import Any

import pytest

from passend.doelstellingen.models import Meting
from passend.doelstellingen.rules import Metingstatus, Respondentgroep
from passend.doelstellingen.selectors.metingen import respons
from passend.doelstellingen.tests.factories import (
    MetingFactory,
    UitnodigingFactory,
    VragenlijstFactory,
)
from passend.organisaties.tests.factories import SwvLidmaatschapFactory

pytestmark = pytest.mark.django_db

G = Respondentgroep


def _meting_met_codes(scholen: int, per_school: int) -> Meting:
    meting = MetingFactory(jaar=2026, status=Metingstatus.OPEN)
    leerlingen = VragenlijstFactory(meting=meting, respondentgroep=G.LEERLING)
    gemeenten = VragenlijstFactory(meting=meting, respondentgroep=G.GEMEENTE)
    VragenlijstFactory(meting=meting, respondentgroep=G.BESTUUR)  # no codes yet
    for nummer in range(scholen):
        school = SwvLidmaatschapFactory(samenwerkingsverband=meting.samenwerkingsverband).vestiging
        for index in range(per_school):
            UitnodigingFactory(
                vragenlijst=leerlingen, vestiging=school, gebruikt=index < nummer + 1
            )
    for index in range(4):
        UitnodigingFactory(vragenlijst=gemeenten, gebruikt=index == 0)
    return meting


def test_respons_per_groep_en_school() -> None:
    meting = _meting_met_codes(scholen=2, per_school=5)
    overzicht = respons(meting)
    groepen = {g.respondentgroep: g for g in overzicht.groepen}
    assert set(groepen) == {G.LEERLING, G.GEMEENTE, G.BESTUUR}
    leerlingen = groepen[G.LEERLING]
    assert leerlingen.per_school
    assert [(e.uitgegeven, e.gebruikt) for e in leerlingen.eenheden] in (
        [(5, 1), (5, 2)],
        [(5, 2), (5, 1)],
    )
    assert (leerlingen.uitgegeven, leerlingen.gebruikt, leerlingen.percentage) == (10, 3, 30.0)
    gemeenten = groepen[G.GEMEENTE]
    assert not gemeenten.per_school
    assert [(e.code, e.uitgegeven, e.gebruikt, e.percentage) for e in gemeenten.eenheden] == [
        (meting.samenwerkingsverband.code, 4, 1, 25.0)
    ]
    assert groepen[G.BESTUUR].eenheden == [] and groepen[G.BESTUUR].percentage is None
    assert (overzicht.uitgegeven, overzicht.gebruikt) == (14, 4)
    # Small counts are shown exactly (response counts are no answers).
    assert overzicht.percentage == round(100 * 4 / 14, 1)
    assert not any(e.verborgen for g in overzicht.groepen for e in g.eenheden)


def test_een_school_met_een_code_heeft_geen_eigen_aantallen() -> None:
    meting = _meting_met_codes(scholen=1, per_school=2)
    leerlingen = meting.vragenlijsten.get(respondentgroep=G.LEERLING)
    school = SwvLidmaatschapFactory(samenwerkingsverband=meting.samenwerkingsverband).vestiging
    UitnodigingFactory(vragenlijst=leerlingen, vestiging=school, gebruikt=True)
    groep = next(g for g in respons(meting).groepen if g.respondentgroep == G.LEERLING)
    verborgen = {e.code: e.verborgen for e in groep.eenheden}
    assert verborgen[school.vestigingscode] is True
    assert list(verborgen.values()).count(False) == 1  # the school with 2 codes
    # Counted in the group's total all the same.
    assert (groep.uitgegeven, groep.gebruikt) == (3, 2)


@pytest.mark.parametrize(("scholen", "per_school"), [(1, 2), (6, 12)])
def test_respons_vast_aantal_queries(
    scholen: int, per_school: int, django_assert_max_num_queries: Any
) -> None:
    meting = _meting_met_codes(scholen=scholen, per_school=per_school)
    with django_assert_max_num_queries(2):
        overzicht = respons(meting)
    assert overzicht.uitgegeven == scholen * per_school + 4
