"""The decision letter as an accessible PDF: tagged (PDF/UA-1), addressed to the school,
with the decision, reasons, amount, period and the route for parents who disagree."""

import re
from decimal import Decimal

import pytest

from passend.accounts.rules import Rolsoort
from passend.arrangementen import services
from passend.arrangementen.pdf import besluitbrief_pdf
from passend.arrangementen.rules import Besluit
from passend.arrangementen.tests.conftest import Wereld
from passend.arrangementen.views.inzien import brief_bestandsnaam
from passend.core.tests.pdf import pdf_info, pdf_ontrold, pdf_tekst

pytestmark = pytest.mark.django_db
R = Rolsoort


@pytest.fixture
def besloten(wereld: Wereld):
    aanvraag = wereld.compleet()
    return services.besluit_nemen(
        actor=wereld.actor(R.COMMISSIELID),
        aanvraag=aanvraag,
        besluit=Besluit.DEELS,
        redenen="Toegekend voor het eerste half jaar; daarna evalueren wij samen met de school.",
        toegekend_bedrag=Decimal("2250.50"),
        toegekend_van=aanvraag.van,
        toegekend_tot=aanvraag.tot.replace(day=1),
    )


def test_brief_is_getagd_en_pdf_ua(besloten):
    pdf = besluitbrief_pdf(besloten)
    assert pdf.startswith(b"%PDF-1.7")
    inhoud = pdf_ontrold(pdf)
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", inhoud)
    assert b"/Lang (nl)" in inhoud
    assert b"pdfuaid:part" in inhoud


def test_brief_heeft_titel_en_koppen(besloten):
    pdf = besluitbrief_pdf(besloten)
    info = pdf_info(pdf)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert f"Besluit over de aanvraag arrangement {besloten.kenmerk} voor Noor Bakker" in info
    structuur = pdf_info(pdf, "-struct-text")
    koppen = re.findall(r"^\s*(H[1-6]) \(block\)\n(?:.*\n)*?\s*\"([^\"]+)\"", structuur, re.M)
    assert koppen[0] == ("H1", "Besluit: deels toegekend")
    assert [tekst for niveau, tekst in koppen if niveau == "H2"] == [
        "Het besluit",
        "Redenen",
        "Wat de school nu doet",
        "Niet eens met dit besluit?",
    ]


def test_brief_bevat_besluit_redenen_bedrag_periode_en_bezwaar(besloten, wereld):
    tekst = pdf_tekst(besluitbrief_pdf(besloten))
    for stuk in (
        "OBS De Linde",  # addressed to the school
        "Passend Primair Rivierenland",
        besloten.kenmerk,
        "Noor Bakker",
        "Deels toegekend",
        "daarna evalueren wij samen met de school",
        "€ 4.500,00",
        "€ 2.250,50",
        "binnen 6 weken",
        "bezwaar",
        "onderwijsconsulent",
        "Geschillencommissie Passend Onderwijs",
        "de kijk van de ouders en de mening van de leerling",
    ):
        assert stuk in tekst, stuk


def test_bestandsnaam_is_ascii():
    assert brief_bestandsnaam("Çelik-Öztürk", "ARR-2026-00012") == (
        "besluit-arrangement-celik-ozturk-arr-2026-00012.pdf"
    )
    assert (
        brief_bestandsnaam("ßø", "ARR-2026-00001")
        == "besluit-arrangement-leerling-arr-2026-00001.pdf"
    )
