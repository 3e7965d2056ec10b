from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from passend.core.aggregaten import onderdruk
from passend.core.perioden import periode_actief, perioden_overlappen


def test_periode_is_actief_op_begin_en_einddatum():
    assert periode_actief(date(2024, 1, 1), date(2024, 1, 31), date(2024, 1, 1))
    assert periode_actief(date(2024, 1, 1), date(2024, 1, 31), date(2024, 1, 31))
    assert not periode_actief(date(2024, 1, 1), date(2024, 1, 31), date(2024, 2, 1))
    assert not periode_actief(date(2024, 1, 1), None, date(2023, 12, 31))


def test_open_periode_loopt_door():
    assert periode_actief(date(2020, 1, 1), None, date(2099, 1, 1))


def test_aansluitende_perioden_overlappen_niet():
    assert not perioden_overlappen(date(2024, 1, 1), date(2024, 1, 31), date(2024, 2, 1), None)
    assert perioden_overlappen(date(2024, 1, 1), None, date(2025, 1, 1), None)


@given(st.dates(), st.dates(), st.dates(), st.dates())
def test_overlap_is_symmetrisch(a, b, c, d):
    van_a, tot_a = sorted([a, b])
    van_b, tot_b = sorted([c, d])
    assert perioden_overlappen(van_a, tot_a, van_b, tot_b) == perioden_overlappen(
        van_b, tot_b, van_a, tot_a
    )


def test_kleine_cellen_worden_onderdrukt():
    assert onderdruk(0, 10) == 0
    assert onderdruk(1, 10) is None
    assert onderdruk(9, 10) is None
    assert onderdruk(10, 10) == 10
