"""The organisations policy. Organisations are public (DUO publishes them); importing the
official list and changing memberships is for the SWV's functioneel beheerder."""

from typing import Any

import rules
from django.db.models import QuerySet

from passend.accounts.rules import Rolsoort
from passend.core.permissions import Beleid
from passend.organisaties.models import Vestiging


@rules.predicate
def heeft_rol(actor: Any) -> bool:
    return actor.rol is not None


@rules.predicate
def is_functioneel_beheerder(actor: Any) -> bool:
    return actor.rolsoort == Rolsoort.FUNCTIONEEL_BEHEERDER


@rules.predicate
def werkt_voor_swv(actor: Any) -> bool:
    return actor.rol.samenwerkingsverband_id is not None


class OrganisatieBeleid(Beleid[Vestiging]):
    regels = rules.RuleSet()
    regels.add_rule("bekijken", heeft_rol)
    regels.add_rule("regio_bekijken", werkt_voor_swv)
    regels.add_rule("importeren", is_functioneel_beheerder)
    regels.add_rule("lidmaatschap_wijzigen", is_functioneel_beheerder)

    def filter_zichtbaar(self, actor: Any, queryset: QuerySet[Vestiging]) -> QuerySet[Vestiging]:
        return queryset if actor is not None else queryset.none()


beleid = OrganisatieBeleid()
