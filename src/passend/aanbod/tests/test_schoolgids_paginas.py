"""The schoolgids pages: writing the text from the offer, showing it safely, editing it
(a stale form shows the current text), confirming before overwriting hand edits, the PDF."""

import pytest

from passend.aanbod.models import Schoolgidstekst
from passend.aanbod.tests.factories import AanbodFactory, SchoolgidstekstFactory
from passend.aanbod.tests.test_school_wereld import (
    Wereld,
    beschrijvingen,
    maak_wereld,
    paginatekst,
    schooljaren,
    url_van,
)
from passend.core.tests.scenario import client_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


def test_tekst_maken_tonen_aanpassen_en_downloaden(wereld: Wereld):
    lopend, _ = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    client = client_voor(wereld.ib)
    pagina = url_van("schoolgids", wereld.vestiging, lopend)
    assert "Tekst maken uit het aanbod" in paginatekst(client.get(pagina))
    assert client.get(url_van("schoolgids-pdf", wereld.vestiging, lopend)).status_code == 404
    antwoord = client.post(
        url_van("schoolgids-opstellen", wereld.vestiging, lopend), {"revisie": 0}, follow=True
    )
    inhoud = antwoord.content.decode()
    assert "Passend heeft de tekst voor de schoolgids gemaakt uit het aanbod." in paginatekst(
        antwoord
    )
    assert '<h3 class="utrecht-heading-3">Ondersteuning op OBS De Linde</h3>' in inhoud
    assert '<h4 class="utrecht-heading-4">Leergedrag (landelijke norm)</h4>' in inhoud
    assert '<li class="utrecht-unordered-list__item">Stille of prikkelarme ruimte</li>' in inhoud
    tekst = Schoolgidstekst.objects.get()

    bewerken = url_van("schoolgids-bewerken", wereld.vestiging, lopend)
    assert client.get(bewerken).context["form"].initial["revisie"] == tekst.revisie
    client.post(
        bewerken, {"tekst": "## Zorg\n\n<script>alert(1)</script>", "revisie": tekst.revisie}
    )
    inhoud = client.get(pagina).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in inhoud and "<script>alert" not in inhoud
    tekst.refresh_from_db()
    assert tekst.met_de_hand_aangepast

    pdf = client.get(url_van("schoolgids-pdf", wereld.vestiging, lopend))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert f"schoolgids-ondersteuning-obs-de-linde-{lopend}.pdf" in pdf["Content-Disposition"]


def test_opnieuw_maken_over_eigen_tekst_vraagt_bevestiging(wereld: Wereld):
    lopend, _ = schooljaren()
    aanbod = AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    SchoolgidstekstFactory(
        vestiging=wereld.vestiging,
        schooljaar=lopend,
        tekst="Eigen tekst",
        bron=aanbod,
        bron_revisie=aanbod.revisie - 1,
        met_de_hand_aangepast=True,
    )
    client = client_voor(wereld.schoolleider)
    assert "Het aanbod is veranderd nadat deze tekst is gemaakt" in paginatekst(
        client.get(url_van("schoolgids", wereld.vestiging, lopend))
    )
    opstellen = url_van("schoolgids-opstellen", wereld.vestiging, lopend)
    antwoord = client.post(opstellen, {"revisie": 1})
    assert antwoord.status_code == 200
    assert "U heeft deze tekst met de hand aangepast." in paginatekst(antwoord)
    # The confirmation carries the revision the school saw.
    assert 'name="revisie" value="1"' in antwoord.content.decode()
    antwoord = client.post(opstellen, {"gevraagd": "ja", "revisie": 1})
    assert antwoord.context["form"].errors["overschrijven"] == [
        "Vink dit aan als u uw aangepaste tekst wilt vervangen."
    ]
    assert Schoolgidstekst.objects.get().tekst == "Eigen tekst"
    client.post(opstellen, {"gevraagd": "ja", "overschrijven": "on", "revisie": 1})
    tekst = Schoolgidstekst.objects.get()
    assert tekst.tekst.startswith("## Ondersteuning op OBS De Linde")
    assert not tekst.met_de_hand_aangepast and tekst.bron_revisie == aanbod.revisie


def test_een_verouderde_tekstaanpassing_toont_de_nieuwepaginatekst(wereld: Wereld):
    lopend, _ = schooljaren()
    tekst = SchoolgidstekstFactory(
        vestiging=wereld.vestiging, schooljaar=lopend, tekst="Nieuwste", revisie=5
    )
    antwoord = client_voor(wereld.ib).post(
        url_van("schoolgids-bewerken", wereld.vestiging, lopend),
        {"tekst": "Mijn versie", "revisie": 4},
    )
    assert antwoord.status_code == 200
    assert "Iemand anders heeft deze tekst intussen gewijzigd." in paginatekst(antwoord)
    assert antwoord.context["form"].initial["tekst"] == "Nieuwste"
    assert antwoord.context["ingevuld"] == "Mijn versie"
    tekst.refresh_from_db()
    assert tekst.tekst == "Nieuwste" and tekst.revisie == 5


