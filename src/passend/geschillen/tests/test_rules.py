"""GPO terms (6 / 2 / 10 weeks, boundary days, leap year) and the commission per subject."""

from datetime import date

import pytest

from passend.geschillen.rules import (
    Onderwerp,
    commissie_voor,
    gpo_termijnen,
    op_tijd_ingediend,
    termijn_verstreken,
)


def test_termijnen_zes_twee_en_tien_weken():
    t = gpo_termijnen(date(2026, 3, 2), date(2026, 4, 1))
    assert t.indienen_uiterlijk == date(2026, 4, 13)
    assert t.antwoord_bestuur_uiterlijk == date(2026, 4, 15)
    assert t.oordeel_uiterlijk == date(2026, 6, 10)


def test_termijnen_onbekend_zonder_begin():
    t = gpo_termijnen(None, None)
    assert (t.indienen_uiterlijk, t.antwoord_bestuur_uiterlijk, t.oordeel_uiterlijk) == (
        None,
        None,
        None,
    )


def test_schrikkeljaar_telt_29_februari_mee():
    # 25 January 2028 + 6 weeks crosses 29 February 2028.
    assert gpo_termijnen(date(2028, 1, 25), None).indienen_uiterlijk == date(2028, 3, 7)
    assert gpo_termijnen(date(2027, 1, 25), None).indienen_uiterlijk == date(2027, 3, 8)


@pytest.mark.parametrize(
    ("ingediend", "op_tijd"),
    [(date(2026, 4, 12), True), (date(2026, 4, 13), True), (date(2026, 4, 14), False)],
)
def test_indienen_op_de_grensdag(ingediend, op_tijd):
    assert op_tijd_ingediend(date(2026, 3, 2), ingediend) is op_tijd


def test_termijn_verstreken_op_de_grens():
    uiterlijk = date(2026, 4, 13)
    assert not termijn_verstreken(uiterlijk, None, date(2026, 4, 13))
    assert termijn_verstreken(uiterlijk, None, date(2026, 4, 14))
    assert not termijn_verstreken(uiterlijk, date(2026, 4, 13), date(2026, 9, 1))
    assert termijn_verstreken(uiterlijk, date(2026, 4, 14), date(2026, 4, 14))
    assert not termijn_verstreken(None, None, date(2030, 1, 1))


@pytest.mark.parametrize(
    ("onderwerp", "commissie"),
    [
        (Onderwerp.OPP, "GPO"),
        (Onderwerp.AANMELDING, "GPO"),
        (Onderwerp.VERWIJDERING, "GPO"),
        (Onderwerp.TLV, "LBT"),
        (Onderwerp.ONDERSTEUNING, None),
        (Onderwerp.OVERIG, None),
    ],
)
def test_commissie_per_onderwerp(onderwerp, commissie):
    assert commissie_voor(onderwerp) == commissie
