"""Every write of the verzuim app. Each checks the policy (on the locked row for changes),
runs in one transaction and writes one access-log record on success; it raises a
``ValidationError`` with Dutch messages per field, ``Geweigerd`` or ``Conflict``."""

from passend.verzuim.services.basis import Conflict
from passend.verzuim.services.meldingen import (
    aanbod_vastleggen,
    melding_beeindigen,
    melding_maken,
    melding_wijzigen,
    onderwijsconsulent_vastleggen,
)
from passend.verzuim.services.plan import (
    actiepunt_afronden,
    actiepunt_toevoegen,
    doorbraak_standaard,
    doorbraakplan_vastleggen,
    partner_beeindigen,
    partner_toevoegen,
)

__all__ = [
    "Conflict",
    "aanbod_vastleggen",
    "actiepunt_afronden",
    "actiepunt_toevoegen",
    "doorbraak_standaard",
    "doorbraakplan_vastleggen",
    "melding_beeindigen",
    "melding_maken",
    "melding_wijzigen",
    "onderwijsconsulent_vastleggen",
    "partner_beeindigen",
    "partner_toevoegen",
]
