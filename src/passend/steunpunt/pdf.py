"""The signals report as an accessible PDF for the board meeting (PDF/UA-1, see core.pdf)."""

from django.utils import timezone
from django.utils.text import slugify

from passend.core.pdf import pdf_van_sjabloon
from passend.steunpunt.selectors.signalen import Signalenrapport

SJABLOON = "steunpunt/pdf/signalen.html"


def signalen_bestandsnaam(rapport: Signalenrapport) -> str:
    swv = slugify(rapport.samenwerkingsverband.code) or "swv"
    return f"signalen-steunpunt-{swv}-{rapport.van:%Y%m%d}-{rapport.tot:%Y%m%d}.pdf"


def signalen_pdf(rapport: Signalenrapport) -> bytes:
    return pdf_van_sjabloon(SJABLOON, {"rapport": rapport, "afgedrukt_op": timezone.localtime()})
