"""Response rates: exact counts of codes issued and used, per group and per school (school
groups) or SWV (other groups), in a fixed number of queries; reading a wave for management
or its response logs a reason per action, refusals as "geweigerd: …"."""

from typing import Any

import pytest
from django.http import Http404

from passend.accounts.rules import Rolsoort
from passend.core.models import Resultaat, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.doelstellingen.models import Meting
from passend.doelstellingen.rules import Metingstatus, Respondentgroep
from passend.doelstellingen.selectors.metingen import OBJECT_TYPE, meting_voor_beheer, respons
from passend.doelstellingen.tests.factories import (
    MetingFactory,
    UitnodigingFactory,
    VragenlijstFactory,
)
from passend.doelstellingen.tests.resultaten_data import actor
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
)

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


@pytest.mark.parametrize(
    ("actie", "onderwerp", "melding"),
    [
        ("meting_beheren", "meting beheren", "beheert haar"),
        ("respons_bekijken", "respons bekijken", "bekijkt haar respons"),
    ],
)
def test_weigeringen_gelogd_met_reden_per_actie(actie: str, onderwerp: str, melding: str) -> None:
    """A 404 (another SWV's or an unknown wave) and a 403 (a national wave an SWV directeur
    sees but does not run) are logged as refusals, with a reason that names the action."""
    directeur = actor(Rolsoort.DIRECTEUR, swv=SamenwerkingsverbandFactory())
    ander = MetingFactory(jaar=2026)
    landelijk = MetingFactory(samenwerkingsverband=None, jaar=2026)
    for pk in (ander.pk, "abc", 999_999):
        with pytest.raises(Http404):
            meting_voor_beheer(actor=directeur, pk=pk, route="t", actie=actie)
    with pytest.raises(Geweigerd, match=melding):
        meting_voor_beheer(actor=directeur, pk=landelijk.pk, route="t", actie=actie)
    regels = list(
        Toegangsregel.objects.filter(object_type=OBJECT_TYPE)
        .order_by("pk")
        .values_list("resultaat", "object_id", "reden")
    )
    assert [(r, o) for r, o, _ in regels] == [
        (Resultaat.GEWEIGERD, str(ander.pk)),
        (Resultaat.GEWEIGERD, "abc"),
        (Resultaat.GEWEIGERD, "999999"),
        (Resultaat.GEWEIGERD, str(landelijk.pk)),
    ]
    redenen = [reden for _, _, reden in regels]
    assert all(reden.startswith(f"geweigerd: {onderwerp}") for reden in redenen)
    assert "buiten zicht" in redenen[0] and "alleen wie de meting uitzet" in redenen[-1]


def test_toegestane_inzage_gelogd_met_reden_per_actie() -> None:
    swv = SamenwerkingsverbandFactory()
    directeur = actor(Rolsoort.DIRECTEUR, swv=swv)
    meting = MetingFactory(samenwerkingsverband=swv, jaar=2026)
    for actie in ("meting_beheren", "respons_bekijken"):
        assert meting_voor_beheer(actor=directeur, pk=meting.pk, route="t", actie=actie) == meting
    assert list(
        Toegangsregel.objects.filter(object_type=OBJECT_TYPE)
        .order_by("pk")
        .values_list("resultaat", "reden")
    ) == [
        (Resultaat.TOEGESTAAN, "Meting beheren"),
        (Resultaat.TOEGESTAAN, "Respons van een meting bekijken (alleen aantallen)"),
    ]
