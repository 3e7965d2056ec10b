"""The school's pages of the offer, through the real URLs: the overview, one location's
offer, describing it (per-field Dutch errors, a stale form) and publishing it. The waiting
list and the schoolgids text have their own modules (``test_wachtlijst_paginas``,
``test_schoolgids_paginas``)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.aanbod.models import Aanbod
from passend.aanbod.rules import MAXIMALE_TEKSTLENGTE, Status
from passend.aanbod.tests.factories import (
    AanbodFactory,
    GebiedsaanbodFactory,
    SchoolgidstekstFactory,
    WachtlijststandFactory,
    gebied,
)
from passend.aanbod.tests.test_school_wereld import (
    NORMGEBIEDEN,
    Wereld,
    beschrijvingen,
    maak_wereld,
    paginatekst,
    schooljaren,
    url_van,
)
from passend.aanbod.views.school.basis import PAGINA_GROOTTE
from passend.core.tests.scenario import client_voor
from passend.organisaties.models import Vestiging
from passend.organisaties.tests.factories import VestigingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


def _formulier(concept: Aanbod, **velden: str) -> dict[str, object]:
    """A complete edit form for the concept: the three norm areas described."""
    data: dict[str, object] = {
        "revisie": concept.revisie,
        "toelichting": "Wij werken samen met ouders.",
        "contact": "De intern begeleider",
    }
    for code in NORMGEBIEDEN:
        data[f"basis_{code}"] = f"Basis voor {code}"
    data.update(velden)
    return data


# --- The overview --------------------------------------------------------------------------


def test_het_overzicht_toont_de_stand_per_vestiging_en_schooljaar(wereld: Wereld):
    lopend, volgend = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=volgend)
    SchoolgidstekstFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    WachtlijststandFactory(vestiging=wereld.sbo, peildatum=datetime.date(2026, 10, 1))
    AanbodFactory(vestiging=wereld.ander, schooljaar=lopend, gepubliceerd=True)
    antwoord = client_voor(wereld.ib).get(reverse("aanbod:overzicht"))
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    vandaag = timezone.localdate()
    assert f"Schooljaar {lopend} (nu)" in tekst and f"Schooljaar {volgend} (volgend jaar)" in tekst
    assert "OBS De Linde" in tekst and "SBO De Linde" in tekst and "OBS De Eik" not in tekst
    assert "Gepubliceerd op" in tekst and f"{vandaag.year}" in tekst
    assert "Concept in bewerking" in tekst and "Nog niet beschreven" in tekst
    assert "Schoolgidstekst: klaar" in tekst
    assert "6 wachtend op 1 oktober 2026" in tekst
    assert "Niet van toepassing" in tekst  # the bao location keeps no waiting list


def test_een_groot_bestuur_ziet_het_overzicht_per_pagina(wereld: Wereld):
    school = wereld.vestiging.school
    for i in range(2, PAGINA_GROOTTE + 3):
        VestigingFactory(school=school, vestigingscode=f"{school.brin}{i:02d}", naam=f"Z {i:02d}")
    client = client_voor(wereld.bestuurder)
    eerste = client.get(reverse("aanbod:overzicht"))
    assert len(eerste.context["rijen"]) == PAGINA_GROOTTE
    assert eerste.context["pagina"].paginator.count == PAGINA_GROOTTE + 3
    assert 'rel="next" href="?pagina=2"' in eerste.content.decode()
    tweede = client.get(reverse("aanbod:overzicht"), {"pagina": 2})
    assert len(tweede.context["rijen"]) == 3
    assert "Z 52" in paginatekst(tweede) and "Z 52" not in paginatekst(eerste)


def test_een_leeg_overzicht_beslaat_de_hele_tabel(wereld: Wereld):
    Vestiging.objects.filter(school=wereld.vestiging.school).update(school=wereld.ander.school)
    antwoord = client_voor(wereld.ib).get(reverse("aanbod:overzicht"))
    inhoud = antwoord.content.decode()
    koppen = inhoud.count('scope="col"')
    assert koppen == 3
    assert f'colspan="{koppen}">Er zijn geen vestigingen.' in inhoud


def test_de_bestuurder_ziet_het_overzicht_van_zijn_scholen(wereld: Wereld):
    antwoord = client_voor(wereld.bestuurder).get(reverse("aanbod:overzicht"))
    assert antwoord.status_code == 200
    assert "OBS De Linde" in paginatekst(antwoord)
    assert "De scholen beschrijven en publiceren het zelf." in paginatekst(antwoord)


@pytest.mark.parametrize("wie", ["loket", "leraar", "ouder"])
def test_het_samenwerkingsverband_en_anderen_hebben_geen_schooloverzicht(wereld: Wereld, wie):
    assert client_voor(getattr(wereld, wie)).get(reverse("aanbod:overzicht")).status_code == 403


# --- One location's offer ------------------------------------------------------------------


def test_concept_en_gepubliceerd_als_tabbladen(wereld: Wereld):
    lopend, _ = schooljaren()
    gepubliceerd = AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True, toelichting="Oud aanbod"
    )
    concept = AanbodFactory(
        vestiging=wereld.vestiging, schooljaar=lopend, versie=2, toelichting="Nieuw aanbod"
    )
    GebiedsaanbodFactory(aanbod=concept, gebied=gebied("medisch"), faciliteiten=["lift"])
    client = client_voor(wereld.ib)
    url = url_van("vestiging", wereld.vestiging, lopend)
    tekst = paginatekst(client.get(url))
    assert "Nieuw aanbod" in tekst and "Oud aanbod" not in tekst
    assert "Medische zorg" in tekst and "Lift" in tekst
    assert "Concept bewerken" in tekst and "Aanbod publiceren" not in tekst  # IB
    tekst = paginatekst(client.get(url + "?toon=gepubliceerd"))
    assert "Oud aanbod" in tekst and "Ja, dit is het aanbod dat ouders zien" in tekst
    assert gepubliceerd.pk != concept.pk
    # The schoolleider may publish; the board reads (draft included) without buttons.
    assert "Aanbod publiceren" in paginatekst(client_voor(wereld.schoolleider).get(url))
    bestuur = paginatekst(client_voor(wereld.bestuurder).get(url))
    assert "Nieuw aanbod" in bestuur and "Concept bewerken" not in bestuur


def test_het_swv_leest_het_aanbod_van_zijn_regio(wereld: Wereld):
    lopend, _ = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, toelichting="Concepttekst")
    antwoord = client_voor(wereld.loket).get(url_van("vestiging", wereld.vestiging, lopend))
    assert antwoord.status_code == 200 and "Concepttekst" in paginatekst(antwoord)


def test_een_andere_school_is_verborgen(wereld: Wereld):
    lopend, _ = schooljaren()
    client = client_voor(wereld.ib)
    assert client.get(url_van("vestiging", wereld.ander, lopend)).status_code == 404
    assert client.post(url_van("beschrijven", wereld.ander, lopend)).status_code == 404
    assert not Aanbod.objects.filter(vestiging=wereld.ander).exists()


def test_een_ongeldig_of_oud_schooljaar(wereld: Wereld):
    client = client_voor(wereld.ib)
    assert client.get(url_van("vestiging", wereld.vestiging, "2026-2028")).status_code == 404
    # Reading an old year is fine; describing it is not.
    assert client.get(url_van("vestiging", wereld.vestiging, "2019-2020")).status_code == 200
    assert client.post(url_van("beschrijven", wereld.vestiging, "2019-2020")).status_code == 404


# --- Describing ------------------------------------------------------------------------------


def test_beschrijven_begint_een_concept_maar_nooit_bij_een_get(wereld: Wereld):
    lopend, _ = schooljaren()
    client = client_voor(wereld.ib)
    antwoord = client.get(url_van("bewerken", wereld.vestiging, lopend))
    assert antwoord.status_code == 302 and not Aanbod.objects.exists()
    assert client.get(url_van("beschrijven", wereld.vestiging, lopend)).status_code == 405
    assert not Aanbod.objects.exists()
    antwoord = client.post(url_van("beschrijven", wereld.vestiging, lopend))
    assert antwoord["Location"] == url_van("bewerken", wereld.vestiging, lopend)
    concept = Aanbod.objects.get()
    assert concept.status == Status.CONCEPT and concept.schooljaar == lopend
    # A second click continues the same concept.
    client.post(url_van("beschrijven", wereld.vestiging, lopend))
    assert Aanbod.objects.count() == 1


def test_het_formulier_heeft_een_fieldset_per_gebied(wereld: Wereld):
    lopend, _ = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    inhoud = (
        client_voor(wereld.ib).get(url_van("bewerken", wereld.vestiging, lopend)).content.decode()
    )
    assert inhoud.count("<fieldset") == 9 * 2  # each area, and its facilities
    assert "Lezen, spellen en dyslexie (landelijke norm)" in inhoud
    assert "Medische zorg (landelijke norm)" not in inhoud
    assert 'name="revisie"' in inhoud and 'type="hidden"' in inhoud
    assert "capaciteit_" not in inhoud  # a bao location has no places to count
    AanbodFactory(vestiging=wereld.sbo, schooljaar=lopend)
    inhoud = client_voor(wereld.ib).get(url_van("bewerken", wereld.sbo, lopend)).content.decode()
    assert 'name="capaciteit_leergedrag"' in inhoud


def test_fouten_per_veld_in_het_nederlands_en_niets_opgeslagen(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.sbo, schooljaar=lopend, toelichting="Bewaard")
    data = _formulier(
        concept,
        capaciteit_leergedrag="veel",
        **{"capaciteit_lezen-spellen-dyslexie": "-3"},
        faciliteiten_medisch=["lift"],
        contact="x" * 301,
    )
    antwoord = client_voor(wereld.ib).post(url_van("bewerken", wereld.sbo, lopend), data)
    assert antwoord.status_code == 200
    form = antwoord.context["form"]
    assert form.errors["capaciteit_leergedrag"] == ["Vul een heel getal in, zoals 12."]
    assert form.errors["capaciteit_lezen-spellen-dyslexie"] == ["Vul 0 of meer in."]
    assert form.errors["basis_medisch"] == [
        "Schrijf ook iets over dit onderwerp. Zonder tekst bewaren wij de keuzes hieronder niet."
    ]
    assert form.errors["contact"] == ["De tekst is te lang. Gebruik maximaal 300 tekens."]
    tekst = paginatekst(antwoord)
    assert "Niet alles is goed ingevuld" in tekst
    assert 'aria-invalid="true"' in antwoord.content.decode()
    concept.refresh_from_db()
    assert concept.toelichting == "Bewaard" and concept.revisie == 1


def test_een_onbekende_faciliteit_wordt_geweigerd(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    data = _formulier(concept, faciliteiten_leergedrag=["zwembad"])
    antwoord = client_voor(wereld.ib).post(url_van("bewerken", wereld.vestiging, lopend), data)
    assert antwoord.context["form"].errors["faciliteiten_leergedrag"] == [
        "Kies alleen uit de lijst."
    ]


def test_opslaan_en_terug_naar_het_concept(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.sbo, schooljaar=lopend, normgebieden=False)
    data = _formulier(
        concept,
        extra_medisch="Een verpleegkundige",
        faciliteiten_medisch=["medische_ruimte", "lift"],
        capaciteit_medisch="12",
    )
    client = client_voor(wereld.ib)
    antwoord = client.post(url_van("bewerken", wereld.sbo, lopend), data, follow=True)
    assert antwoord.redirect_chain[-1][0].endswith("?toon=concept")
    tekst = paginatekst(antwoord)
    assert "Het concept is opgeslagen." in tekst
    assert "Een verpleegkundige" in tekst and "Lift" in tekst
    concept.refresh_from_db()
    assert concept.revisie == 2 and concept.toelichting == "Wij werken samen met ouders."
    medisch = concept.gebieden.get(gebied__code="medisch")
    assert medisch.capaciteit == 12 and medisch.faciliteiten == ["medische_ruimte", "lift"]
    assert concept.gebieden.count() == 4


def test_een_verouderd_formulier_toont_de_nieuwe_versie(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    oud = _formulier(concept, toelichting="Van Ingrid")
    client_voor(wereld.schoolleider).post(
        url_van("bewerken", wereld.vestiging, lopend), _formulier(concept, toelichting="Van Sam")
    )
    antwoord = client_voor(wereld.ib).post(url_van("bewerken", wereld.vestiging, lopend), oud)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "Iemand anders heeft dit aanbod intussen gewijzigd." in tekst
    assert "Er is niets overschreven." in tekst
    form = antwoord.context["form"]
    assert form.initial["toelichting"] == "Van Sam" and form.initial["revisie"] == 2
    assert ("Inleiding", "Van Ingrid") in antwoord.context["ingevuld"]
    concept.refresh_from_db()
    assert concept.toelichting == "Van Sam"


def test_na_een_conflict_blijven_ook_vinkjes_en_plaatsen_te_zien(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.sbo, schooljaar=lopend)
    oud = _formulier(
        concept,
        extra_medisch="Een verpleegkundige",
        faciliteiten_medisch=["medische_ruimte", "lift"],
        capaciteit_medisch="12",
    )
    client_voor(wereld.schoolleider).post(
        url_van("bewerken", wereld.sbo, lopend), _formulier(concept)
    )
    antwoord = client_voor(wereld.ib).post(url_van("bewerken", wereld.sbo, lopend), oud)
    ingevuld = antwoord.context["ingevuld"]
    assert ("Medische zorg: extra", "Een verpleegkundige") in ingevuld
    assert (
        "Medische zorg: wat er op school is",
        "Ruimte voor medische handelingen, Lift",
    ) in ingevuld
    assert ("Medische zorg: aantal plaatsen", "12") in ingevuld
    tekst = paginatekst(antwoord)
    assert "Medische zorg: aantal plaatsen: 12" in tekst


def test_een_tekst_tot_de_gedeelde_grens_wordt_bewaard(wereld: Wereld):
    """The school's form allows what the API and the CSV import allow: one limit."""
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    client = client_voor(wereld.ib)
    precies = "x" * MAXIMALE_TEKSTLENGTE
    antwoord = client.post(
        url_van("bewerken", wereld.vestiging, lopend),
        _formulier(concept, toelichting=precies, expertise_medisch=precies),
    )
    assert antwoord.status_code == 302
    concept.refresh_from_db()
    assert concept.toelichting == precies
    antwoord = client.post(
        url_van("bewerken", wereld.vestiging, lopend),
        _formulier(concept, expertise_medisch=precies + "x"),
    )
    assert antwoord.context["form"].errors["expertise_medisch"] == [
        f"De tekst is te lang. Gebruik maximaal {MAXIMALE_TEKSTLENGTE} tekens."
    ]


