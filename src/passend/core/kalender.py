"""School years and quarters, as every app counts them (pure, no database).

A school year runs from 1 August to 31 July and is written ``2026-2027``; a quarter is a
calendar quarter, written ``2026-K3``.
"""

from datetime import date, timedelta


def schooljaar_van(dag: date) -> str:
    """'2026-2027' for any day from 1 August 2026 to 31 July 2027."""
    begin = dag.year if dag.month >= 8 else dag.year - 1
    return f"{begin}-{begin + 1}"


def schooljaar_begin(schooljaar: str) -> date:
    return date(int(schooljaar[:4]), 8, 1)


def schooljaar_einde(schooljaar: str) -> date:
    return date(int(schooljaar[:4]) + 1, 7, 31)


def schooljaar_grenzen(schooljaar: str) -> tuple[date, date]:
    """First and last day of a school year."""
    return schooljaar_begin(schooljaar), schooljaar_einde(schooljaar)


def kwartaal(dag: date) -> str:
    """The calendar quarter of a day, as ``2026-K3``."""
    return f"{dag.year}-K{(dag.month - 1) // 3 + 1}"


def kwartalen(van: date, tot: date) -> list[str]:
    """Every quarter from the one of ``van`` up to the one of ``tot``, in order (none when
    ``tot`` lies before ``van``)."""
    uit: list[str] = []
    jaar, k = van.year, (van.month - 1) // 3
    while (jaar, k) <= (tot.year, (tot.month - 1) // 3):
        uit.append(f"{jaar}-K{k + 1}")
        k += 1
        if k == 4:
            jaar, k = jaar + 1, 0
    return uit


def kwartaal_grenzen(label: str) -> tuple[date, date]:
    """First and last day of a quarter ``2026-K3``."""
    jaar, k = int(label[:4]), int(label[-1])
    begin = date(jaar, 3 * (k - 1) + 1, 1)
    volgend = date(jaar + (k == 4), 1 if k == 4 else 3 * k + 1, 1)
    return begin, volgend - timedelta(days=1)
