"""Amounts in euro as Dutch people type them ('€ 1.234,50'), shared by every form and import
that reads an amount from text. Pure: text in, ``Decimal`` out."""

from decimal import Decimal


def bedrag_lezen(tekst: str) -> Decimal | None:
    """An amount as Dutch people type it: '4500', '4.500', '4500,50', '€ 4.500,50', also
    '4500.50'. None when it is not an amount. A dot followed by exactly three digits is a
    thousands separator ('1.250' is 1250), never a decimal point."""
    schoon = tekst.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if schoon.startswith("-"):
        return None
    if not schoon or any(teken not in "0123456789.," for teken in schoon):
        return None
    if "," in schoon:
        heel, _, fractie = schoon.rpartition(",")
        if "," in heel or not fractie or not _duizendtallen_geldig(heel):
            return None
        heel = heel.replace(".", "")
    elif schoon.count(".") == 1 and len(schoon.partition(".")[2]) in (1, 2):
        heel, _, fractie = schoon.partition(".")
    else:
        if not _duizendtallen_geldig(schoon):
            return None
        heel, fractie = schoon.replace(".", ""), ""
    if not heel.isdigit() or (fractie and not fractie.isdigit()) or len(fractie) > 2:
        return None
    return Decimal(f"{heel}.{fractie or '0'}")


def _duizendtallen_geldig(heel: str) -> bool:
    """'4500' or '4.500' or '1.234.567'; not '45.00' or '4.5'."""
    if "." not in heel:
        return heel.isdigit()
    delen = heel.split(".")
    return (
        1 <= len(delen[0]) <= 3
        and all(deel.isdigit() for deel in delen)
        and all(len(deel) == 3 for deel in delen[1:])
    )
