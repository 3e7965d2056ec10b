"""The PDF report of a wave's results: a tagged PDF/UA-1 document with a title page (wave,
scope, date, respondents per group, the plain explanation), the same figures as the page,
the charts as figures with a text alternative; never cached; one access-log record
(printed); refusals and a wave that is not closed read nothing."""

import re

import pytest
from django.urls import reverse

from passend.core.models import Actie, Resultaat, Toegangsregel
from passend.core.tests.pdf import pdf_info, pdf_ontrold, pdf_tekst
from passend.core.tests.test_toegangslog import kapot_toegangslog
from passend.doelstellingen.rules import Metingstatus
from passend.doelstellingen.tests.resultaten_data import bouw_meting
from passend.doelstellingen.tests.test_resultaten_paginas import (
    OBJECT_TYPE,
    R,
    client_als,
    maak_landelijk,
    maak_wereld,
)

pytestmark = pytest.mark.django_db

PDF = "doelstellingen:resultaten-pdf"


def test_rapport_is_een_getagde_pdf_met_titelpagina_en_cijfers():
    wereld = maak_wereld()
    antwoord = client_als(wereld.swv, R.DIRECTEUR).get(reverse(PDF, args=[wereld.meting.pk]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    naam = f"doelstellingenmonitor-2025-{wereld.swv.code.lower()}.pdf"
    assert antwoord["Content-Disposition"] == f'attachment; filename="{naam}"'
    assert "no-store" in antwoord["Cache-Control"]
    pdf = antwoord.content
    assert pdf.startswith(b"%PDF-1.7")
    ruw = pdf_ontrold(pdf)
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", ruw)
    assert b"/Lang (nl)" in ruw and b"pdfuaid:part" in ruw
    info = pdf_info(pdf)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert "Doelstellingenmonitor: Meting 2025, SWV Doelstad" in info
    tekst = pdf_tekst(pdf)
    # The title page: wave, scope, compared waves, respondents per group, the explanation.
    assert "Doelstellingenmonitor passend onderwijs" in tekst
    assert "Uitkomsten voor SWV Doelstad" in tekst
    assert "Nulmeting 2022 en Vorige meting 2024" in tekst
    assert "Ouders van leerlingen met een ondersteuningsbehoefte 30" in tekst
    assert "Leraren en mentoren minder dan 10" in tekst
    assert "gecorrigeerd volgens Holm" in tekst and "95%-betrouwbaarheidsinterval" in tekst
    # The figures, as on the page.
    assert "Doelstelling 1: De ondersteuningsbehoefte is leidend" in tekst
    assert "90 % (" in tekst and "hoger dan de nulmeting" in tekst
    assert "minder dan 10 antwoorden" in tekst
    # The charts are figures with their text alternative.
    structuur = pdf_info(pdf, "-struct-text")
    assert "Figure" in structuur
    assert (
        b"/Alt (Percentage dat het eens is per stelling. De ondersteuning past bij mijn kind. "
        b"Uitkomst: Meting 2025 90 procent, 95%-betrouwbaarheidsinterval" in ruw
    )


def test_rapport_schrijft_een_regel_afgedrukt():
    wereld = maak_wereld()
    client_als(wereld.swv, R.OPR_LID).get(reverse(PDF, args=[wereld.meting.pk]))
    regel = Toegangsregel.objects.get()
    assert (regel.actie, regel.resultaat, regel.object_type, regel.object_id, regel.route) == (
        Actie.AFDRUKKEN,
        Resultaat.TOEGESTAAN,
        OBJECT_TYPE,
        str(wereld.meting.pk),
        PDF,
    )


def test_rapport_van_een_swv_in_een_landelijke_meting():
    wereld = maak_landelijk()
    antwoord = client_als(None, R.MINISTERIE).get(
        reverse(PDF, args=[wereld.meting.pk]), {"swv": wereld.noord.code}
    )
    assert antwoord.status_code == 200
    naam = f"doelstellingenmonitor-2025-{wereld.noord.code.lower()}.pdf"
    assert naam in antwoord["Content-Disposition"]
    assert "Uitkomsten voor SWV Noord" in pdf_tekst(antwoord.content)


def test_rapport_met_onbekend_swv_is_een_fout_zonder_cijfers():
    wereld = maak_landelijk()
    antwoord = client_als(None, R.INSPECTEUR).get(
        reverse(PDF, args=[wereld.meting.pk]), {"swv": "ONBEKEND"}
    )
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"].startswith("text/html")
    assert not Toegangsregel.objects.filter(resultaat=Resultaat.TOEGESTAAN).exists()


def test_rapport_van_een_lopende_meting_bestaat_niet():
    wereld = maak_wereld()
    open_ = bouw_meting(swv=wereld.swv, jaar=2026, status=Metingstatus.OPEN)
    antwoord = client_als(wereld.swv, R.DIRECTEUR).get(reverse(PDF, args=[open_.pk]))
    assert antwoord.status_code == 409
    assert "pas als de meting gesloten is" in antwoord.content.decode()
    regel = Toegangsregel.objects.get()
    assert regel.resultaat == Resultaat.TOEGESTAAN
    assert regel.reden == "meting nog niet gesloten"
    assert regel.object_id == str(open_.pk)


def test_rapport_geweigerd_en_verborgen():
    wereld = maak_wereld()
    url = reverse(PDF, args=[wereld.meting.pk])
    assert client_als(wereld.swv, R.LOKET).get(url).status_code == 403
    assert client_als(None, R.INSPECTEUR).get(url).status_code == 404
    assert Toegangsregel.objects.filter(resultaat=Resultaat.GEWEIGERD).count() == 2
    assert not Toegangsregel.objects.filter(resultaat=Resultaat.TOEGESTAAN).exists()


def test_zonder_toegangslog_geen_rapport():
    wereld = maak_wereld()
    client = client_als(wereld.swv, R.DIRECTEUR)
    with kapot_toegangslog():
        antwoord = client.get(reverse(PDF, args=[wereld.meting.pk]))
    assert antwoord.status_code == 503
    assert not antwoord.content.startswith(b"%PDF")


#: Measured + a margin of 2: the page's queries (the PDF adds none).
MAX_PDF = 18


@pytest.mark.parametrize("schaal", [1, 4])
def test_rapport_heeft_een_vast_aantal_queries(schaal: int, django_assert_max_num_queries):
    wereld = maak_wereld(schaal=schaal)
    client = client_als(wereld.swv, R.DIRECTEUR)
    url = reverse(PDF, args=[wereld.meting.pk])
    client.get(url)  # warm up
    with django_assert_max_num_queries(MAX_PDF):
        antwoord = client.get(url)
    assert antwoord.status_code == 200
