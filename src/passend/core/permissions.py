"""The base of every app's permission policy.

Each app has one policy (its ``permissions.py``): a ``rules.RuleSet`` of actions, each a
predicate over ``(actor, object)``, and a queryset filter that expresses the same
visibility for lists. Services and selectors call the policy, so commands and jobs are
covered too. Roles are data (``accounts.Rol``); no group names in code.
"""

from typing import Any, Generic, TypeVar

import rules
from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


class Geweigerd(Exception):
    """The actor may not do this; the caller logs the denial and answers 403/404."""

    def __init__(self, reden: str) -> None:
        super().__init__(reden)
        self.reden = reden


class Beleid(Generic[M]):
    """One app's policy: ``mag(actor, actie, obj)`` and ``filter_zichtbaar(actor, qs)``."""

    regels: rules.RuleSet

    def mag(self, actor: Any, actie: str, obj: M | None = None) -> bool:
        if actor is None:
            return False
        if not self.regels.rule_exists(actie):
            raise KeyError(f"Onbekende actie {actie!r} voor {type(self).__name__}")
        return bool(self.regels.test_rule(actie, actor, obj))

    def eis(self, actor: Any, actie: str, obj: M | None = None) -> None:
        if not self.mag(actor, actie, obj):
            raise Geweigerd(f"geen recht op '{actie}'")

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[M]) -> QuerySet[M]:
        raise NotImplementedError
