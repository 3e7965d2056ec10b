"""Template filters for NL Design System forms (for forms we do not own, e.g. two_factor)."""

from typing import Any

from django import template

from passend.core.forms import nl_design_widgets

register = template.Library()


@register.filter
def nl_design(form: Any) -> Any:
    nl_design_widgets(form)
    return form
