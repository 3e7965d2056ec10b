"""The schoolgids text: written by a pure function from the offer (an exact expected text),
written and rewritten by the service (never silently over hand edits), edited by hand
with an optimistic lock, one per location and school year, and as a PDF."""

import re
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from passend.aanbod.models import Ondersteuningsgebied, Schoolgidstekst
from passend.aanbod.pdf import schoolgids_bestandsnaam, schoolgids_pdf
from passend.aanbod.rules import (
    MAXIMALE_CONTACTLENGTE,
    MAXIMALE_TEKSTLENGTE,
    Faciliteit,
    Status,
)
from passend.aanbod.schoolgids import (
    Blok,
    Gebiedstekst,
    Schoolgidsgegevens,
    blokken,
    maximale_lengte,
    schoolgidstekst,
)
from passend.aanbod.selectors.school import (
    schoolgids_bron,
    schoolgidstekst_maximum,
    tekst_achterhaald,
)
from passend.aanbod.services.aanbod import aanbod_opslaan, aanbod_publiceren
from passend.aanbod.services.basis import Conflict
from passend.aanbod.services.schoolgids import (
    schoolgidstekst_bewerken,
    schoolgidstekst_opstellen,
)
from passend.aanbod.tests.factories import AanbodFactory, GebiedsaanbodFactory, gebied
from passend.aanbod.tests.test_school_wereld import (
    Wereld,
    actor,
    maak_wereld,
    norminvoer,
    schooljaren,
)
from passend.core.permissions import Geweigerd
from passend.core.tests.pdf import pdf_info, pdf_ontrold, pdf_tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


GIDS = "https://passend.example/gids/"

GEGEVENS = Schoolgidsgegevens(
    school="OBS De Linde",
    soort="Basisonderwijs",
    schooljaar="2026-2027",
    toelichting="Wij kijken naar wat elk kind nodig heeft.\n\nWe werken samen met ouders.",
    contact="De intern begeleider, Ingrid Bos (ib@delinde.example)",
    gebieden=(
        Gebiedstekst(
            naam="Lezen, spellen en dyslexie",
            landelijke_norm=True,
            basisondersteuning="Elke dag lezen in kleine groepjes.",
            extra_ondersteuning="Een leesspecialist van het samenwerkingsverband.",
            expertise="Een leesspecialist.",
            faciliteiten=("Stille of prikkelarme ruimte", "Werken in kleine groepen"),
        ),
        Gebiedstekst(
            naam="Medische zorg",
            landelijke_norm=False,
            expertise="Een verpleegkundige komt elke week.",
            capaciteit=12,
        ),
    ),
    samenwerkingsverbanden=("Passend Primair Rivierenland",),
    gids_adres=GIDS,
)

VERWACHT = """\
## Ondersteuning op OBS De Linde

Schooljaar 2026-2027. OBS De Linde is een school voor basisonderwijs.

Wij kijken naar wat elk kind nodig heeft.

We werken samen met ouders.

Elk kind krijgt op onze school basisondersteuning. Dat is de hulp die wij aan alle \
kinderen geven. Heeft uw kind meer nodig? Dan zoeken wij samen met u naar extra \
ondersteuning. Dat doen wij samen met ons samenwerkingsverband: Passend Primair Rivierenland.

Staat er (landelijke norm) achter een onderwerp? Dan gaat het om basisondersteuning die \
straks elke school in Nederland moet bieden.

### Lezen, spellen en dyslexie (landelijke norm)

Wat elk kind krijgt:
Elke dag lezen in kleine groepjes.

Wat wij extra kunnen bieden, samen met het samenwerkingsverband:
Een leesspecialist van het samenwerkingsverband.

Deze deskundigen helpen op school:
Een leesspecialist.

Wat er op school is:
- Stille of prikkelarme ruimte
- Werken in kleine groepen

### Medische zorg

Deze deskundigen helpen op school:
Een verpleegkundige komt elke week.

Er zijn 12 plaatsen voor kinderen die dit nodig hebben.

### Vragen?

Heeft u vragen over ondersteuning? Neem dan contact op met:
De intern begeleider, Ingrid Bos (ib@delinde.example)

Wilt u het aanbod van scholen in de regio bekijken en vergelijken, of zoekt u hulp \
buiten school, zoals jeugdhulp? Kijk dan in de gids van Passend Primair Rivierenland: \
https://passend.example/gids/
"""


