"""One OPP version as an accessible PDF: tagged, PDF/UA-1, rendered locally by WeasyPrint.

The HTML (``ondersteuning/pdf/opp.html``) has its style inline and no external references;
fonts come from the system (DejaVu, Liberation). The URL fetcher refuses everything except
inline ``data:`` URIs, so rendering never reaches the network or the file system.
"""

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import FactorSoort
from passend.ondersteuning.selectors import laatste_instemming

SJABLOON = "ondersteuning/pdf/opp.html"
#: PDF/UA-1 implies tagging (``pdf_tags``), PDF 1.7, the document language and title.
PDF_VARIANT = "pdf/ua-1"


def alleen_inline_fetcher() -> URLFetcher:
    """A fetcher that only reads ``data:`` URIs: no http(s), no file, no ftp."""
    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


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
    with translation.override("nl"):
        html = render_to_string(SJABLOON, pdf_inhoud(opp))
    pdf = HTML(string=html, url_fetcher=alleen_inline_fetcher()).write_pdf(pdf_variant=PDF_VARIANT)
    if pdf is None:  # only when a target is given; narrows the type
        raise RuntimeError("WeasyPrint gaf geen PDF terug.")
    return pdf
