"""The OPP as an accessible PDF: tagged (PDF/UA-1), complete, logged, and only for readers.

Text and structure are read with poppler-utils (``core.tests.pdf``); the catalog is
checked in the raw bytes after inflating the compressed object streams.
"""

import datetime
import re
from dataclasses import dataclass
from itertools import pairwise

import pytest
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.models import Toegangsregel
from passend.core.pdf import alleen_inline_fetcher
from passend.core.tests.pdf import pdf_info, pdf_ontrold, pdf_tekst
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning import services
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.pdf import opp_pdf
from passend.ondersteuning.rules import Besluit, FactorSoort, Hoorwijze
from passend.ondersteuning.views.documenten import pdf_bestandsnaam

pytestmark = pytest.mark.django_db

HOOFDSTUKKEN = [
    "Leerling en school",
    "Versie en status",
    "Uitstroomperspectief",
    "Waar de ondersteuning vooral over gaat",
    "Onderbouwing",
    "Handelingsdeel",
    "Overleg met de ouders",
    "De kijk van de ouders",
    "De mening van de leerling (hoorrecht)",
    "Evaluaties",
    "Instemming met het handelingsdeel",
]


@dataclass
class Typisch:
    opp: Ontwikkelingsperspectief
    ib: Actor
    ouder: Actor
    kind: Actor


def _actor(rol) -> Actor:
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def typisch_opp() -> Typisch:
    """A typical OPP: 3 factors, 4 goals, 2 overleggen, 1 pupil view, 2 decisions; vastgesteld."""
    inschrijving = InschrijvingFactory(
        leerling=LeerlingFactory(
            roepnaam="Sanne", achternaam="Çelik-Öztürk", geboortedatum=datetime.date(2013, 4, 1)
        )
    )
    leerling = inschrijving.leerling
    ib = _actor(
        RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    )
    ouderschap = OuderschapFactory(
        leerling=leerling, gezag=True, ouder=GebruikerFactory(first_name="Fatma", last_name="Çelik")
    )
    ouder = _actor(RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=ouderschap.ouder))
    leerling.gebruiker = GebruikerFactory()
    leerling.save()
    kind = _actor(RolFactory(rolsoort=Rolsoort.LEERLING, gebruiker=leerling.gebruiker))

    opp = services.opp_starten(
        actor=ib, leerling=leerling, start_extra_ondersteuning=datetime.date(2026, 9, 1)
    )
    opp = services.opp_bijwerken(
        actor=ib,
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={
            "uitstroombestemming": "vmbo_kb",
            "uitstroomperspectief": "Kaderberoepsgericht, met steun bij lezen.",
            "onderbouwing": "Toetsen en observaties laten een stabiele groei zien.",
        },
    )
    for soort, tekst in (
        (FactorSoort.BELEMMEREND, "Leest langzaam (dyslexie)"),
        (FactorSoort.BELEMMEREND, "Raakt snel afgeleid in de klas"),
        (FactorSoort.BEVORDEREND, "Werkt hard en vraagt om hulp"),
    ):
        services.factor_toevoegen(actor=ib, opp=opp, soort=soort, omschrijving=tekst)
    for nummer in range(1, 5):
        services.doel_toevoegen(
            actor=ib,
            opp=opp,
            doel=f"Doel {nummer}: leest AVI E{nummer + 3} vloeiend",
            aanpak="Extra leesbegeleiding in een klein groepje",
            door_wie="Remedial teacher",
            frequentie="2 keer per week, 30 minuten",
            van=datetime.date(2026, 9, 1),
            tot=datetime.date(2027, 1, 31),
            evaluatiewijze="AVI-toets in januari",
            afwijking_programma="Minder Frans" if nummer == 1 else "",
        )
    for datum in (datetime.date(2026, 9, 10), datetime.date(2026, 9, 20)):
        services.overleg_vastleggen(
            actor=ib,
            opp=opp,
            datum=datum,
            deelnemers="Moeder, intern begeleider",
            samenvatting="Plan besproken.",
        )
    stem = services.leerlingstem_vastleggen(
        actor=kind,
        opp=opp,
        wat_gaat_goed="Rekenen",
        wat_is_moeilijk="Lezen",
        wat_wil_ik="Hulp bij lezen",
        hoorwijze=Hoorwijze.ZELF,
    )
    services.reactie_op_leerlingstem(actor=ib, stem=stem, reactie="We starten een leesgroep.")
    services.instemming_geven(
        actor=ouder,
        opp=opp,
        besluit=Besluit.GEWEIGERD,
        toelichting="Te weinig uren begeleiding.",
        herauthenticatie_op=timezone.now(),
    )
    services.instemming_op_papier_vastleggen(
        actor=ib,
        opp=opp,
        door=ouder.gebruiker,
        besluit=Besluit.GEGEVEN,
        datum=datetime.date(2026, 9, 25),
        toelichting="Na het tweede gesprek getekend.",
    )
    opp = services.opp_vaststellen(actor=ib, opp=opp)
    return Typisch(opp=opp, ib=ib, ouder=ouder, kind=kind)


@pytest.fixture
def typisch() -> Typisch:
    return typisch_opp()


def _pdf_opvragen(client, opp):
    return client.get(f"/opp/{opp.sleutel}/pdf/")


def _nieuwe_regels(voor: int):
    """Access-log records written after the record with id ``voor``."""
    return Toegangsregel.objects.filter(pk__gt=voor).order_by("pk")


def _laatste_regel() -> int:
    laatste = Toegangsregel.objects.order_by("-pk").first()
    return laatste.pk if laatste else 0


