"""The privacy policy: who may read the access log as a whole."""

from typing import Any

import rules
from django.db.models import QuerySet

from passend.accounts.rules import Rolsoort
from passend.core.models import Toegangsregel
from passend.core.permissions import Beleid


@rules.predicate
def is_privacy_officer(actor: Any) -> bool:
    return actor.rolsoort == Rolsoort.PRIVACY_OFFICER


class PrivacyBeleid(Beleid[Toegangsregel]):
    regels = rules.RuleSet()
    regels.add_rule("toegangslog_bekijken", is_privacy_officer)

    def filter_zichtbaar(
        self, actor: Any, queryset: QuerySet[Toegangsregel]
    ) -> QuerySet[Toegangsregel]:
        from passend.privacy.selectors import regio_filter

        if actor is None or not is_privacy_officer(actor):
            return queryset.none()
        return queryset.filter(regio_filter(actor))


beleid = PrivacyBeleid()
