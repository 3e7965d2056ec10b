"""One OPP version as an accessible PDF (``ondersteuning/pdf/opp.html``, see core.pdf)."""

from typing import Any

from django.utils import timezone

from passend.core.pdf import pdf_van_sjabloon
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import FactorSoort
from passend.ondersteuning.selectors import laatste_instemming

SJABLOON = "ondersteuning/pdf/opp.html"


def pdf_inhoud(opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    """The template's plain context (uses the parts prefetched by ``opp_voor_actor``)."""
    factoren = list(opp.factoren.all())
    doelen = list(opp.doelen.all())
    return {
        "opp": opp,
        "leerling": opp.leerling,
        "vestiging": opp.vestiging,
        "school": opp.vestiging.school,
        "belemmerend": [f for f in factoren if f.soort == FactorSoort.BELEMMEREND],
        "bevorderend": [f for f in factoren if f.soort == FactorSoort.BEVORDEREND],
        "doelen": doelen,
        "afwijkingen": [d for d in doelen if d.afwijking_programma.strip()],
        "overleggen": list(opp.overleggen.all()),
        "leerlingstemmen": list(opp.leerlingstemmen.all()),
        "evaluaties": list(opp.evaluaties.all()),
        "instemmingen": sorted(opp.instemmingen.all(), key=lambda i: (i.tijdstip, i.pk)),
        "laatste_instemming": laatste_instemming(opp),
        "afgedrukt_op": timezone.localtime(),
    }


def opp_pdf(opp: Ontwikkelingsperspectief) -> bytes:
    """The PDF of one OPP version, with the record of every decision on the handelingsdeel."""
    return pdf_van_sjabloon(SJABLOON, pdf_inhoud(opp))
