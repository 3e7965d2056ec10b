"""Every write of the TLV app. Each checks the policy, locks the row it changes, saves only
when the status is still the one read, and writes the access log."""

from passend.toelaatbaarheid.services.aanvraag import (
    tlv_aanvragen,
    tlv_intrekken,
    tlv_verlenging_aanvragen,
    toewijzing_bepalen,
)
from passend.toelaatbaarheid.services.basis import Conflict
from passend.toelaatbaarheid.services.behandeling import (
    advies_vastleggen,
    tlv_besluiten,
    tlv_compleet_verklaren,
)
from passend.toelaatbaarheid.services.beheer import (
    deskundige_toevoegen,
    deskundige_wijzigen,
    regeling_opslaan,
)
from passend.toelaatbaarheid.services.bezwaar import (
    beslissen_op_bezwaar,
    bezwaar_advies_gevraagd,
    bezwaar_advies_ontvangen,
    bezwaar_beslissen,
    bezwaar_vastleggen,
)
from passend.toelaatbaarheid.services.vragen import (
    antwoorden_vastleggen,
    vraag_toevoegen,
    vraag_verwijderen,
    vraag_wijzigen,
)

__all__ = [
    "Conflict",
    "advies_vastleggen",
    "antwoorden_vastleggen",
    "beslissen_op_bezwaar",
    "bezwaar_advies_gevraagd",
    "bezwaar_advies_ontvangen",
    "bezwaar_beslissen",
    "bezwaar_vastleggen",
    "deskundige_toevoegen",
    "deskundige_wijzigen",
    "regeling_opslaan",
    "tlv_aanvragen",
    "tlv_besluiten",
    "tlv_compleet_verklaren",
    "tlv_intrekken",
    "tlv_verlenging_aanvragen",
    "toewijzing_bepalen",
    "vraag_toevoegen",
    "vraag_verwijderen",
    "vraag_wijzigen",
]