# --- The pure text -------------------------------------------------------------------------


def test_de_schoolgidstekst_voor_een_gegeven_aanbod():
    assert schoolgidstekst(GEGEVENS) == VERWACHT


def test_zonder_inleiding_contact_en_gebieden_een_korte_tekst():
    leeg = Schoolgidsgegevens(
        school="SBO De Brug",
        soort="Speciaal basisonderwijs",
        schooljaar="2027-2028",
        toelichting="   ",
        contact="",
        gebieden=(),
        samenwerkingsverbanden=(),
        gids_adres=GIDS,
    )
    assert schoolgidstekst(leeg) == (
        "## Ondersteuning op SBO De Brug\n\n"
        "Schooljaar 2027-2028. SBO De Brug is een school voor speciaal basisonderwijs.\n\n"
        "Elk kind krijgt op onze school basisondersteuning. Dat is de hulp die wij aan alle "
        "kinderen geven. Heeft uw kind meer nodig? Dan zoeken wij samen met u naar extra "
        "ondersteuning. Dat doen wij samen met het samenwerkingsverband.\n\n"
        "Wij beschrijven onze ondersteuning per onderwerp nog.\n\n"
        "### Vragen?\n\n"
        "Heeft u vragen over ondersteuning? Neem contact op met de school.\n\n"
        "Wilt u het aanbod van scholen in de regio bekijken en vergelijken, of zoekt u hulp "
        "buiten school, zoals jeugdhulp? Kijk dan in de gids van het samenwerkingsverband: "
        f"{GIDS}\n"
    )


# --- Writing it from the offer -------------------------------------------------------------


def _opstellen(w: Wereld, jaar: str, **kwargs) -> Schoolgidstekst:
    """Write the text, asked on its current revision (unless ``revisie`` is given)."""
    huidig = Schoolgidstekst.objects.filter(vestiging=w.vestiging, schooljaar=jaar).first()
    return schoolgidstekst_opstellen(
        actor=actor(kwargs.pop("rol", w.ib)),
        vestiging=w.vestiging,
        schooljaar=jaar,
        gids_adres=GIDS,
        revisie=kwargs.pop("revisie", huidig.revisie if huidig else 0),
        **kwargs,
    )


def test_passend_schrijft_de_tekst_uit_het_gepubliceerde_aanbod(wereld: Wereld):
    jaar = schooljaren()[0]
    gepubliceerd = AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=jaar, gepubliceerd=True, contact="Ingrid"
    )
    GebiedsaanbodFactory(
        aanbod=gepubliceerd, gebied=gebied("medisch"), basisondersteuning="Medicijnen geven"
    )
    AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=jaar, versie=2, toelichting="Concept: nog niet"
    )
    tekst = _opstellen(wereld, jaar)
    assert tekst.bron == gepubliceerd and tekst.bron_revisie == gepubliceerd.revisie
    assert not tekst.met_de_hand_aangepast and tekst.revisie == 1
    assert tekst.bijgewerkt_door == wereld.ib.gebruiker
    assert "## Ondersteuning op OBS De Linde" in tekst.tekst
    assert "### Leergedrag (landelijke norm)" in tekst.tekst
    assert "### Medische zorg\n\nWat elk kind krijgt:\nMedicijnen geven" in tekst.tekst
    assert "samenwerkingsverband: Passend Primair Rivierenland." in tekst.tekst
    assert "Concept: nog niet" not in tekst.tekst
    assert tekst.tekst.rstrip().endswith(GIDS)