def test_pdf_is_getagd_en_pdf_ua(typisch):
    pdf = opp_pdf(typisch.opp)
    assert pdf.startswith(b"%PDF-1.7")
    inhoud = pdf_ontrold(pdf)
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", inhoud)
    assert b"/StructTreeRoot" in inhoud
    assert b"/Lang (nl)" in inhoud
    assert b"pdfuaid:part" in inhoud  # PDF/UA-1 identification in the XMP metadata
    assert b"/DisplayDocTitle true" in inhoud


def test_pdf_heeft_titel_en_koppen_in_volgorde(typisch):
    pdf = opp_pdf(typisch.opp)
    info = pdf_info(pdf)
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    assert re.search(
        r"^Title:\s+Ontwikkelingsperspectief van Sanne Çelik-Öztürk, versie 1$", info, re.M
    )
    structuur = pdf_info(pdf, "-struct-text")
    koppen = re.findall(r"^\s*(H[1-6]) \(block\)\n(?:.*\n)*?\s*\"([^\"]+)\"", structuur, re.M)
    assert koppen[0] == ("H1", "Ontwikkelingsperspectief (OPP)")
    assert [tekst for niveau, tekst in koppen if niveau == "H2"] == HOOFDSTUKKEN
    niveaus = [int(niveau[1]) for niveau, _ in koppen]
    assert all(b - a <= 1 for a, b in pairwise(niveaus))  # no level skipped
    assert structuur.count("TH <") >= 6  # the handelingsdeel's column headers


def test_pdf_bevat_alle_onderdelen_en_het_instemmingsrecord(typisch):
    tekst = pdf_tekst(opp_pdf(typisch.opp))
    for kop in [*HOOFDSTUKKEN, "Belemmerende factoren", "Bevorderende factoren"]:
        assert kop in tekst
    for stuk in (
        "Sanne Çelik-Öztürk",
        "1 april 2013",
        "Vmbo kaderberoepsgerichte leerweg",
        "Raakt snel afgeleid in de klas",
        "Doel 4: leest AVI E7 vloeiend",
        "Minder Frans",
        "Hulp bij lezen",
        "We starten een leesgroep.",
        # The consent record: both decisions, how, by whom, when, why.
        "Instemming geweigerd",
        "Te weinig uren begeleiding.",
        "Instemming gegeven",
        "Na het tweede gesprek getekend.",
        "25 september 2026",
        "Fatma Çelik",
        "Het laatste besluit telt: instemming gegeven",
    ):
        assert stuk in tekst, stuk
    assert "ouderportaal" in tekst
    assert "Op papier" in tekst


def test_pdf_haalt_niets_van_buiten():
    fetcher = alleen_inline_fetcher()
    for adres in ("https://example.org/stijl.css", "http://10.0.0.1/x.png", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(adres)


def test_bestandsnaam_is_ascii():
    assert pdf_bestandsnaam("Çelik-Öztürk", 2) == "opp-celik-ozturk-v2.pdf"
    assert pdf_bestandsnaam("van 't Hof", 1) == "opp-van-t-hof-v1.pdf"
    assert pdf_bestandsnaam("ßø", 1) == "opp-leerling-v1.pdf"


@pytest.mark.parametrize("wie", ["ib", "ouder", "kind"])
def test_lezers_downloaden_de_pdf_met_een_logregel(typisch, maak_client, wie):
    actor = getattr(typisch, wie)
    voor = _laatste_regel()
    antwoord = _pdf_opvragen(maak_client(actor.rol), typisch.opp)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"] == 'attachment; filename="opp-celik-ozturk-v1.pdf"'
    assert "no-store" in antwoord["Cache-Control"]
    assert antwoord.content.startswith(b"%PDF")
    [regel] = _nieuwe_regels(voor)
    assert regel.gebruiker == actor.gebruiker
    assert (regel.actie, regel.resultaat, regel.route) == (
        "afdrukken",
        "toegestaan",
        "ondersteuning:pdf",
    )
    assert [rl.leerling_sleutel for rl in regel.leerlingen.all()] == [typisch.opp.leerling.sleutel]


def test_elke_download_schrijft_precies_een_logregel(typisch, maak_client):
    client = maak_client(typisch.ib.rol)
    for _ in range(2):
        voor = _laatste_regel()
        assert _pdf_opvragen(client, typisch.opp).status_code == 200
        assert [r.actie for r in _nieuwe_regels(voor)] == ["afdrukken"]


def test_ib_van_een_andere_school_krijgt_404_en_een_gelogde_weigering(typisch, maak_client):
    vreemde = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER)
    antwoord = _pdf_opvragen(maak_client(vreemde), typisch.opp)
    assert antwoord.status_code == 404
    assert b"%PDF" not in antwoord.content
    regel = Toegangsregel.objects.filter(gebruiker=vreemde.gebruiker).get()
    assert (regel.actie, regel.resultaat) == ("afdrukken", "geweigerd")


def test_ouder_van_een_ander_kind_krijgt_404(typisch, maak_client):
    andere = RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=OuderschapFactory().ouder)
    assert _pdf_opvragen(maak_client(andere), typisch.opp).status_code == 404
    assert Toegangsregel.objects.filter(gebruiker=andere.gebruiker).get().resultaat == "geweigerd"


def test_onbekend_opp_is_404_en_gelogd(maak_client):
    rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER)
    antwoord = maak_client(rol).get("/opp/00000000-0000-4000-8000-000000000000/pdf/")
    assert antwoord.status_code == 404
    assert Toegangsregel.objects.filter(gebruiker=rol.gebruiker).get().resultaat == "geweigerd"
