"""The zorgplicht settings (``settings.PASSEND``), read in one place."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from passend.zorgplicht.rules import Periode, zomervakanties


def schorsperioden() -> list[Periode]:
    """The periods in which the decision term does not run (default: none).

    ``ZORGPLICHT_ZOMERVAKANTIE_SCHORT`` (default False) says whether the summer holiday
    suspends the term; ``ZORGPLICHT_ZOMERVAKANTIE_REGIO`` (noord/midden/zuid) whose holiday
    dates in ``ZOMERVAKANTIES`` count.
    """
    passend = settings.PASSEND
    try:
        return zomervakanties(
            schort=bool(passend["ZORGPLICHT_ZOMERVAKANTIE_SCHORT"]),
            regio=str(passend["ZORGPLICHT_ZOMERVAKANTIE_REGIO"]),
            vakanties=passend["ZOMERVAKANTIES"],
        )
    except ValueError as fout:
        raise ImproperlyConfigured(str(fout)) from fout