def test_zonder_publicatie_schrijft_passend_uit_het_concept(wereld: Wereld):
    _, volgend = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=volgend, toelichting="Nieuw")
    assert schoolgids_bron(vestiging=wereld.vestiging, schooljaar=volgend) == concept
    tekst = _opstellen(wereld, volgend)
    assert tekst.bron == concept and "Nieuw" in tekst.tekst


def test_zonder_aanbod_geen_tekst(wereld: Wereld):
    with pytest.raises(ValidationError) as fout:
        _opstellen(wereld, schooljaren()[0])
    assert "Beschrijf eerst het aanbod" in fout.value.message_dict["schooljaar"][0]
    assert not Schoolgidstekst.objects.exists()


def test_opnieuw_schrijven_houdt_een_tekst_per_schooljaar(wereld: Wereld):
    jaar = schooljaren()[0]
    aanbod = AanbodFactory(vestiging=wereld.vestiging, schooljaar=jaar, toelichting="Eerst")
    eerste = _opstellen(wereld, jaar)
    aanbod_opslaan(
        actor=actor(wereld.ib),
        aanbod=aanbod,
        revisie=aanbod.revisie,
        toelichting="Daarna",
        contact="",
        gebieden=norminvoer(),
    )
    aanbod.refresh_from_db()
    assert tekst_achterhaald(eerste, aanbod)
    tweede = _opstellen(wereld, jaar)
    assert tweede.pk == eerste.pk and tweede.revisie == 2
    assert "Daarna" in tweede.tekst and "Eerst" not in tweede.tekst
    assert not tekst_achterhaald(tweede, aanbod)
    assert Schoolgidstekst.objects.count() == 1


def test_na_publiceren_is_een_tekst_uit_het_concept_achterhaald(wereld: Wereld):
    jaar = schooljaren()[0]
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=jaar)
    tekst = _opstellen(wereld, jaar)
    aanbod_publiceren(actor=actor(wereld.schoolleider), aanbod=concept, revisie=concept.revisie)
    bron = schoolgids_bron(vestiging=wereld.vestiging, schooljaar=jaar)
    assert bron is not None and bron.status == Status.GEPUBLICEERD
    assert tekst_achterhaald(tekst, bron)


def test_de_database_houdt_een_tekst_per_vestiging_en_schooljaar(wereld: Wereld):
    Schoolgidstekst.objects.create(vestiging=wereld.vestiging, schooljaar="2026-2027", tekst="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Schoolgidstekst.objects.create(
            vestiging=wereld.vestiging, schooljaar="2026-2027", tekst="b"
        )


# --- Editing by hand -----------------------------------------------------------------------


def _met_tekst(w: Wereld) -> Schoolgidstekst:
    jaar = schooljaren()[0]
    AanbodFactory(vestiging=w.vestiging, schooljaar=jaar, gepubliceerd=True)
    return _opstellen(w, jaar)


def test_met_de_hand_aanpassen(wereld: Wereld):
    tekst = _met_tekst(wereld)
    aangepast = schoolgidstekst_bewerken(
        actor=actor(wereld.schoolleider),
        schoolgidstekst=tekst,
        revisie=tekst.revisie,
        tekst="## Onze zorg  \r\n\r\nEigen woorden.  \n\n",
    )
    assert aangepast.tekst == "## Onze zorg\n\nEigen woorden.\n"
    assert aangepast.met_de_hand_aangepast and aangepast.revisie == tekst.revisie + 1
    assert aangepast.bijgewerkt_door == wereld.schoolleider.gebruiker


def test_ongewijzigd_opslaan_is_geen_aanpassing(wereld: Wereld):
    tekst = _met_tekst(wereld)
    bewaard = schoolgidstekst_bewerken(
        actor=actor(wereld.ib), schoolgidstekst=tekst, revisie=tekst.revisie, tekst=tekst.tekst
    )
    assert not bewaard.met_de_hand_aangepast


