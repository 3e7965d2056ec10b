"""Template filters of the arrangement pages."""

from decimal import Decimal

from django import template

from passend.arrangementen.rules import euro as euro_tekst

register = template.Library()


@register.filter
def euro(bedrag: Decimal | None) -> str:
    """'€ 1.234,50' (empty for no amount)."""
    return euro_tekst(bedrag) if bedrag is not None else ""
