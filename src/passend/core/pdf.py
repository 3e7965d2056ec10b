"""Documents as accessible PDFs: tagged, PDF/UA-1, rendered locally by WeasyPrint.

Templates have their style inline and no external references; fonts come from the system
(DejaVu, Liberation). The URL fetcher refuses everything except inline ``data:`` URIs, so
rendering never reaches the network or the file system.
"""

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

#: PDF/UA-1 implies tagging (``pdf_tags``), PDF 1.7, the document language and title.
PDF_VARIANT = "pdf/ua-1"


def alleen_inline_fetcher() -> URLFetcher:
    """A fetcher that only reads ``data:`` URIs: no http(s), no file, no ftp."""
    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


def pdf_van_sjabloon(sjabloon: str, context: dict[str, Any]) -> bytes:
    """Render a Django template (Dutch) to a PDF/UA-1 document."""
    with translation.override("nl"):
        html = render_to_string(sjabloon, context)
    pdf = HTML(string=html, url_fetcher=alleen_inline_fetcher()).write_pdf(pdf_variant=PDF_VARIANT)
    if pdf is None:  # only when a target is given; narrows the type
        raise RuntimeError("WeasyPrint gaf geen PDF terug.")
    return pdf
