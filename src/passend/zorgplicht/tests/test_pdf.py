"""The letters to the parents: accessible PDFs (tagged, PDF/UA-1, Dutch), in plain words,
with the dates that matter and, for a refusal, what the parents can do."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from passend.core.tests.pdf import pdf_info, pdf_ontrold, pdf_tekst
from passend.zorgplicht import services
from passend.zorgplicht.pdf import besluitbrief, bestandsnaam, verlengingsbrief
from passend.zorgplicht.rules import Uitkomst
from passend.zorgplicht.tests.factories import AanmeldingFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def verlengd(wereld):
    aanmelding = AanmeldingFactory(
        leerling=wereld.kind, vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=20)
    )
    return services.aanmelding_verlengen(
        actor=wereld.schoolleider,
        aanmelding=aanmelding,
        weken=3,
        reden="Wij wachten op het verslag van de logopedist.",
    )


def test_verlengingsbrief_is_toegankelijk_en_noemt_de_nieuwe_termijn(wereld):
    aanmelding = verlengd(wereld)
    pdf = verlengingsbrief(aanmelding)
    inhoud = pdf_ontrold(pdf)
    assert pdf.startswith(b"%PDF-1.7")
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", inhoud)
    assert b"/StructTreeRoot" in inhoud and b"/Lang (nl)" in inhoud and b"pdfuaid:part" in inhoud
    info = pdf_info(pdf)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert "Meer tijd nodig voor het besluit over de aanmelding van Noor de Wit" in info
    tekst = pdf_tekst(pdf)
    for stuk in (
        "OBS De Zonnewijzer",
        "Aan de ouders of verzorgers van Noor de Wit",
        "Wij hebben meer tijd nodig voor ons besluit",
        "3 weken langer",
        "Wij wachten op het verslag van de logopedist.",
        "recht op een tijdelijke plek",
        wereld.schoolleider.gebruiker.get_full_name(),
    ):
        assert stuk in tekst, stuk
    assert f"{aanmelding.verlengd_tot.day} " in tekst


def test_besluitbrief_bij_weigeren_noemt_de_school_en_wat_ouders_kunnen_doen(wereld):
    aanmelding = AanmeldingFactory(
        leerling=wereld.kind, vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=20)
    )
    besloten = services.aanmelding_besluiten(
        actor=wereld.bestuurder,
        aanmelding=aanmelding,
        uitkomst=Uitkomst.GEPLAATST_ELDERS,
        geplaatst_bij=wereld.elders,
        geplaatst_op=VANDAAG - timedelta(days=2),
        toelichting="Noor heeft een klein groepje nodig.",
    )
    tekst = pdf_tekst(besluitbrief(besloten))
    for stuk in (
        "Ons besluit over de aanmelding van Noor",
        "kan niet bij ons op school komen",
        "CBS Elders heeft Noor",
        "Noor heeft een klein groepje nodig.",
        "Bent u het niet eens met dit besluit?",
        "binnen 6 weken",
        "Geschillencommissie Passend Onderwijs",
    ):
        assert stuk in tekst, stuk


def test_besluitbrief_bij_toelating_zonder_bezwaarclausule(wereld):
    aanmelding = AanmeldingFactory(
        leerling=wereld.kind, vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=20)
    )
    besloten = services.aanmelding_besluiten(
        actor=wereld.schoolleider,
        aanmelding=aanmelding,
        uitkomst=Uitkomst.TOEGELATEN_MET_ONDERSTEUNING,
        ingangsdatum=VANDAAG + timedelta(days=7),
    )
    tekst = pdf_tekst(besluitbrief(besloten))
    assert "Noor is welkom op OBS De Zonnewijzer." in tekst
    assert "extra ondersteuning" in tekst and "Eerste schooldag" in tekst
    assert "Bent u het niet eens" not in tekst


def test_bestandsnaam_is_ascii(wereld):
    aanmelding = AanmeldingFactory(leerling__achternaam="Çelik-Öztürk")
    assert bestandsnaam("besluit", aanmelding) == "aanmelding-besluit-celik-ozturk.pdf"
