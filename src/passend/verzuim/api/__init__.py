"""The verzuim API (``/api/v1/verzuimmeldingen/``): the cases an actor may see, one case
with its derived facts, partners, plan and doorbraak plan, reporting a case, ending it and
adding an action. Reads go through the verzuim selectors (policy + one access-log record),
writes through the verzuim services, as on the pages."""

from passend.verzuim.api.viewsets import VerzuimmeldingViewSet

__all__ = ["VerzuimmeldingViewSet"]
