"""Aggregates for the inspectorate and the public: small cells are suppressed."""

from django.conf import settings


def kleine_cel_grens() -> int:
    return int(settings.PASSEND["KLEINE_CEL_GRENS"])


def onderdruk(aantal: int, grens: int) -> int | None:
    """The count, or None when it is a small cell (1..grens-1) that could identify pupils."""
    return None if 0 < aantal < grens else aantal
