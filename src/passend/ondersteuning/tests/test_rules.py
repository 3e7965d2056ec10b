from datetime import UTC, date, datetime, timedelta

from passend.ondersteuning.rules import (
    Status,
    Volledigheid,
    evaluatie_te_laat,
    herauthenticatie_geldig,
    hoorrecht_van_toepassing,
    mag_instemmen,
    ontbrekende_onderdelen,
    te_laat_vastgesteld,
    uiterste_evaluatiedatum,
    uiterste_vaststeldatum,
    verschillen,
)

COMPLEET = Volledigheid(
    uitstroombestemming="havo",
    onderbouwing="Omdat.",
    belemmerende_factoren=1,
    bevorderende_factoren=1,
    doelen=1,
    overleggen_met_ouders=1,
    instemming_gegeven=True,
    leerlingstem=True,
    reactie_op_leerlingstem=True,
    hoorrecht_van_toepassing=True,
)


def test_compleet_opp_mist_niets():
    assert ontbrekende_onderdelen(COMPLEET) == []


def test_elk_ontbrekend_onderdeel_wordt_genoemd():
    leeg = Volledigheid("", " ", 0, 0, 0, 0, False, False, False, True)
    ontbrekend = ontbrekende_onderdelen(leeg)
    assert len(ontbrekend) == 8
    assert any("uitstroomperspectief" in m for m in ontbrekend)
    assert any("belemmerende factor" in m for m in ontbrekend)
    assert any("bevorderende factor" in m for m in ontbrekend)
    assert any("handelingsdeel" in m for m in ontbrekend)
    assert any("overleg" in m for m in ontbrekend)
    assert any("instemming" in m for m in ontbrekend)
    assert any("mening van de leerling" in m for m in ontbrekend)


def test_zonder_reactie_op_de_mening_van_de_leerling_niet_compleet():
    from dataclasses import replace

    assert ontbrekende_onderdelen(replace(COMPLEET, reactie_op_leerlingstem=False)) == [
        "Er staat nog niet wat de school met de mening van de leerling heeft gedaan."
    ]


def test_hoorrecht_geldt_vanaf_1_augustus_2025():
    assert not hoorrecht_van_toepassing(date(2025, 7, 31))
    assert hoorrecht_van_toepassing(date(2025, 8, 1))


def test_vaststellen_binnen_zes_weken():
    assert uiterste_vaststeldatum(date(2026, 9, 1)) == date(2026, 10, 13)
    assert not te_laat_vastgesteld(
        status=Status.CONCEPT,
        start_extra_ondersteuning=date(2026, 9, 1),
        vastgesteld_op=None,
        vandaag=date(2026, 10, 13),
    )
    assert te_laat_vastgesteld(
        status=Status.CONCEPT,
        start_extra_ondersteuning=date(2026, 9, 1),
        vastgesteld_op=None,
        vandaag=date(2026, 10, 14),
    )
    assert te_laat_vastgesteld(
        status=Status.VASTGESTELD,
        start_extra_ondersteuning=date(2026, 9, 1),
        vastgesteld_op=date(2026, 10, 20),
        vandaag=date(2026, 10, 20),
    )


def test_evaluatie_minstens_eens_per_jaar():
    assert uiterste_evaluatiedatum(date(2026, 3, 1)) == date(2027, 3, 1)
    assert uiterste_evaluatiedatum(date(2028, 2, 29)) == date(2029, 2, 28)
    assert not evaluatie_te_laat(
        status=Status.VASTGESTELD, laatste_moment=date(2025, 11, 23), vandaag=date(2026, 11, 23)
    )
    assert evaluatie_te_laat(
        status=Status.VASTGESTELD, laatste_moment=date(2025, 11, 22), vandaag=date(2026, 11, 23)
    )
    assert not evaluatie_te_laat(
        status=Status.BEEINDIGD, laatste_moment=date(2020, 1, 1), vandaag=date(2026, 11, 23)
    )


def test_alleen_ouder_met_gezag_stemt_in_bij_minderjarige():
    kind = {
        "geboortedatum": date(2014, 1, 1),
        "peildatum": date(2026, 11, 23),
        "handelingsbekwaam": True,
    }
    assert mag_instemmen(is_ouder_met_gezag=True, is_de_leerling=False, **kind)
    assert not mag_instemmen(is_ouder_met_gezag=False, is_de_leerling=False, **kind)
    assert not mag_instemmen(is_ouder_met_gezag=False, is_de_leerling=True, **kind)


def test_meerderjarige_handelingsbekwame_leerling_beslist_zelf():
    volwassen = {
        "geboortedatum": date(2008, 1, 1),
        "peildatum": date(2026, 11, 23),
        "handelingsbekwaam": True,
    }
    assert mag_instemmen(is_ouder_met_gezag=False, is_de_leerling=True, **volwassen)
    assert not mag_instemmen(is_ouder_met_gezag=True, is_de_leerling=False, **volwassen)
    niet_bekwaam = {**volwassen, "handelingsbekwaam": False}
    assert mag_instemmen(is_ouder_met_gezag=True, is_de_leerling=False, **niet_bekwaam)


def test_herauthenticatie_is_tien_minuten_geldig():
    nu = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    assert herauthenticatie_geldig(nu - timedelta(minutes=10), nu)
    assert not herauthenticatie_geldig(nu - timedelta(minutes=11), nu)
    assert not herauthenticatie_geldig(None, nu)
    assert not herauthenticatie_geldig(nu + timedelta(minutes=1), nu)


def test_verschillen_tussen_versies():
    assert verschillen(
        {"onderbouwing": "a", "doelen": [1]}, {"onderbouwing": "b", "doelen": [1]}
    ) == ["Onderbouwing is gewijzigd."]


def test_herinnering_voor_de_evaluatie_binnen_het_venster():
    from passend.ondersteuning.rules import evaluatie_binnenkort

    venster = timedelta(days=42)
    vastgesteld = date(2025, 12, 1)  # due 2026-12-01
    assert evaluatie_binnenkort(
        status=Status.VASTGESTELD,
        laatste_moment=vastgesteld,
        vandaag=date(2026, 10, 20),
        venster=venster,
    )
    assert not evaluatie_binnenkort(
        status=Status.VASTGESTELD,
        laatste_moment=vastgesteld,
        vandaag=date(2026, 10, 19),
        venster=venster,
    )
    assert not evaluatie_binnenkort(
        status=Status.VASTGESTELD,
        laatste_moment=vastgesteld,
        vandaag=date(2026, 12, 2),
        venster=venster,
    )
    assert not evaluatie_binnenkort(
        status=Status.CONCEPT, laatste_moment=None, vandaag=date(2026, 10, 20), venster=venster
    )