def test_een_verouderde_aanpassing_overschrijft_niets(wereld: Wereld):
    tekst = _met_tekst(wereld)
    oud = tekst.revisie
    schoolgidstekst_bewerken(
        actor=actor(wereld.ib), schoolgidstekst=tekst, revisie=oud, tekst="Versie van Ingrid"
    )
    with pytest.raises(Conflict) as fout:
        schoolgidstekst_bewerken(
            actor=actor(wereld.schoolleider), schoolgidstekst=tekst, revisie=oud, tekst="Van Sam"
        )
    assert fout.value.code == "revisie"
    tekst.refresh_from_db()
    assert tekst.tekst == "Versie van Ingrid\n"


def test_een_lege_tekst_wordt_geweigerd(wereld: Wereld):
    tekst = _met_tekst(wereld)
    with pytest.raises(ValidationError) as fout:
        schoolgidstekst_bewerken(
            actor=actor(wereld.ib), schoolgidstekst=tekst, revisie=tekst.revisie, tekst=" \n "
        )
    assert "tekst" in fout.value.message_dict


def test_opnieuw_schrijven_over_een_aangepaste_tekst_vraagt_bevestiging(wereld: Wereld):
    tekst = _met_tekst(wereld)
    schoolgidstekst_bewerken(
        actor=actor(wereld.ib), schoolgidstekst=tekst, revisie=tekst.revisie, tekst="Eigen"
    )
    with pytest.raises(Conflict) as fout:
        _opstellen(wereld, tekst.schooljaar)
    assert fout.value.code == "met_de_hand_aangepast"
    tekst.refresh_from_db()
    assert tekst.tekst == "Eigen\n"
    nieuw = _opstellen(wereld, tekst.schooljaar, overschrijven=True)
    assert "## Ondersteuning op OBS De Linde" in nieuw.tekst
    assert not nieuw.met_de_hand_aangepast


@pytest.mark.parametrize("wie", ["ander_ib", "leraar", "ouder", "bestuurder", "loket"])
def test_alleen_de_eigen_school_schrijft_de_tekst(wereld: Wereld, wie: str):
    tekst = _met_tekst(wereld)
    rol = getattr(wereld, wie)
    with pytest.raises(Geweigerd):
        _opstellen(wereld, tekst.schooljaar, rol=rol)
    with pytest.raises(Geweigerd):
        schoolgidstekst_bewerken(
            actor=actor(rol), schoolgidstekst=tekst, revisie=tekst.revisie, tekst="Niet van mij"
        )
    tekst.refresh_from_db()
    assert tekst.revisie == 1 and "Niet van mij" not in tekst.tekst


# --- The PDF --------------------------------------------------------------------------------


def test_de_tekst_als_getagde_pdf_ua_met_koppen(wereld: Wereld):
    tekst = _met_tekst(wereld)
    tekst.tekst += "\n<b>Geen opmaak</b> & zo\n"
    pdf = schoolgids_pdf(tekst)
    assert pdf.startswith(b"%PDF-1.7")
    ruw = pdf_ontrold(pdf)
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", ruw)
    assert b"/Lang (nl)" in ruw and b"pdfuaid:part" in ruw
    info = pdf_info(pdf)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert f"Ondersteuning op OBS De Linde, schooljaar {tekst.schooljaar}" in info
    structuur = pdf_info(pdf, "-struct-text")
    koppen = re.findall(r"^\s*(H[1-6]) \(block\)\n(?:.*\n)*?\s*\"([^\"]+)\"", structuur, re.M)
    assert koppen[0] == ("H1", "Ondersteuning op OBS De Linde")
    assert ("H2", "Leergedrag (landelijke norm)") in koppen
    inhoud = pdf_tekst(pdf)
    assert "Vragen?" in inhoud and "<b>Geen opmaak</b> & zo" in inhoud
    assert schoolgids_bestandsnaam(tekst) == (
        f"schoolgids-ondersteuning-obs-de-linde-{tekst.schooljaar}.pdf"
    )


# --- Plain Dutch for every location -----------------------------------------------------------


def test_een_vso_locatie_met_twee_samenwerkingsverbanden_spreekt_in_meervoud():
    tekst = schoolgidstekst(
        replace(GEGEVENS, samenwerkingsverbanden=("SWV PO Rivierenland", "SWV VO Rivierenland"))
    )
    assert (
        "Dat doen wij samen met onze samenwerkingsverbanden: SWV PO Rivierenland en "
        "SWV VO Rivierenland." in tekst
    )
    assert "ons samenwerkingsverband" not in tekst
    assert "Kijk dan in de gids van SWV PO Rivierenland en SWV VO Rivierenland:" in tekst


def test_een_plaats_is_enkelvoud():
    gebied = replace(GEGEVENS.gebieden[1], capaciteit=1)
    tekst = schoolgidstekst(replace(GEGEVENS, gebieden=(gebied,)))
    assert "Er is 1 plaats voor kinderen die dit nodig hebben." in tekst


# --- What the school typed stays text ------------------------------------------------------------


def test_getypte_opmaaktekens_worden_geen_kop_of_opsomming():
    getypt = "- elke dag\n## niet belangrijk\n### ook geen kop\n* sterretje\n\\- al met streep"
    gegevens = replace(
        GEGEVENS,
        toelichting="## Welkom",
        gebieden=(replace(GEGEVENS.gebieden[0], basisondersteuning=getypt),),
    )
    tekst = schoolgidstekst(gegevens)
    assert "\n\\## Welkom\n" in tekst and "\n\\- elke dag\n" in tekst
    delen = blokken(tekst)
    koppen = [b.regels[0] for b in delen if b.soort in ("kop", "subkop")]
    assert koppen == [
        "Ondersteuning op OBS De Linde",
        "Lezen, spellen en dyslexie (landelijke norm)",
        "Vragen?",
    ]
    assert [b.regels for b in delen if b.soort == "lijst"] == [
        ("Stille of prikkelarme ruimte", "Werken in kleine groepen")
    ]
    alineas = [regel for b in delen if b.soort == "alinea" for regel in b.regels]
    assert "## Welkom" in alineas
    # Read back exactly as typed, the backslash the school typed itself too.
    assert alineas[alineas.index("Wat elk kind krijgt:") + 1 :][:5] == getypt.splitlines()


def test_een_gewone_backslash_blijft_staan():
    assert blokken("\\n is een regeleinde\n\\\\") == [
        Blok("alinea", ("\\n is een regeleinde", "\\\\"))
    ]


def test_een_kop_slaat_geen_niveau_over():
    assert blokken("### Eerst\n\nTekst\n\n## Daarna\n\n### Onder daarna") == [
        Blok("kop", ("Eerst",)),
        Blok("alinea", ("Tekst",)),
        Blok("kop", ("Daarna",)),
        Blok("subkop", ("Onder daarna",)),
    ]


