"""The base of every app's permission policy.

Each app has one policy (its ``permissions.py``): a ``rules.RuleSet`` of actions, each a
predicate over ``(actor, object)``, and a queryset filter that expresses the same
visibility for lists. Services and selectors call the policy, so commands and jobs are
covered too. Roles are data (``accounts.Rol``); no group names in code.
"""

from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen

M = TypeVar("M", bound=Model)


class Geweigerd(PermissionDenied):
    """The actor may not do this: a 403 on pages and in the API (unless caught)."""

    def __init__(self, reden: str) -> None:
        super().__init__(reden)
        self.reden = reden


def heeft_rol_in(rollen: Iterable[str]) -> Any:
    """A predicate: the actor's role is one of ``rollen``."""
    toegestaan = frozenset(rollen)

    @rules.predicate
    def heeft_rol(actor: Any) -> bool:
        return actor.rolsoort in toegestaan

    return heeft_rol


def rolregels(
    rollen_per_actie: Mapping[str, Iterable[str]],
    *,
    objectacties: Iterable[str] = (),
    in_zicht: Any = None,
    extra: Mapping[str, Any] | None = None,
) -> rules.RuleSet:
    """The rule set most policies share: for every action ``rol:<actie>`` (may this role
    ever do it: a refusal is a 403) and ``<actie>``: the role rule, and for an action about
    one object also ``in_zicht`` (a hidden object is a 404) and the action's ``extra``
    predicate (e.g. "a parent with gezag")."""
    objecten = frozenset(objectacties)
    regels = rules.RuleSet()
    for actie, rollen in rollen_per_actie.items():
        rolregel = heeft_rol_in(rollen)
        regels.add_rule(f"rol:{actie}", rolregel)
        regel = rolregel
        if actie in objecten:
            if in_zicht is None:
                raise ValueError(f"actie {actie!r} gaat over een object: geef in_zicht")
            regel = regel & in_zicht
        if extra and actie in extra:
            regel = regel & extra[actie]
        regels.add_rule(actie, regel)
    return regels


class Beleid(Generic[M]):
    """One app's policy: ``mag(actor, actie, obj)`` and ``filter_zichtbaar(actor, qs)``."""

    regels: rules.RuleSet
    #: Why a role may never do an action: the logged reason of a 403 (``eis_rol``).
    weigerredenen: Mapping[str, str] = {}

    def mag(self, actor: Any, actie: str, obj: M | None = None) -> bool:
        if actor is None:
            return False
        if not self.regels.rule_exists(actie):
            raise KeyError(f"Onbekende actie {actie!r} voor {type(self).__name__}")
        return bool(self.regels.test_rule(actie, actor, obj))

    def eis(self, actor: Any, actie: str, obj: M | None = None) -> None:
        if not self.mag(actor, actie, obj):
            raise Geweigerd(f"geen recht op '{actie}'")

    def eis_en_leg_weigering_vast(
        self, actor: Any, actie: str, *, log_actie: Actie, object_type: str, reden: str, route: str
    ) -> None:
        """Require the right to a pupil-data action; a refusal is logged, then raised."""
        if self.mag(actor, actie):
            return
        toegang_vastleggen(
            actor=actor,
            actie=log_actie,
            object_type=object_type,
            toegestaan=False,
            reden=f"geweigerd: {reden}",
            route=route,
        )
        raise Geweigerd(f"Geweigerd: {reden}.")

    def eis_rol(
        self, actor: Any, actie: str, *, log_actie: Actie, object_type: str, route: str
    ) -> None:
        """Require that the actor's role may ever do ``actie`` (``rol:<actie>``); a refusal
        is logged with the policy's reason, then raised (a 403)."""
        self.eis_en_leg_weigering_vast(
            actor,
            f"rol:{actie}",
            log_actie=log_actie,
            object_type=object_type,
            reden=self.weigerredenen[actie],
            route=route,
        )

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[M]) -> QuerySet[M]:
        raise NotImplementedError
