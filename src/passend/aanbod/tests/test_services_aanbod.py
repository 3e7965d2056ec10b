"""The services of an offer version: the concept of a school year, saving it with an
optimistic lock, publishing it (replacing the published version and moving what the
public guide shows), and who may do that."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from passend.aanbod.models import Aanbod, Gebiedsaanbod
from passend.aanbod.rules import MAXIMALE_TEKSTLENGTE, Status
from passend.aanbod.services.aanbod import (
    Gebiedsinvoer,
    aanbod_opslaan,
    aanbod_publiceren,
    concept_aanbod,
    normgebieden_ontbreken,
)
from passend.aanbod.services.basis import Conflict
from passend.aanbod.tests.factories import AanbodFactory, GebiedsaanbodFactory, gebied
from passend.aanbod.tests.test_school_wereld import (
    Wereld,
    actor,
    gebied_id,
    maak_wereld,
    norminvoer,
    schooljaren,
)
from passend.core.permissions import Geweigerd
from passend.organisaties.models import Vestiging

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


def _opslaan(w: Wereld, concept: Aanbod, gebieden: list[Gebiedsinvoer], **velden) -> Aanbod:
    return aanbod_opslaan(
        actor=actor(w.ib),
        aanbod=concept,
        revisie=velden.pop("revisie", concept.revisie),
        toelichting=velden.pop("toelichting", "Wij werken samen met ouders."),
        contact=velden.pop("contact", "De intern begeleider"),
        gebieden=gebieden,
    )


def _publiceren(w: Wereld, concept: Aanbod) -> Aanbod:
    concept.refresh_from_db()
    return aanbod_publiceren(actor=actor(w.schoolleider), aanbod=concept, revisie=concept.revisie)


# --- The concept ---------------------------------------------------------------------------


def test_een_eerste_concept_is_leeg(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = concept_aanbod(actor=actor(wereld.ib), vestiging=wereld.vestiging, schooljaar=lopend)
    assert concept.status == Status.CONCEPT and concept.versie == 1
    assert concept.toelichting == "" and not concept.gebieden.exists()
    assert concept.bewerkt_door == wereld.ib.gebruiker


def test_het_concept_kopieert_de_gepubliceerde_versie(wereld: Wereld):
    lopend, _ = schooljaren()
    gepubliceerd = AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True, toelichting="Oud"
    )
    GebiedsaanbodFactory(aanbod=gepubliceerd, gebied=gebied("medisch"), capaciteit=None)
    concept = concept_aanbod(actor=actor(wereld.ib), vestiging=wereld.vestiging, schooljaar=lopend)
    assert concept.pk != gepubliceerd.pk
    assert concept.versie == 2 and concept.toelichting == "Oud"
    kopie = {
        (g.gebied.code, g.basisondersteuning, tuple(g.faciliteiten))
        for g in concept.gebieden.select_related("gebied")
    }
    origineel = {
        (g.gebied.code, g.basisondersteuning, tuple(g.faciliteiten))
        for g in gepubliceerd.gebieden.select_related("gebied")
    }
    assert kopie == origineel and len(kopie) == 4
    # Opening the concept again gives the same concept; the published version is untouched.
    again = concept_aanbod(actor=actor(wereld.ib), vestiging=wereld.vestiging, schooljaar=lopend)
    assert again.pk == concept.pk
    gepubliceerd.refresh_from_db()
    assert gepubliceerd.status == Status.GEPUBLICEERD and gepubliceerd.openbaar


def test_het_volgende_jaar_begint_als_kopie_van_dit_jaar(wereld: Wereld):
    lopend, volgend = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    concept = concept_aanbod(actor=actor(wereld.ib), vestiging=wereld.vestiging, schooljaar=volgend)
    assert concept.schooljaar == volgend and concept.versie == 1
    assert concept.gebieden.count() == 3


def test_een_ongeldig_schooljaar_wordt_geweigerd(wereld: Wereld):
    with pytest.raises(ValidationError) as fout:
        concept_aanbod(actor=actor(wereld.ib), vestiging=wereld.vestiging, schooljaar="2026/27")
    assert "schooljaar" in fout.value.message_dict


# --- Saving --------------------------------------------------------------------------------


def test_opslaan_bewaart_de_gebieden_en_verhoogt_de_revisie(wereld: Wereld):
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=schooljaren()[0])
    revisie = concept.revisie
    invoer = [
        *norminvoer("lezen-spellen-dyslexie"),
        Gebiedsinvoer(gebied_id=gebied_id("hoogbegaafdheid")),  # empty: removed
        Gebiedsinvoer(
            gebied_id=gebied_id("medisch"),
            expertise="  Een verpleegkundige  ",
            faciliteiten=("medische_ruimte", "medische_ruimte"),
        ),
    ]
    opgeslagen = _opslaan(wereld, concept, invoer, toelichting="  Samen  ")
    assert opgeslagen.revisie == revisie + 1 and opgeslagen.toelichting == "Samen"
    rijen = {g.gebied.code: g for g in opgeslagen.gebieden.select_related("gebied")}
    assert set(rijen) == {"lezen-spellen-dyslexie", "medisch"}
    assert rijen["medisch"].expertise == "Een verpleegkundige"
    assert rijen["medisch"].faciliteiten == ["medische_ruimte"]


def test_een_verouderd_formulier_overschrijft_niets(wereld: Wereld):
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=schooljaren()[0])
    oud = concept.revisie
    _opslaan(wereld, concept, norminvoer(), toelichting="Eerste")
    with pytest.raises(Conflict) as fout:
        _opslaan(wereld, concept, [], toelichting="Tweede", revisie=oud)
    assert fout.value.code == "revisie"
    concept.refresh_from_db()
    assert concept.toelichting == "Eerste" and concept.gebieden.count() == 3


def test_onbekende_faciliteiten_worden_per_gebied_geweigerd(wereld: Wereld):
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=schooljaren()[0])
    invoer = [
        Gebiedsinvoer(
            gebied_id=gebied_id("medisch"), basisondersteuning="Zorg", faciliteiten=("zwembad",)
        )
    ]
    with pytest.raises(ValidationError) as fout:
        _opslaan(wereld, concept, invoer)
    assert fout.value.message_dict == {"faciliteiten_medisch": ["Kies faciliteiten uit de lijst."]}


def test_een_gepubliceerd_aanbod_wordt_niet_meer_opgeslagen(wereld: Wereld):
    gepubliceerd = AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=schooljaren()[0], gepubliceerd=True
    )
    with pytest.raises(Conflict) as fout:
        _opslaan(wereld, gepubliceerd, norminvoer())
    assert fout.value.code == "niet_concept"


# --- Publishing ----------------------------------------------------------------------------


def test_publiceren_vervangt_de_oude_versie_en_verplaatst_openbaar(wereld: Wereld):
    lopend, _ = schooljaren()
    oud = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    concept = concept_aanbod(actor=actor(wereld.ib), vestiging=wereld.vestiging, schooljaar=lopend)
    _opslaan(wereld, concept, norminvoer(), toelichting="Nieuw")
    nieuw = _publiceren(wereld, concept)
    oud.refresh_from_db()
    assert oud.status == Status.VERVANGEN and not oud.openbaar
    assert nieuw.status == Status.GEPUBLICEERD and nieuw.openbaar
    assert nieuw.gepubliceerd_door == wereld.schoolleider.gebruiker
    assert nieuw.gepubliceerd_op is not None
    assert list(Aanbod.objects.filter(vestiging=wereld.vestiging, openbaar=True)) == [nieuw]


def test_het_volgende_jaar_publiceren_maakt_het_openbaar(wereld: Wereld):
    lopend, volgend = schooljaren()
    dit_jaar = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    concept = concept_aanbod(actor=actor(wereld.ib), vestiging=wereld.vestiging, schooljaar=volgend)
    volgend_jaar = _publiceren(wereld, concept)
    dit_jaar.refresh_from_db()
    assert volgend_jaar.openbaar and not dit_jaar.openbaar
    # This year's version stays published (only not shown in the guide).
    assert dit_jaar.status == Status.GEPUBLICEERD


def test_een_correctie_van_vorig_jaar_duwt_het_volgende_jaar_niet_weg(wereld: Wereld):
    lopend, volgend = schooljaren()
    dit_jaar = AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True, openbaar=False
    )
    volgend_jaar = AanbodFactory(vestiging=wereld.vestiging, schooljaar=volgend, gepubliceerd=True)
    correctie = concept_aanbod(
        actor=actor(wereld.ib), vestiging=wereld.vestiging, schooljaar=lopend
    )
    _opslaan(wereld, correctie, norminvoer(), toelichting="Gecorrigeerd")
    gecorrigeerd = _publiceren(wereld, correctie)
    dit_jaar.refresh_from_db()
    volgend_jaar.refresh_from_db()
    assert gecorrigeerd.status == Status.GEPUBLICEERD and not gecorrigeerd.openbaar
    assert dit_jaar.status == Status.VERVANGEN
    assert volgend_jaar.openbaar and volgend_jaar.status == Status.GEPUBLICEERD


def test_publiceren_zonder_alle_normgebieden_wordt_geweigerd(wereld: Wereld):
    concept = AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=schooljaren()[0], normgebieden=False
    )
    _opslaan(wereld, concept, norminvoer("lezen-spellen-dyslexie", "leergedrag"))
    concept.refresh_from_db()
    assert normgebieden_ontbreken(concept) == ["(Hoog)begaafdheid"]
    with pytest.raises(ValidationError) as fout:
        _publiceren(wereld, concept)
    assert fout.value.message_dict == {
        "gebieden": ["Beschrijf eerst de basisondersteuning voor: (Hoog)begaafdheid."]
    }
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT and not concept.openbaar


def test_alleen_extra_ondersteuning_telt_niet_voor_de_norm(wereld: Wereld):
    concept = AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=schooljaren()[0], normgebieden=False
    )
    invoer = [
        *norminvoer("lezen-spellen-dyslexie", "leergedrag"),
        Gebiedsinvoer(gebied_id=gebied_id("hoogbegaafdheid"), extra_ondersteuning="Plusklas"),
    ]
    _opslaan(wereld, concept, invoer)
    concept.refresh_from_db()
    with pytest.raises(ValidationError):
        _publiceren(wereld, concept)


def test_een_verouderde_publicatie_wordt_geweigerd(wereld: Wereld):
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=schooljaren()[0])
    oud = concept.revisie
    _opslaan(wereld, concept, norminvoer(), toelichting="Nog iets veranderd")
    with pytest.raises(Conflict):
        aanbod_publiceren(actor=actor(wereld.schoolleider), aanbod=concept, revisie=oud)
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


# --- Who may ------------------------------------------------------------------------------


@pytest.mark.parametrize("wie", ["ander_ib", "leraar", "ouder", "bestuurder", "loket"])
def test_alleen_de_eigen_school_beschrijft(wereld: Wereld, wie: str):
    lopend, _ = schooljaren()
    with pytest.raises(Geweigerd):
        concept_aanbod(
            actor=actor(getattr(wereld, wie)), vestiging=wereld.vestiging, schooljaar=lopend
        )
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    with pytest.raises(Geweigerd):
        aanbod_opslaan(
            actor=actor(getattr(wereld, wie)),
            aanbod=concept,
            revisie=concept.revisie,
            toelichting="Niet van mij",
            contact="",
            gebieden=[],
        )
    concept.refresh_from_db()
    assert concept.toelichting != "Niet van mij"
    assert not Aanbod.objects.filter(vestiging=wereld.vestiging, versie=2).exists()


@pytest.mark.parametrize("wie", ["ib", "ander_schoolleider", "leraar", "ouder", "bestuurder"])
def test_alleen_de_eigen_schoolleider_publiceert(wereld: Wereld, wie: str):
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=schooljaren()[0])
    with pytest.raises(Geweigerd):
        aanbod_publiceren(
            actor=actor(getattr(wereld, wie)), aanbod=concept, revisie=concept.revisie
        )
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT
    assert Gebiedsaanbod.objects.filter(aanbod=concept).count() == 3


# --- One text limit and capacity, whatever the route -----------------------------------------


def test_een_te_lange_tekst_wordt_per_veld_geweigerd(wereld: Wereld):
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=schooljaren()[0])
    te_lang = "x" * (MAXIMALE_TEKSTLENGTE + 1)
    invoer = [
        Gebiedsinvoer(gebied_id=gebied_id("medisch"), basisondersteuning=te_lang),
        Gebiedsinvoer(gebied_id=gebied_id("leergedrag"), expertise=te_lang),
    ]
    with pytest.raises(ValidationError) as fout:
        _opslaan(wereld, concept, invoer, toelichting=te_lang)
    melding = [f"De tekst is te lang. Gebruik maximaal {MAXIMALE_TEKSTLENGTE} tekens."]
    assert fout.value.message_dict == {
        "toelichting": melding,
        "basis_medisch": melding,
        "expertise_leergedrag": melding,
    }
    concept.refresh_from_db()
    assert concept.revisie == 1 and concept.toelichting != te_lang


def test_een_tekst_precies_op_de_grens_wordt_bewaard(wereld: Wereld):
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=schooljaren()[0])
    precies = "x" * MAXIMALE_TEKSTLENGTE
    invoer = [Gebiedsinvoer(gebied_id=gebied_id("medisch"), extra_ondersteuning=precies)]
    opgeslagen = _opslaan(wereld, concept, invoer, toelichting=precies)
    assert opgeslagen.toelichting == precies
    assert opgeslagen.gebieden.get().extra_ondersteuning == precies


def test_alleen_sbo_so_en_vso_geven_een_aantal_plaatsen(wereld: Wereld):
    lopend, _ = schooljaren()
    bao = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    met_plaatsen = [Gebiedsinvoer(gebied_id=gebied_id("medisch"), expertise="Zorg", capaciteit=12)]
    with pytest.raises(ValidationError) as fout:
        _opslaan(wereld, bao, met_plaatsen)
    assert fout.value.message_dict == {
        "capaciteit_medisch": [
            "Alleen sbo, so en vso geven een aantal plaatsen op. Laat het aantal plaatsen "
            "leeg voor deze vestiging."
        ]
    }
    assert not Gebiedsaanbod.objects.filter(aanbod=bao, gebied__code="medisch").exists()
    sbo = AanbodFactory(vestiging=wereld.sbo, schooljaar=lopend)
    assert _opslaan(wereld, sbo, met_plaatsen).gebieden.get(gebied__code="medisch").capaciteit == 12


def test_publiceren_vergrendelt_eerst_de_vestiging(wereld: Wereld):
    """One public version per location: publishing decides it from the location's other
    versions, so it locks the location's row (explicitly, before the version's own row)."""
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=schooljaren()[0])
    with CaptureQueriesContext(connection) as vastgelegd:
        aanbod_publiceren(actor=actor(wereld.schoolleider), aanbod=concept, revisie=concept.revisie)
    sql = [q["sql"] for q in vastgelegd.captured_queries]
    vestiging_tabel = f'FROM "{Vestiging._meta.db_table}"'
    aanbod_tabel = f'FROM "{Aanbod._meta.db_table}"'

    def eerste(voorwaarde) -> int:
        return next(i for i, regel in enumerate(sql) if voorwaarde(regel))

    slot_vestiging = eerste(
        lambda regel: (
            regel.startswith("SELECT")
            and vestiging_tabel in regel
            and "JOIN" not in regel
            and str(wereld.vestiging.pk) in regel
        )
    )
    slot_aanbod = eerste(lambda regel: aanbod_tabel in regel and f"= {concept.pk}" in regel)
    assert slot_vestiging < slot_aanbod
    if connection.features.has_select_for_update:
        assert sql[slot_vestiging].rstrip().endswith("FOR UPDATE")
        # The version's lock holds only its own row; the location was locked on its own.
        assert f'FOR UPDATE OF "{Aanbod._meta.db_table}"' in sql[slot_aanbod]
