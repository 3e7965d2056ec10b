"""The decision letter to the school as an accessible PDF (``arrangementen/pdf/besluit.html``,
PDF/UA-1, see core.pdf)."""

from typing import Any

from django.utils import timezone

from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.rules import ONENIGHEIDSROUTE, bezwaar_uiterlijk, dagen_tussen, euro
from passend.arrangementen.selectors import bezwaartermijn_weken
from passend.core.pdf import pdf_van_sjabloon

SJABLOON = "arrangementen/pdf/besluit.html"


def brief_inhoud(aanvraag: Arrangementaanvraag) -> dict[str, Any]:
    """The letter's plain context (the request with its school, SWV and decider loaded)."""
    weken = bezwaartermijn_weken()
    besloten_op = aanvraag.besloten_op
    return {
        "aanvraag": aanvraag,
        "leerling": aanvraag.leerling,
        "vestiging": aanvraag.vestiging,
        "school": aanvraag.vestiging.school,
        "swv": aanvraag.samenwerkingsverband,
        "opp": aanvraag.opp,
        "bedrag": euro(aanvraag.bedrag),
        "toegekend_bedrag": euro(aanvraag.toegekend_bedrag)
        if aanvraag.toegekend_bedrag is not None
        else None,
        "behandeldagen": dagen_tussen(aanvraag.ingediend_op, besloten_op) if besloten_op else None,
        "weken": weken,
        "bezwaar_uiterlijk": bezwaar_uiterlijk(besloten_op, weken) if besloten_op else None,
        "route": ONENIGHEIDSROUTE,
        "afgedrukt_op": timezone.localtime(),
    }


def besluitbrief_pdf(aanvraag: Arrangementaanvraag) -> bytes:
    return pdf_van_sjabloon(SJABLOON, brief_inhoud(aanvraag))
