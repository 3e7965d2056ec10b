"""tlv_kengetallen for one SWV and for every SWV at once (the monitor's national table)."""

import pytest

from passend.monitor.tests.kpi_data import TOT, VAN, bouw
from passend.toelaatbaarheid.selectors.kengetallen import SAMEN, tlv_kengetallen

pytestmark = pytest.mark.django_db


def test_per_swv_en_alle_swvs_tegelijk():
    data = bouw()
    een = tlv_kengetallen(swv_ids=[data.a.pk], van=VAN, tot=TOT)
    alle = tlv_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    assert set(een) == {data.a.pk}
    assert alle[data.a.pk] == een[data.a.pk]
    # B: t5 (grensverkeer, outgoing; 3.9 weeks) and t6 (2.0 weeks), both sbo: median 2.95.
    b = alle[data.b.pk]
    assert (b["tlv_toegekend"], b["tlv_soort_sbo"], b["grens_uitgaand"]) == (2, 2, 1)
    assert b["duur_totaal_mediaan"] == 3.0
    # Together: totals 3.0, 5.3, 7.0 (A) and 2.0, 3.9 (B): median 3.9.
    assert alle[SAMEN]["duur_totaal_n"] == 5
    assert alle[SAMEN]["duur_totaal_mediaan"] == 3.9


def test_locatiefilter():
    data = bouw()
    from passend.organisaties.models import Vestiging

    alleen_v2 = Vestiging.objects.filter(pk=data.v2.pk).values_list("pk", flat=True)
    a = tlv_kengetallen(swv_ids=[data.a.pk], van=VAN, tot=TOT, vestiging_ids=alleen_v2)[data.a.pk]
    assert (a["tlv_toegekend"], a["tlv_soort_so"], a["tlv_categorie_2"]) == (1, 1, 1)
    assert a["deelname_so"] == 2  # t2 and t4, both from v2
    assert a["deelname_sbo"] == 0


def test_deelname_samen_telt_elke_leerling_een_keer():
    """A pupil with running TLVs of two SWVs counts in both, once in the total; a TLV at
    a combined (v)so location counts in its responsible SWV only."""
    import datetime

    from passend.leerlingen.tests.factories import LeerlingFactory
    from passend.organisaties.tests.test_kengetallen import gedeelde_regio
    from passend.toelaatbaarheid.rules import Soort
    from passend.toelaatbaarheid.tests.factories import TlvFactory

    d = datetime.date
    r = gedeelde_regio()
    kind = LeerlingFactory()

    def lopend(swv, vestiging, soort, leerling):
        return TlvFactory(
            toegekend=True,
            leerling=leerling,
            vestiging=vestiging,
            verantwoordelijk_swv=swv,
            soort=soort,
            besluit_op=d(2025, 9, 20),
            ingangsdatum=d(2025, 10, 1),
            einddatum=d(2026, 12, 31),
        )

    lopend(r.vo, r.so_vso, Soort.VSO, kind)
    lopend(r.vo2, r.vo2_school, Soort.VSO, kind)  # e.g. after a move: in both SWVs
    lopend(r.po, r.so_vso, Soort.SO, LeerlingFactory())
    alle = tlv_kengetallen(swv_ids=None, van=VAN, tot=TOT, samen=True)
    assert (alle[r.vo.pk]["deelname_vso"], alle[r.vo2.pk]["deelname_vso"]) == (1, 1)
    assert (alle[r.po.pk]["deelname_so"], alle[r.po.pk]["deelname_vso"]) == (1, 0)
    assert (alle[r.vo.pk]["deelname_so"], alle[r.vo.pk]["tlv_toegekend"]) == (0, 1)
    assert (alle[SAMEN]["deelname_vso"], alle[SAMEN]["deelname_so"]) == (1, 1)
    assert alle[SAMEN]["deelname_sbo"] == 0
