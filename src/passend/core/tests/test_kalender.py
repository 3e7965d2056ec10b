"""School years and quarters (``core.kalender``), on their boundaries."""

import datetime

from passend.core.kalender import (
    kwartaal,
    kwartaal_grenzen,
    kwartalen,
    schooljaar_grenzen,
    schooljaar_van,
)

D = datetime.date


def test_schooljaar_loopt_van_1_augustus_tot_en_met_31_juli():
    assert schooljaar_van(D(2025, 7, 31)) == "2024-2025"
    assert schooljaar_van(D(2025, 8, 1)) == "2025-2026"
    assert schooljaar_grenzen("2025-2026") == (D(2025, 8, 1), D(2026, 7, 31))


def test_kwartalen_van_een_schooljaar():
    assert kwartaal(D(2025, 10, 1)) == "2025-K4"
    assert kwartalen(D(2025, 8, 1), D(2026, 7, 31)) == [
        "2025-K3",
        "2025-K4",
        "2026-K1",
        "2026-K2",
        "2026-K3",
    ]
    assert kwartalen(D(2026, 1, 1), D(2025, 1, 1)) == []


def test_kwartaalgrenzen_ook_in_een_schrikkeljaar():
    assert kwartaal_grenzen("2024-K1") == (D(2024, 1, 1), D(2024, 3, 31))
    assert kwartaal_grenzen("2024-K4") == (D(2024, 10, 1), D(2024, 12, 31))
    for label in kwartalen(D(2023, 1, 1), D(2026, 12, 31)):
        begin, einde = kwartaal_grenzen(label)
        assert kwartaal(begin) == kwartaal(einde) == label
