"""leerling_kengetallen and the rule that puts a case at a combined (v)so location in ONE
of its two SWVs (``sector_op_leeftijd``, ``sector_van_leerling``, ``toegerekend_lid``).

``gedeelde_regio`` is the small dataset the other apps' ``test_kengetallen.py`` use too:
a PO SWV with a bao location, a VO SWV with a vo location, a second VO SWV with a vo
location, and a combined so_vso location that is a member of the PO and the first VO SWV.
The answers are worked out by hand in the tests.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.db.models import DateField, Value

from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.organisaties.models import Samenwerkingsverband, Vestiging
from passend.organisaties.rules import Sector
from passend.organisaties.selectors import (
    SAMEN,
    leeftijdsgrens,
    leerling_kengetallen,
    sector_op_leeftijd,
    sector_van_leerling,
)
from passend.organisaties.tests.factories import (
    LeerlingtellingFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date
VAN = D(2025, 8, 1)
TOT = D(2026, 7, 31)
#: On 1 October 2025 (school year 2025-2026): born after 1-10-2013 → under 12 → PO.
JONG = D(2015, 3, 3)
OUD = D(2012, 6, 6)


@dataclass
class Regio:
    po: Samenwerkingsverband
    vo: Samenwerkingsverband
    vo2: Samenwerkingsverband
    bao: Vestiging
    vo_school: Vestiging
    vo2_school: Vestiging
    so_vso: Vestiging


def _lid(vestiging: Vestiging, swv: Samenwerkingsverband) -> None:
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv, van=D(2020, 8, 1))


def gedeelde_regio() -> Regio:
    po = SamenwerkingsverbandFactory(sector=Sector.PO)
    vo = SamenwerkingsverbandFactory(sector=Sector.VO)
    vo2 = SamenwerkingsverbandFactory(sector=Sector.VO)
    bao = VestigingFactory(soort="bao", leerlingenaantal=100)
    vo_school = VestigingFactory(soort="vo", leerlingenaantal=50)
    vo2_school = VestigingFactory(soort="vo", leerlingenaantal=30)
    so_vso = VestigingFactory(soort="so_vso", leerlingenaantal=201)
    _lid(bao, po)
    _lid(vo_school, vo)
    _lid(vo2_school, vo2)
    _lid(so_vso, po)
    _lid(so_vso, vo)
    return Regio(po, vo, vo2, bao, vo_school, vo2_school, so_vso)


def leerling(geboortedatum: datetime.date) -> Leerling:
    return LeerlingFactory(geboortedatum=geboortedatum)


# --- The age rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("geboortedatum", "datum", "sector"),
    [
        (D(2013, 10, 2), D(2026, 3, 1), Sector.PO),  # 11 on 1-10-2025
        (D(2013, 10, 1), D(2026, 3, 1), Sector.VO),  # turns 12 on 1-10-2025
        (D(2013, 10, 1), D(2025, 7, 31), Sector.PO),  # school year 2024-2025: 11 on 1-10-2024
        (D(2012, 10, 1), D(2025, 7, 31), Sector.VO),
        (D(2013, 10, 2), D(2025, 8, 1), Sector.PO),  # 1 August starts 2025-2026
        (D(2013, 9, 30), D(2025, 8, 1), Sector.VO),
        (D(2010, 1, 1), D(2026, 3, 1), Sector.VO),
        (D(2019, 1, 1), D(2026, 3, 1), Sector.PO),
    ],
)
def test_sector_op_leeftijd_en_de_sql_tweeling(geboortedatum, datum, sector):
    assert leeftijdsgrens(D(2026, 3, 1)) == D(2013, 10, 1)
    assert sector_op_leeftijd(geboortedatum, datum) == sector
    ll = leerling(geboortedatum)
    vast = Leerling.objects.annotate(s=sector_van_leerling("geboortedatum", datum)).get(pk=ll.pk)
    per_rij = (
        Leerling.objects.annotate(peil=Value(datum, output_field=DateField()))
        .annotate(s=sector_van_leerling("geboortedatum", "peil"))
        .get(pk=ll.pk)
    )
    assert vast.s == per_rij.s == sector


# --- DUO pupil counts --------------------------------------------------------------------


def test_so_vso_telling_over_twee_swvs_verdeeld_en_landelijk_een_keer():
    r = gedeelde_regio()
    alle = leerling_kengetallen(swv_ids=None, tot=TOT, samen=True)
    # so_vso 201: 101 to PO (the odd pupil), 100 to VO.
    assert alle[r.po.pk]["leerlingen"] == 100 + 101
    assert alle[r.vo.pk]["leerlingen"] == 50 + 100
    assert alle[r.vo2.pk]["leerlingen"] == 30
    assert alle[SAMEN] == {"leerlingen": 100 + 50 + 30 + 201, "vestigingen": 4}
    # It is a member location of both SWVs.
    assert (alle[r.po.pk]["vestigingen"], alle[r.vo.pk]["vestigingen"]) == (2, 2)


def test_telling_op_teldatum_ook_verdeeld():
    r = gedeelde_regio()
    LeerlingtellingFactory(vestiging=r.so_vso, teldatum=D(2025, 10, 1), aantal=40)
    LeerlingtellingFactory(vestiging=r.so_vso, teldatum=D(2026, 10, 1), aantal=999)
    alle = leerling_kengetallen(swv_ids=[r.po.pk, r.vo.pk], tot=TOT, samen=True)
    assert alle[r.po.pk]["leerlingen"] == 100 + 20
    assert alle[r.vo.pk]["leerlingen"] == 50 + 20
    assert alle[SAMEN]["leerlingen"] == 100 + 50 + 40


def test_samen_alleen_over_de_gekozen_swvs():
    r = gedeelde_regio()
    alle = leerling_kengetallen(swv_ids=[r.vo.pk, r.vo2.pk], tot=TOT, samen=True)
    assert set(alle) == {r.vo.pk, r.vo2.pk, SAMEN}
    assert alle[SAMEN]["leerlingen"] == 50 + 100 + 30


def test_so_vso_met_een_lidmaatschap_telt_helemaal_mee():
    r = gedeelde_regio()
    alleen_po = VestigingFactory(soort="so_vso", leerlingenaantal=77)
    _lid(alleen_po, r.po)
    # The VO membership of the shared location ended before ``tot``: then all to PO.
    r.so_vso.lidmaatschappen.filter(sector=Sector.VO).update(tot=D(2026, 6, 30))
    alle = leerling_kengetallen(swv_ids=None, tot=TOT, samen=True)
    assert alle[r.po.pk]["leerlingen"] == 100 + 201 + 77
    assert alle[r.vo.pk]["leerlingen"] == 50
    assert alle[SAMEN]["leerlingen"] == 100 + 50 + 30 + 201 + 77


def test_een_query_twee_met_samen(django_assert_num_queries):
    r = gedeelde_regio()
    with django_assert_num_queries(1):
        leerling_kengetallen(swv_ids=[r.po.pk], tot=TOT)
    with django_assert_num_queries(2):
        leerling_kengetallen(swv_ids=None, tot=TOT, samen=True)
