"""The decision letter as an accessible PDF (``toelaatbaarheid/pdf/besluit.html``, see
core.pdf), with the objection clause: within 6 weeks, to whom, and who advises."""

from typing import Any

from django.utils import timezone

from passend.core.pdf import pdf_van_sjabloon
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Besluit, bezwaar_uiterlijk
from passend.toelaatbaarheid.selectors import regeling_van

SJABLOON = "toelaatbaarheid/pdf/besluit.html"


def brief_inhoud(tlv: Toelaatbaarheidsverklaring) -> dict[str, Any]:
    """The template's plain context (uses the parts prefetched by ``tlv_voor_actor``)."""
    regeling = regeling_van(tlv.verantwoordelijk_swv)
    assert tlv.besluit_op is not None
    return {
        "tlv": tlv,
        "leerling": tlv.leerling,
        "swv": tlv.verantwoordelijk_swv,
        "vestiging": tlv.vestiging,
        "school": tlv.vestiging.school,
        "bestuur": tlv.vestiging.school.bestuur,
        "toegekend": tlv.besluit == Besluit.TOEGEKEND,
        "categorie": regeling.categorie_label(tlv.bekostigingscategorie),
        "adviezen": list(tlv.adviezen.all()),
        "bezwaar_uiterlijk": bezwaar_uiterlijk(tlv.besluit_op),
        "regeling": regeling,
        "afgedrukt_op": timezone.localtime(),
    }


def besluit_pdf(tlv: Toelaatbaarheidsverklaring) -> bytes:
    return pdf_van_sjabloon(SJABLOON, brief_inhoud(tlv))