def test_de_uitleg_en_de_fout_zijn_aan_het_invoerveld_gekoppeld(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.sbo, schooljaar=lopend)
    client = client_voor(wereld.ib)
    bewerken = url_van("bewerken", wereld.sbo, lopend)
    zonder_fout = beschrijvingen(client.get(bewerken).content.decode())
    assert zonder_fout["id_toelichting"] == ["id_toelichting_helptext"]
    assert zonder_fout["id_capaciteit_medisch"] == ["id_capaciteit_medisch_helptext"]
    antwoord = client.post(bewerken, _formulier(concept, capaciteit_medisch="veel"))
    met_fout = beschrijvingen(antwoord.content.decode())
    assert met_fout["id_capaciteit_medisch"] == [
        "id_capaciteit_medisch-fout",
        "id_capaciteit_medisch_helptext",
    ]
    assert met_fout["id_toelichting"] == ["id_toelichting_helptext"]
    # The waiting list's form too.
    wachtlijst = client.post(url_van("wachtlijst-bijhouden", wereld.sbo), {"peildatum": "gisteren"})
    velden = beschrijvingen(wachtlijst.content.decode())
    assert velden["id_peildatum"] == ["id_peildatum-fout", "id_peildatum_helptext"]


def test_een_formulier_zonder_revisie(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    data = _formulier(concept)
    del data["revisie"]
    antwoord = client_voor(wereld.ib).post(url_van("bewerken", wereld.vestiging, lopend), data)
    assert antwoord.status_code == 200
    assert "Het formulier is niet compleet." in paginatekst(antwoord)
    assert antwoord.context["form"].non_field_errors()


# --- Publishing ----------------------------------------------------------------------------


def test_publiceren_zonder_normgebied_geeft_een_duidelijke_melding(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, normgebieden=False)
    GebiedsaanbodFactory(aanbod=concept, gebied=gebied("lezen-spellen-dyslexie"))
    GebiedsaanbodFactory(aanbod=concept, gebied=gebied("hoogbegaafdheid"))
    client = client_voor(wereld.schoolleider)
    pagina = paginatekst(client.get(url_van("vestiging", wereld.vestiging, lopend)))
    assert "Dit ontbreekt nog: Leergedrag" in pagina
    antwoord = client.post(
        url_van("publiceren", wereld.vestiging, lopend), {"revisie": concept.revisie}, follow=True
    )
    assert (
        "Het aanbod is niet gepubliceerd. Beschrijf eerst de basisondersteuning voor: Leergedrag."
        in paginatekst(antwoord)
    )
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


def test_de_schoolleider_publiceert(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    antwoord = client_voor(wereld.schoolleider).post(
        url_van("publiceren", wereld.vestiging, lopend), {"revisie": concept.revisie}, follow=True
    )
    assert f"Het aanbod voor schooljaar {lopend} is gepubliceerd." in paginatekst(antwoord)
    assert "Ouders zien het nu in de gids." in paginatekst(antwoord)
    concept.refresh_from_db()
    assert concept.status == Status.GEPUBLICEERD and concept.openbaar


def test_publiceren_met_een_verouderde_pagina_wordt_geweigerd(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, revisie=4)
    antwoord = client_voor(wereld.schoolleider).post(
        url_van("publiceren", wereld.vestiging, lopend), {"revisie": 3}, follow=True
    )
    assert "Iemand anders heeft dit aanbod intussen gewijzigd." in paginatekst(antwoord)
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


def test_de_intern_begeleider_publiceert_niet(wereld: Wereld):
    lopend, _ = schooljaren()
    concept = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    antwoord = client_voor(wereld.ib).post(
        url_van("publiceren", wereld.vestiging, lopend), {"revisie": concept.revisie}
    )
    assert antwoord.status_code == 403
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT
