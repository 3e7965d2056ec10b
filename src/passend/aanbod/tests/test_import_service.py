"""The SWV's CSV import through the services: all or nothing, every error per row, only
locations of the own region, optionally published, any encoding Excel writes, and what
the export writes the import reads back unchanged."""

import datetime

import pytest

from passend.aanbod import aanbodbestand
from passend.aanbod.models import Aanbod, Gebiedsaanbod
from passend.aanbod.rules import Status
from passend.aanbod.selectors.regio import exportregels
from passend.aanbod.services import importeren as importdienst
from passend.aanbod.services.basis import Conflict
from passend.aanbod.services.importeren import ImportMislukt, aanbod_importeren
from passend.aanbod.tests.factories import (
    SCHOOLJAAR,
    AanbodFactory,
    GebiedsaanbodFactory,
    gebied,
)
from passend.aanbod.tests.test_swv_selectors import R, maak_regio
from passend.core.permissions import Geweigerd
from passend.organisaties.models import Vestiging
from passend.organisaties.tests.factories import SwvLidmaatschapFactory, VestigingFactory

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date(2026, 10, 1)
KOP = "vestigingscode;schooljaar;gebied;basisondersteuning;extra_ondersteuning;expertise;faciliteiten;capaciteit"
NORM = ("lezen-spellen-dyslexie", "hoogbegaafdheid", "leergedrag")


def csv(*regels: str, kop: str = KOP) -> bytes:
    return ("\r\n".join([kop, *regels]) + "\r\n").encode()


def norm_regels(code: str, jaar: str = SCHOOLJAAR) -> list[str]:
    return [f"{code};{jaar};{g};Basis voor {g};;;;" for g in NORM]


def speciaal(vestiging) -> None:
    """Make the location an sbo (only sbo, so and vso give a number of places)."""
    Vestiging.objects.filter(pk=vestiging.pk).update(soort="sbo")


def importeer(actor, bron: bytes, publiceren: bool = False):
    return aanbod_importeren(actor=actor, bron=bron, publiceren=publiceren, vandaag=VANDAAG)


def test_inlezen_als_concept():
    regio = maak_regio(2)
    a, b = regio.vestigingen
    speciaal(b)
    resultaat = importeer(
        regio.actor(),
        csv(
            f"{a.vestigingscode};{SCHOOLJAAR};leergedrag;Dagtaak;Coach;IB;stilteruimte|lift;",
            f"{a.vestigingscode};{SCHOOLJAAR};Medische zorg;;;Verpleegkundige;;",
            f"{b.vestigingscode};2027-2028;motoriek-fysiek;Gymles aangepast;;;;24",
        ),
    )
    assert (resultaat.regels, len(resultaat.vestigingen), resultaat.gebieden) == (3, 2, 3)
    assert resultaat.gepubliceerd == 0
    concept = Aanbod.objects.get(vestiging=a, schooljaar=SCHOOLJAAR)
    assert concept.status == Status.CONCEPT
    assert not concept.openbaar
    regels = {g.gebied.code: g for g in concept.gebieden.select_related("gebied")}
    assert set(regels) == {"leergedrag", "medisch"}
    assert regels["leergedrag"].faciliteiten == ["stilteruimte", "lift"]
    assert regels["medisch"].expertise == "Verpleegkundige"
    assert Aanbod.objects.get(vestiging=b).gebieden.get().capaciteit == 24


def test_direct_publiceren():
    regio = maak_regio(1)
    (a,) = regio.vestigingen
    resultaat = importeer(regio.actor(), csv(*norm_regels(a.vestigingscode)), publiceren=True)
    assert resultaat.gepubliceerd == 1
    aanbod = Aanbod.objects.get(vestiging=a)
    assert aanbod.status == Status.GEPUBLICEERD
    assert aanbod.openbaar


def test_publiceren_zonder_normgebieden_schrijft_niets():
    regio = maak_regio(2)
    a, b = regio.vestigingen
    bron = csv(
        *norm_regels(a.vestigingscode),
        f"{b.vestigingscode};{SCHOOLJAAR};leergedrag;Dagtaak;;;;",
        f"{b.vestigingscode};{SCHOOLJAAR};hoogbegaafdheid;;Plusklas;;;",
    )
    with pytest.raises(ImportMislukt) as mislukt:
        importeer(regio.actor(), bron, publiceren=True)
    assert [str(f) for f in mislukt.value.fouten] == [
        f"Regel 5, kolom basisondersteuning: het aanbod van {b.vestigingscode} voor {SCHOOLJAAR} "
        "kan niet gepubliceerd worden: beschrijf ook de basisondersteuning voor Lezen, spellen "
        "en dyslexie, (Hoog)begaafdheid. Of lees het bestand in zonder te publiceren."
    ]
    assert not Aanbod.objects.exists()
    # Without publishing, the same file is fine.
    importeer(regio.actor(), bron)
    assert Aanbod.objects.filter(status=Status.CONCEPT).count() == 2


def test_een_fout_en_niets_wordt_opgeslagen():
    regio = maak_regio(2)
    a, b = regio.vestigingen
    bestaand = AanbodFactory(vestiging=a, normgebieden=False)
    GebiedsaanbodFactory(aanbod=bestaand, gebied=gebied("medisch"), basisondersteuning="Oud")
    with pytest.raises(ImportMislukt) as mislukt:
        importeer(
            regio.actor(),
            csv(
                f"{a.vestigingscode};{SCHOOLJAAR};leergedrag;Nieuw;;;;",
                f"{b.vestigingscode};{SCHOOLJAAR};lezen;Tekst;;;;",
                f"{b.vestigingscode};{SCHOOLJAAR};medisch;Tekst;;;;-3",
            ),
        )
    assert [(f.regel, f.kolom) for f in mislukt.value.fouten] == [
        (3, "gebied"),
        (4, "capaciteit"),
    ]
    assert Aanbod.objects.count() == 1
    assert list(Gebiedsaanbod.objects.values_list("basisondersteuning", flat=True)) == ["Oud"]


def test_plaatsen_alleen_bij_sbo_so_en_vso_en_anders_een_fout_op_de_regel():
    regio = maak_regio(2)
    bao, sbo = regio.vestigingen
    speciaal(sbo)
    with pytest.raises(ImportMislukt) as mislukt:
        importeer(
            regio.actor(),
            csv(
                f"{sbo.vestigingscode};{SCHOOLJAAR};medisch;Zorg;;;;8",
                f"{bao.vestigingscode};{SCHOOLJAAR};leergedrag;Dagtaak;;;;",
                f"{bao.vestigingscode};{SCHOOLJAAR};medisch;Zorg;;;;12",
            ),
        )
    assert [str(f) for f in mislukt.value.fouten] == [
        f"Regel 4, kolom capaciteit: vestiging {bao.vestigingscode} is geen sbo, so of vso. "
        "Alleen die geven een aantal plaatsen op: laat de cel leeg."
    ]
    assert not Aanbod.objects.exists()
    importeer(
        regio.actor(),
        csv(
            f"{sbo.vestigingscode};{SCHOOLJAAR};medisch;Zorg;;;;8",
            f"{bao.vestigingscode};{SCHOOLJAAR};medisch;Zorg;;;;",
        ),
    )
    assert Gebiedsaanbod.objects.get(aanbod__vestiging=sbo).capaciteit == 8


def test_vestigingen_buiten_de_regio_en_onbekende_vestigingen_zijn_fouten():
    regio = maak_regio(1)
    (a,) = regio.vestigingen
    with pytest.raises(ImportMislukt) as mislukt:
        importeer(
            regio.actor(),
            csv(
                f"{a.vestigingscode};{SCHOOLJAAR};leergedrag;Tekst;;;;",
                f"{regio.elders.vestigingscode};{SCHOOLJAAR};leergedrag;Tekst;;;;",
                f"99ZZ99;{SCHOOLJAAR};leergedrag;Tekst;;;;",
                # A row with another error is checked for its location too.
                f"{regio.elders.vestigingscode};{SCHOOLJAAR};onbekend;Tekst;;;;",
            ),
        )
    assert [str(f) for f in mislukt.value.fouten if f.kolom == "vestigingscode"] == [
        f"Regel 3, kolom vestigingscode: vestiging {regio.elders.vestigingscode} hoort niet bij "
        "uw samenwerkingsverband. U kunt alleen het aanbod van vestigingen in uw regio inlezen.",
        "Regel 4, kolom vestigingscode: vestiging 99ZZ99 is niet bekend in Passend.",
        f"Regel 5, kolom vestigingscode: vestiging {regio.elders.vestigingscode} hoort niet bij "
        "uw samenwerkingsverband. U kunt alleen het aanbod van vestigingen in uw regio inlezen.",
    ]
    assert not Aanbod.objects.exists()


def test_een_vestiging_die_het_swv_verliet_hoort_er_niet_meer_bij():
    regio = maak_regio(1)
    vertrokken = SwvLidmaatschapFactory(
        samenwerkingsverband=regio.swv,
        vestiging=VestigingFactory(),
        tot=datetime.date(2021, 7, 31),
    ).vestiging
    with pytest.raises(ImportMislukt):
        importeer(regio.actor(), csv(f"{vertrokken.vestigingscode};{SCHOOLJAAR};medisch;T;;;;"))


@pytest.mark.parametrize("rolsoort", [R.LOKET, R.COMMISSIELID, R.DESKUNDIGE])
def test_alleen_directeur_en_functioneel_beheerder_lezen_in(rolsoort):
    regio = maak_regio(1)
    with pytest.raises(Geweigerd):
        importeer(regio.actor(rolsoort), csv(*norm_regels(regio.vestigingen[0].vestigingscode)))


def test_functioneel_beheerder_leest_in():
    regio = maak_regio(1)
    importeer(
        regio.actor(R.FUNCTIONEEL_BEHEERDER), csv(*norm_regels(regio.vestigingen[0].vestigingscode))
    )
    assert Aanbod.objects.count() == 1


def test_de_rijen_vervangen_de_inhoud_van_het_concept():
    regio = maak_regio(1)
    (a,) = regio.vestigingen
    gepubliceerd = AanbodFactory(vestiging=a, gepubliceerd=True, toelichting="Onze aanpak")
    GebiedsaanbodFactory(aanbod=gepubliceerd, gebied=gebied("medisch"))
    importeer(regio.actor(), csv(*norm_regels(a.vestigingscode)[:2]))
    concept = Aanbod.objects.get(vestiging=a, status=Status.CONCEPT)
    assert concept.versie == 2
    # Without a toelichting column the concept keeps the one it was copied from.
    assert concept.toelichting == "Onze aanpak"
    assert sorted(concept.gebieden.values_list("gebied__code", flat=True)) == [
        "hoogbegaafdheid",
        "lezen-spellen-dyslexie",
    ]
    # The published version is untouched until the concept is published.
    assert gepubliceerd.gebieden.count() == 4


def test_toelichting_en_contact_uit_het_bestand():
    regio = maak_regio(1)
    (a,) = regio.vestigingen
    importeer(
        regio.actor(),
        csv(
            f"{a.vestigingscode};{SCHOOLJAAR};medisch;Hulp;;;;;Wij werken samen;",
            f"{a.vestigingscode};{SCHOOLJAAR};leergedrag;Dagtaak;;;;;;Mevrouw Jansen",
            kop=KOP + ";toelichting;contact",
        ),
    )
    concept = Aanbod.objects.get(vestiging=a)
    assert (concept.toelichting, concept.contact) == ("Wij werken samen", "Mevrouw Jansen")


def test_windows_1252_met_accenten():
    regio = maak_regio(1)
    (a,) = regio.vestigingen
    bron = "\r\n".join(
        [KOP, f"{a.vestigingscode};{SCHOOLJAAR};leergedrag;Één-op-één begeleiding, ’s ochtends;;;;"]
    ).encode("cp1252")
    importeer(regio.actor(), bron)
    assert Gebiedsaanbod.objects.get().basisondersteuning == "Één-op-één begeleiding, ’s ochtends"


def test_een_conflict_tijdens_het_schrijven_draait_alles_terug(monkeypatch):
    regio = maak_regio(2)
    a, b = regio.vestigingen
    echt = importdienst.aanbod_opslaan

    def opslaan(**kwargs):
        if kwargs["aanbod"].vestiging_id == b.pk:
            raise Conflict("Iemand anders heeft dit aanbod intussen gewijzigd.", code="revisie")
        return echt(**kwargs)

    monkeypatch.setattr(importdienst, "aanbod_opslaan", opslaan)
    with pytest.raises(ImportMislukt) as mislukt:
        importeer(
            regio.actor(),
            csv(
                f"{a.vestigingscode};{SCHOOLJAAR};medisch;Hulp;;;;",
                f"{b.vestigingscode};{SCHOOLJAAR};medisch;Hulp;;;;",
            ),
        )
    (fout,) = mislukt.value.fouten
    assert fout.regel == 3
    assert "intussen gewijzigd" in str(fout)
    assert not Aanbod.objects.exists()


def test_uitvoeren_en_weer_inlezen_verandert_niets():
    regio = maak_regio(2)
    a, b = regio.vestigingen
    speciaal(a)
    aanbod = AanbodFactory(
        vestiging=a, gepubliceerd=True, toelichting="Samen; met ouders", contact="-"
    )
    GebiedsaanbodFactory(
        aanbod=aanbod,
        gebied=gebied("medisch"),
        basisondersteuning='Regel één\r\nRegel "twee"; met puntkomma',
        expertise="=Verpleegkundige",
        faciliteiten=["medische_ruimte", "lift"],
        capaciteit=0,
    )
    concept = AanbodFactory(vestiging=b, normgebieden=False, toelichting="", contact="")
    GebiedsaanbodFactory(aanbod=concept, gebied=gebied("taal-spraak"), capaciteit=None)
    actor = regio.actor()

    def export() -> str:
        return aanbodbestand.bestand_schrijven(
            exportregels(actor=actor, schooljaar=SCHOOLJAAR, welke="werkversie")
        )

    voor = export()
    importeer(actor, ("\ufeff" + voor).encode("utf-8"))
    na = export()
    assert na == voor
    nieuw = Aanbod.objects.get(vestiging=a, status=Status.CONCEPT)
    assert (nieuw.toelichting, nieuw.contact) == ("Samen; met ouders", "-")
    assert list(
        nieuw.gebieden.filter(gebied__code="medisch").values_list(
            "basisondersteuning", "expertise", "faciliteiten", "capaciteit"
        )
    ) == [
        (
            'Regel één\r\nRegel "twee"; met puntkomma',
            "=Verpleegkundige",
            ["medische_ruimte", "lift"],
            0,
        )
    ]


def test_een_groot_bestand_van_2000_regels():
    regio = maak_regio(250)
    gebieden = [
        "lezen-spellen-dyslexie",
        "hoogbegaafdheid",
        "leergedrag",
        "gedrag-sociaal-emotioneel",
        "taal-spraak",
        "rekenen-dyscalculie",
        "motoriek-fysiek",
        "medisch",
    ]
    regels = [
        f"{v.vestigingscode};{SCHOOLJAAR};{g};Basisondersteuning {g} op {v.naam};Extra;;kleine_groepen;"
        for v in regio.vestigingen
        for g in gebieden
    ]
    assert len(regels) == 2000
    resultaat = importeer(regio.actor(), csv(*regels), publiceren=True)
    assert (resultaat.regels, len(resultaat.vestigingen), resultaat.gepubliceerd) == (
        2000,
        250,
        250,
    )
    assert Aanbod.objects.filter(status=Status.GEPUBLICEERD, openbaar=True).count() == 250
    assert Gebiedsaanbod.objects.count() == 2000