def test_een_lege_tekst_krijgt_een_melding(wereld: Wereld):
    lopend, _ = schooljaren()
    tekst = SchoolgidstekstFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    antwoord = client_voor(wereld.ib).post(
        url_van("schoolgids-bewerken", wereld.vestiging, lopend), {"tekst": "  ", "revisie": 1}
    )
    assert antwoord.context["form"].errors["tekst"] == [
        "De tekst is leeg. Schrijf een tekst of laat Passend hem opnieuw maken."
    ]
    tekst.refresh_from_db()
    assert tekst.revisie == 1


def test_opnieuw_maken_na_een_aanpassing_van_een_ander_vervangt_niets(wereld: Wereld):
    """Sam opens the confirmation, Ingrid edits the text meanwhile: Sam's confirmation
    names the revision Sam saw, so Ingrid's text stays and Sam is told why."""
    lopend, _ = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    SchoolgidstekstFactory(
        vestiging=wereld.vestiging,
        schooljaar=lopend,
        tekst="Eigen tekst",
        met_de_hand_aangepast=True,
    )
    sam, ingrid = client_voor(wereld.schoolleider), client_voor(wereld.ib)
    pagina = sam.get(url_van("schoolgids", wereld.vestiging, lopend))
    assert pagina.context["form"].initial["revisie"] == 1
    opstellen = url_van("schoolgids-opstellen", wereld.vestiging, lopend)
    bevestigen = sam.post(opstellen, {"revisie": 1})
    assert 'name="revisie" value="1"' in bevestigen.content.decode()
    ingrid.post(
        url_van("schoolgids-bewerken", wereld.vestiging, lopend),
        {"tekst": "Tekst van Ingrid", "revisie": 1},
    )
    antwoord = sam.post(
        opstellen, {"gevraagd": "ja", "overschrijven": "on", "revisie": 1}, follow=True
    )
    assert "Iemand anders heeft de tekst intussen gemaakt of gewijzigd." in paginatekst(antwoord)
    assert "Tekst van Ingrid" in paginatekst(antwoord)
    tekst = Schoolgidstekst.objects.get()
    assert tekst.tekst == "Tekst van Ingrid\n" and tekst.revisie == 2


def test_een_eerste_tekst_die_een_ander_al_maakte_wordt_niet_overschreven(wereld: Wereld):
    lopend, _ = schooljaren()
    AanbodFactory(vestiging=wereld.vestiging, schooljaar=lopend, gepubliceerd=True)
    client = client_voor(wereld.ib)
    pagina = client.get(url_van("schoolgids", wereld.vestiging, lopend))
    assert 'name="revisie" value="0"' in pagina.content.decode()
    opstellen = url_van("schoolgids-opstellen", wereld.vestiging, lopend)
    client_voor(wereld.schoolleider).post(opstellen, {"revisie": 0})
    antwoord = client.post(opstellen, {"revisie": 0}, follow=True)
    assert "Iemand anders heeft de tekst intussen gemaakt of gewijzigd." in paginatekst(antwoord)
    assert Schoolgidstekst.objects.get().revisie == 1
    # A form without its revision (an old page) writes nothing either.
    antwoord = client.post(opstellen, {}, follow=True)
    assert "Het formulier is niet compleet." in paginatekst(antwoord)
    assert Schoolgidstekst.objects.get().revisie == 1


def test_getypte_opmaak_blijft_tekst_en_koppen_slaan_geen_niveau_over(wereld: Wereld):
    lopend, _ = schooljaren()
    aanbod = AanbodFactory(
        vestiging=wereld.vestiging,
        schooljaar=lopend,
        gepubliceerd=True,
        toelichting="- drie keer per week\n## geen kop",
    )
    client = client_voor(wereld.ib)
    client.post(url_van("schoolgids-opstellen", wereld.vestiging, lopend), {"revisie": 0})
    inhoud = client.get(url_van("schoolgids", wereld.vestiging, lopend)).content.decode()
    assert "- drie keer per week<br>## geen kop</p>" in inhoud
    assert '<li class="utrecht-unordered-list__item">drie keer' not in inhoud
    assert aanbod.pk
    tekst = Schoolgidstekst.objects.get()
    client.post(
        url_van("schoolgids-bewerken", wereld.vestiging, lopend),
        {"tekst": "### Onze zorg\n\nTekst\n\n### Meer", "revisie": tekst.revisie},
    )
    inhoud = client.get(url_van("schoolgids", wereld.vestiging, lopend)).content.decode()
    # Under the page's h2 "De tekst": h3, never straight to h4.
    assert '<h3 class="utrecht-heading-3">Onze zorg</h3>' in inhoud
    assert '<h4 class="utrecht-heading-4">Meer</h4>' in inhoud
    assert '<h4 class="utrecht-heading-4">Onze zorg</h4>' not in inhoud


def test_de_uitleg_en_de_fout_zijn_aan_het_tekstvak_gekoppeld(wereld: Wereld):
    lopend, _ = schooljaren()
    tekst = SchoolgidstekstFactory(vestiging=wereld.vestiging, schooljaar=lopend)
    bewerken = url_van("schoolgids-bewerken", wereld.vestiging, lopend)
    client = client_voor(wereld.ib)
    assert beschrijvingen(client.get(bewerken).content.decode())["id_tekst"] == [
        "id_tekst_helptext"
    ]
    fout = client.post(bewerken, {"tekst": " ", "revisie": tekst.revisie})
    assert beschrijvingen(fout.content.decode())["id_tekst"] == [
        "id_tekst-fout",
        "id_tekst_helptext",
    ]
