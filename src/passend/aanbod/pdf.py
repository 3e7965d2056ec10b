"""The schoolgids text of a location and school year as an accessible PDF
(``aanbod/school/pdf/schoolgids.html``, PDF/UA-1, see core.pdf)."""

from django.utils import timezone
from django.utils.text import slugify

from passend.aanbod.models import Schoolgidstekst
from passend.aanbod.schoolgids import blokken
from passend.core.pdf import pdf_van_sjabloon

SJABLOON = "aanbod/school/pdf/schoolgids.html"


def schoolgids_bestandsnaam(tekst: Schoolgidstekst) -> str:
    """``schoolgids-ondersteuning-<vestiging>-<schooljaar>.pdf``, ASCII only."""
    naam = slugify(tekst.vestiging.naam) or tekst.vestiging.vestigingscode.lower()
    return f"schoolgids-ondersteuning-{naam}-{tekst.schooljaar}.pdf"


def schoolgids_pdf(tekst: Schoolgidstekst) -> bytes:
    """The text (its location loaded) with its headings and bullets."""
    return pdf_van_sjabloon(
        SJABLOON,
        {
            "tekst": tekst,
            "vestiging": tekst.vestiging,
            "blokken": blokken(tekst.tekst),
            "afgedrukt_op": timezone.localtime(),
        },
    )
