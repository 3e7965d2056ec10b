"""GPO terms (6 / 2 / 10 weeks, boundary days, leap year), the terms of an objection to a
TLV (LBT: 6 weeks to object with the SWV, 2 weeks for the SWV to ask the LBT for advice) and
the commission per subject."""

from datetime import date

import pytest

from passend.geschillen.rules import (
    Onderwerp,
    commissie_voor,
    gpo_termijnen,
    lbt_termijnen,
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


def test_lbt_zes_weken_bezwaar_en_twee_weken_om_advies_te_vragen():
    t = lbt_termijnen(date(2026, 3, 2), date(2026, 4, 1))
    assert t.bezwaar_uiterlijk == date(2026, 4, 13)
    assert t.advies_vragen_uiterlijk == date(2026, 4, 15)
    assert not hasattr(t, "oordeel_uiterlijk")  # no 10-week opinion, no board's answer


def test_lbt_termijnen_onbekend_zonder_begin():
    t = lbt_termijnen(None, None)
    assert (t.bezwaar_uiterlijk, t.advies_vragen_uiterlijk) == (None, None)
    assert lbt_termijnen(date(2026, 3, 2), None).advies_vragen_uiterlijk is None


@pytest.mark.parametrize(
    ("peildatum", "verstreken"),
    [(date(2026, 4, 14), False), (date(2026, 4, 15), False), (date(2026, 4, 16), True)],
)
def test_lbt_advies_vragen_op_de_grensdag(peildatum, verstreken):
    uiterlijk = lbt_termijnen(None, date(2026, 4, 1)).advies_vragen_uiterlijk
    assert termijn_verstreken(uiterlijk, None, peildatum) is verstreken
    assert not termijn_verstreken(uiterlijk, date(2026, 4, 15), peildatum)
    assert termijn_verstreken(uiterlijk, date(2026, 4, 16), peildatum)


def test_lbt_bezwaar_in_een_schrikkeljaar():
    assert lbt_termijnen(date(2028, 1, 25), None).bezwaar_uiterlijk == date(2028, 3, 7)
    assert lbt_termijnen(None, date(2028, 2, 20)).advies_vragen_uiterlijk == date(2028, 3, 5)
    assert lbt_termijnen(None, date(2027, 2, 20)).advies_vragen_uiterlijk == date(2027, 3, 6)