def test_de_langste_tekst_past_binnen_de_grens_voor_aanpassen():
    """An offer with every text at the limit (lines that each need a backslash), every
    facility, the longest names and two samenwerkingsverbanden: the written text is never
    longer than a hand edit may be."""
    regels = "- x\n" * (MAXIMALE_TEKSTLENGTE // 4)
    vol = (regels + "y" * MAXIMALE_TEKSTLENGTE)[:MAXIMALE_TEKSTLENGTE]
    labels = tuple(str(label) for _, label in Faciliteit.choices)
    for aantal in (1, 9, 20):
        gegevens = Schoolgidsgegevens(
            school="S" * 200,
            soort="Speciaal en voortgezet speciaal onderwijs",
            schooljaar="2026-2027",
            toelichting=vol,
            contact=("- y\n" * 100)[:MAXIMALE_CONTACTLENGTE],
            gebieden=tuple(
                Gebiedstekst(
                    naam="G" * 100,
                    landelijke_norm=True,
                    basisondersteuning=vol,
                    extra_ondersteuning=vol,
                    expertise=vol,
                    faciliteiten=labels,
                    capaciteit=100_000,
                )
                for _ in range(aantal)
            ),
            samenwerkingsverbanden=("W" * 200, "V" * 200),
            gids_adres="https://" + "a" * 250 + ".example/gids/",
        )
        tekst = schoolgidstekst(gegevens)
        grens = maximale_lengte(
            aantal_gebieden=aantal,
            tekstlengte=MAXIMALE_TEKSTLENGTE,
            contactlengte=MAXIMALE_CONTACTLENGTE,
        )
        assert len(tekst) > 30_000 or aantal == 1  # more than the old hand-edit limit
        assert len(tekst) <= grens


def test_een_geschreven_tekst_van_het_langste_aanbod_kan_met_de_hand_bewaard(wereld: Wereld):
    jaar = schooljaren()[0]
    aanbod = AanbodFactory(vestiging=wereld.vestiging, schooljaar=jaar, normgebieden=False)
    vol = ("- x\n" * MAXIMALE_TEKSTLENGTE)[:MAXIMALE_TEKSTLENGTE]
    for g in Ondersteuningsgebied.objects.all():
        GebiedsaanbodFactory(
            aanbod=aanbod,
            gebied=g,
            basisondersteuning=vol,
            extra_ondersteuning=vol,
            expertise=vol,
            faciliteiten=list(Faciliteit.values),
        )
    tekst = _opstellen(wereld, jaar)
    assert len(tekst.tekst) > 30_000
    bewaard = schoolgidstekst_bewerken(
        actor=actor(wereld.ib),
        schoolgidstekst=tekst,
        revisie=tekst.revisie,
        tekst=tekst.tekst + "\nEen eigen zin.",
    )
    assert bewaard.met_de_hand_aangepast and bewaard.tekst.endswith("Een eigen zin.\n")
    with pytest.raises(ValidationError) as fout:
        schoolgidstekst_bewerken(
            actor=actor(wereld.ib),
            schoolgidstekst=bewaard,
            revisie=bewaard.revisie,
            tekst="x" * (schoolgidstekst_maximum() + 1),
        )
    assert fout.value.message_dict["tekst"][0].startswith("De tekst is te lang.")


# --- Writing it again names the revision the school saw ------------------------------------


def test_opnieuw_maken_op_een_verouderde_revisie_vervangt_niets(wereld: Wereld):
    tekst = _met_tekst(wereld)
    gezien = tekst.revisie
    schoolgidstekst_bewerken(
        actor=actor(wereld.schoolleider),
        schoolgidstekst=tekst,
        revisie=gezien,
        tekst="Door Sam aangepast",
    )
    with pytest.raises(Conflict) as fout:
        _opstellen(wereld, tekst.schooljaar, revisie=gezien, overschrijven=True)
    assert fout.value.code == "revisie"
    tekst.refresh_from_db()
    assert tekst.tekst == "Door Sam aangepast\n" and tekst.met_de_hand_aangepast


def test_een_tekst_die_een_ander_intussen_maakte_wordt_niet_vervangen(wereld: Wereld):
    jaar = schooljaren()[0]
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=jaar, gepubliceerd=True)
    eerste = _opstellen(wereld, jaar, revisie=0)
    with pytest.raises(Conflict) as fout:
        _opstellen(wereld, jaar, revisie=0)
    assert fout.value.code == "revisie"
    eerste.refresh_from_db()
    assert eerste.revisie == 1
