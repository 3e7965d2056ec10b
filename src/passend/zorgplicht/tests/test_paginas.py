"""The pages: who sees what, the forms and their Dutch errors, and exactly one access-log
record per request (refusals too)."""

import datetime
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from passend.core.models import Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.zorgplicht import services
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.rules import Uitkomst, Wijze
from passend.zorgplicht.tests.factories import AanmeldingFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def client(actor):
    return client_voor(actor.rol)


def open_aanmelding(wereld, dagen_geleden=10, **kwargs) -> Aanmelding:
    return AanmeldingFactory(
        leerling=wereld.kind,
        vestiging=wereld.vestiging,
        ontvangen_op=VANDAAG - timedelta(days=dagen_geleden),
        **kwargs,
    )


class Log:
    """The access-log records written by one request."""

    def __init__(self) -> None:
        self.begin = Toegangsregel.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def nieuw(self) -> list[Toegangsregel]:
        return list(Toegangsregel.objects.filter(id__gt=self.begin).order_by("id"))

    def een(self) -> Toegangsregel:
        regels = self.nieuw()
        assert len(regels) == 1, [(r.actie, r.reden) for r in regels]
        return regels[0]


# --- The school's list -----------------------------------------------------------------------


def test_school_ziet_eigen_aanmeldingen_te_laat_eerst(wereld):
    op_tijd = open_aanmelding(wereld, dagen_geleden=5)
    kind2 = Leerling.objects.create(
        voornamen="Mila",
        achternaam="Jansen",
        geboortedatum=datetime.date(2022, 1, 1),
        postcode="4141 AA",
    )
    te_laat = AanmeldingFactory(
        leerling=kind2, vestiging=wereld.tweede_vestiging, ontvangen_op=VANDAAG - timedelta(days=80)
    )
    elders = AanmeldingFactory(vestiging=wereld.elders)
    log = Log()
    antwoord = client(wereld.ib).get(reverse("zorgplicht:overzicht"))
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert inhoud.index("Mila Jansen") < inhoud.index("Noor de Wit")
    assert "recht op tijdelijke plaatsing" in inhoud
    assert elders.leerling.achternaam not in inhoud
    regel = log.een()
    assert set(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == {
        op_tijd.leerling.sleutel,
        te_laat.leerling.sleutel,
    }


def test_leraar_ziet_de_aanmeldingen_niet_en_de_weigering_wordt_vastgelegd(wereld):
    log = Log()
    assert client(wereld.leraar).get(reverse("zorgplicht:overzicht")).status_code == 403
    assert log.een().resultaat == Resultaat.GEWEIGERD


def test_filter_besloten(wereld):
    besloten = AanmeldingFactory(vestiging=wereld.vestiging, vol=True)
    open_aanmelding(wereld)
    inhoud = (
        client(wereld.schoolleider)
        .get(reverse("zorgplicht:overzicht") + "?toon=besloten")
        .content.decode()
    )
    assert escape(besloten.leerling.naam) in inhoud and "Noor de Wit" not in inhoud


# --- Paper registration ----------------------------------------------------------------------


def papier_gegevens(wereld, **extra):
    return {
        "kind": "nieuw",
        "voornamen": "Sem Jan",
        "roepnaam": "Sem",
        "achternaam": "Bakker",
        "geboortedatum": "2022-02-02",
        "postcode": "4141ab",
        "woongemeente": str(wereld.gemeente.pk),
        "vestiging": wereld.vestiging.vestigingscode,
        "ontvangen_op": (VANDAAG - timedelta(days=2)).isoformat(),
        "ondersteuning_verwacht": "on",
        "toelichting_ondersteuning": "Sem heeft een spraak-taalachterstand.",
        "andere_scholen": "CBS Elders in Elderstad",
        "andere_vestigingscodes": "51bb00",
        "eerste_voorkeur": "on",
        **extra,
    }


def test_school_legt_papieren_aanmelding_vast(wereld):
    log = Log()
    antwoord = client(wereld.ib).post(reverse("zorgplicht:papier"), papier_gegevens(wereld))
    aanmelding = Aanmelding.objects.get()
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse(
        "zorgplicht:detail", args=[aanmelding.sleutel]
    )
    assert aanmelding.wijze == Wijze.PAPIER and aanmelding.ondersteuning_verwacht
    assert aanmelding.leerling.naam == "Sem Bakker"
    assert [v.vestigingscode for v in aanmelding.andere_vestigingen.all()] == ["51BB00"]
    regel = log.een()
    assert regel.actie == "aanmaken"


def test_papieren_aanmelding_met_fouten_geeft_nederlandse_meldingen_en_slaat_niets_op(wereld):
    log = Log()
    antwoord = client(wereld.ib).post(
        reverse("zorgplicht:papier"),
        papier_gegevens(
            wereld,
            achternaam="",
            ontvangen_op=(VANDAAG + timedelta(days=3)).isoformat(),
            andere_vestigingscodes="XX",
        ),
    )
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Vul de achternaam van het kind in." in inhoud
    assert "Dit is geen vestigingscode: XX" in inhoud
    assert (
        not Aanmelding.objects.exists()
        and not Leerling.objects.filter(achternaam="Bakker").exists()
    )
    assert log.een().reden.startswith("aanmelding niet opgeslagen")


def test_papieren_aanmelding_datum_in_de_toekomst(wereld):
    antwoord = client(wereld.ib).post(
        reverse("zorgplicht:papier"),
        papier_gegevens(wereld, ontvangen_op=(VANDAAG + timedelta(days=3)).isoformat()),
    )
    assert "De datum van ontvangst kan niet in de toekomst liggen." in antwoord.content.decode()
    assert not Aanmelding.objects.exists()


def test_school_zoekt_een_bestaand_kind_en_meldt_het_aan(wereld):
    Inschrijving.objects.create(
        leerling=wereld.kind,
        vestiging=wereld.vestiging,
        van=VANDAAG - timedelta(days=300),
        tot=VANDAAG + timedelta(days=5),
    )
    c = client(wereld.ib)
    log = Log()
    antwoord = c.get(reverse("zorgplicht:papier") + "?zoek=Noor")
    assert "Noor de Wit" in antwoord.content.decode()
    regel = log.een()
    assert regel.actie == "zoeken"
    assert list(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == [
        wereld.kind.sleutel
    ]
    gegevens = papier_gegevens(
        wereld, kind=str(wereld.kind.sleutel), vestiging=wereld.tweede_vestiging.vestigingscode
    )
    antwoord = c.post(reverse("zorgplicht:papier") + "?zoek=Noor", gegevens)
    assert antwoord.status_code == 302
    assert Aanmelding.objects.get().leerling == wereld.kind


# --- Detail ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rol", ["ib", "schoolleider", "bestuurder", "loket"])
def test_detail_met_tijdlijn_voor_wie_de_aanmelding_ziet(wereld, rol):
    aanmelding = services.aanmelden(
        actor=wereld.ouder, vestiging=wereld.vestiging, leerling=wereld.kind
    )
    log = Log()
    antwoord = client(getattr(wereld, rol)).get(
        reverse("zorgplicht:detail", args=[aanmelding.sleutel])
    )
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert (
        "Aanmelding ontvangen" in inhoud
        and escape(wereld.ouder.gebruiker.get_full_name()) in inhoud
    )
    assert "Recht op tijdelijke plaatsing (na 10 weken)" in inhoud
    # The registration does not give sight of the pupil's file.
    assert reverse("leerlingen:detail", args=[wereld.kind.sleutel]) not in inhoud
    regel = log.een()
    assert regel.resultaat == Resultaat.TOEGESTAAN
    assert list(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == [
        wereld.kind.sleutel
    ]


@pytest.mark.parametrize(
    "rol", ["leraar", "deskundige", "ander_loket", "schoolleider_elders", "privacy_officer"]
)
def test_detail_is_verborgen_voor_anderen_en_de_weigering_wordt_vastgelegd(wereld, rol):
    aanmelding = open_aanmelding(wereld)
    log = Log()
    assert (
        client(getattr(wereld, rol))
        .get(reverse("zorgplicht:detail", args=[aanmelding.sleutel]))
        .status_code
        == 404
    )
    regel = log.een()
    assert regel.resultaat == Resultaat.GEWEIGERD


def test_ouder_gaat_van_detail_naar_het_portaal(wereld):
    aanmelding = open_aanmelding(wereld)
    antwoord = client(wereld.ouder).get(reverse("zorgplicht:detail", args=[aanmelding.sleutel]))
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("zorgplicht:portaal")


# --- Extending -------------------------------------------------------------------------------


def test_schoolleider_verlengt_en_downloadt_de_brief(wereld):
    aanmelding = open_aanmelding(wereld)
    c = client(wereld.schoolleider)
    url = reverse("zorgplicht:verlengen", args=[aanmelding.sleutel])
    assert c.get(url).status_code == 200
    log = Log()
    antwoord = c.post(
        url,
        {"weken": "2", "reden": "Wij wachten op het verslag.", "verlengd_op": VANDAAG.isoformat()},
    )
    assert antwoord.status_code == 302
    assert log.een().actie == "wijzigen"
    aanmelding.refresh_from_db()
    assert aanmelding.verlenging_weken == 2
    log = Log()
    brief = c.get(reverse("zorgplicht:brief-verlenging", args=[aanmelding.sleutel]))
    assert brief.status_code == 200 and brief["Content-Type"] == "application/pdf"
    assert brief.content.startswith(b"%PDF-")
    assert 'filename="aanmelding-verlenging-de-wit.pdf"' in brief["Content-Disposition"]
    assert log.een().actie == "afdrukken"


def test_tweede_verlenging_wordt_geweigerd_met_een_duidelijke_melding(wereld):
    aanmelding = open_aanmelding(wereld, verlengd=True)
    c = client(wereld.schoolleider)
    url = reverse("zorgplicht:verlengen", args=[aanmelding.sleutel])
    antwoord = c.get(url, follow=True)
    assert "Verlengen kan maar één keer" in antwoord.content.decode()
    log = Log()
    antwoord = c.post(
        url, {"weken": "1", "reden": "Nog eens.", "verlengd_op": VANDAAG.isoformat()}, follow=True
    )
    assert "Verlengen kan maar één keer" in antwoord.content.decode()
    regels = [r for r in log.nieuw() if r.route == "zorgplicht:verlengen"]
    assert len(regels) == 1 and regels[0].resultaat == Resultaat.GEWEIGERD
    aanmelding.refresh_from_db()
    assert aanmelding.verlenging_weken == 2


def test_verlengen_met_fouten(wereld):
    aanmelding = open_aanmelding(wereld)
    log = Log()
    antwoord = client(wereld.bestuurder).post(
        reverse("zorgplicht:verlengen", args=[aanmelding.sleutel]),
        {"weken": "5", "reden": "", "verlengd_op": ""},
    )
    inhoud = antwoord.content.decode()
    assert "Verleng met 1, 2, 3 of 4 weken." in inhoud
    assert "Schrijf op waarom de school meer tijd nodig heeft." in inhoud
    assert log.een().reden.startswith("verlenging niet opgeslagen")


def test_ib_mag_niet_verlengen(wereld):
    aanmelding = open_aanmelding(wereld)
    log = Log()
    assert (
        client(wereld.ib)
        .post(reverse("zorgplicht:verlengen", args=[aanmelding.sleutel]), {})
        .status_code
        == 404
    )
    assert log.een().resultaat == Resultaat.GEWEIGERD


def test_brief_over_een_verlenging_die_er_niet_is(wereld):
    aanmelding = open_aanmelding(wereld)
    log = Log()
    assert (
        client(wereld.schoolleider)
        .get(reverse("zorgplicht:brief-verlenging", args=[aanmelding.sleutel]))
        .status_code
        == 404
    )
    assert log.een().resultaat == Resultaat.GEWEIGERD


# --- Deciding --------------------------------------------------------------------------------


def test_besluit_toelaten_schrijft_in_en_geeft_de_brief(wereld):
    aanmelding = open_aanmelding(wereld)
    c = client(wereld.schoolleider)
    url = reverse("zorgplicht:besluit", args=[aanmelding.sleutel])
    assert c.get(url).status_code == 200
    log = Log()
    antwoord = c.post(
        url,
        {
            "uitkomst": Uitkomst.TOEGELATEN,
            "uitkomst_op": VANDAAG.isoformat(),
            "ingangsdatum": VANDAAG.isoformat(),
        },
    )
    assert antwoord.status_code == 302
    assert log.een().actie == "wijzigen"
    assert Inschrijving.objects.get(leerling=wereld.kind).vestiging == wereld.vestiging
    detail = c.get(reverse("zorgplicht:detail", args=[aanmelding.sleutel])).content.decode()
    assert reverse("leerlingen:detail", args=[wereld.kind.sleutel]) in detail  # enrolled: the file
    brief = c.get(reverse("zorgplicht:brief-besluit", args=[aanmelding.sleutel]))
    assert brief.status_code == 200 and brief.content.startswith(b"%PDF-")


def test_besluit_zorgplicht_zonder_andere_school_wordt_geweigerd(wereld):
    aanmelding = open_aanmelding(wereld)
    log = Log()
    antwoord = client(wereld.bestuurder).post(
        reverse("zorgplicht:besluit", args=[aanmelding.sleutel]),
        {"uitkomst": Uitkomst.GEPLAATST_ELDERS, "uitkomst_op": VANDAAG.isoformat()},
    )
    assert antwoord.status_code == 200
    assert (
        "pas weigeren als een andere school het kind heeft toegelaten" in antwoord.content.decode()
    )
    assert log.een().reden.startswith("besluit niet opgeslagen")
    aanmelding.refresh_from_db()
    assert aanmelding.uitkomst == ""


def test_besluit_onbekende_school(wereld):
    aanmelding = open_aanmelding(wereld)
    antwoord = client(wereld.bestuurder).post(
        reverse("zorgplicht:besluit", args=[aanmelding.sleutel]),
        {
            "uitkomst": Uitkomst.GEPLAATST_ELDERS,
            "uitkomst_op": VANDAAG.isoformat(),
            "geplaatst_bij": "99ZZ00",
            "geplaatst_op": VANDAAG.isoformat(),
        },
    )
    assert "Er is geen school met vestigingscode 99ZZ00." in antwoord.content.decode()


def test_tweede_besluit_wordt_geweigerd(wereld):
    aanmelding = AanmeldingFactory(leerling=wereld.kind, vestiging=wereld.vestiging, vol=True)
    c = client(wereld.schoolleider)
    url = reverse("zorgplicht:besluit", args=[aanmelding.sleutel])
    assert "Een besluit wordt niet overschreven" in c.get(url, follow=True).content.decode()
    log = Log()
    antwoord = c.post(url, {"uitkomst": Uitkomst.INGETROKKEN, "uitkomst_op": VANDAAG.isoformat()})
    assert antwoord.status_code == 302
    assert log.een().resultaat == Resultaat.GEWEIGERD
    aanmelding.refresh_from_db()
    assert aanmelding.uitkomst == Uitkomst.AFGEWEZEN_VOL


# --- The portal ------------------------------------------------------------------------------


def test_ouder_ziet_aanmeldingen_en_besluit(wereld):
    besloten = AanmeldingFactory(
        leerling=wereld.kind, vestiging=wereld.buurschool, vol=True, eerste_voorkeur=False
    )
    open_aanmelding(wereld, verlengd=True)
    log = Log()
    antwoord = client(wereld.ouder).get(reverse("zorgplicht:portaal"))
    inhoud = antwoord.content.decode()
    assert "Noor bij De Zonnewijzer" in inhoud and "Noor bij Het Anker" in inhoud
    assert "omdat de groep vol is" in inhoud
    assert reverse("zorgplicht:brief-besluit", args=[besloten.sleutel]) in inhoud
    assert "De school heeft meer tijd genomen." in inhoud
    regel = log.een()
    assert set(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == {wereld.kind.sleutel}


def test_ouder_downloadt_de_brief_over_het_besluit(wereld):
    besloten = AanmeldingFactory(leerling=wereld.kind, vestiging=wereld.vestiging, vol=True)
    antwoord = client(wereld.ouder).get(
        reverse("zorgplicht:brief-besluit", args=[besloten.sleutel])
    )
    assert antwoord.status_code == 200


def test_ouder_meldt_een_nieuw_kind_aan(wereld):
    c = client(wereld.ouder)
    url = reverse("zorgplicht:aanmelden")
    pagina = c.get(url).content.decode()
    assert "De Zonnewijzer" in pagina  # schools where the children live
    log = Log()
    antwoord = c.post(
        url,
        {
            "kind": "nieuw",
            "voornamen": "Lotte",
            "achternaam": "de Wit",
            "geboortedatum": "2022-09-09",
            "postcode": "4141 AB",
            "woongemeente": str(wereld.gemeente.pk),
            "school": wereld.vestiging.vestigingscode,
            "ondersteuning_verwacht": "nee",
            "andere_scholen": "",
            "eerste_voorkeur": "ja",
        },
    )
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("zorgplicht:portaal")
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.wijze == Wijze.PORTAAL and aanmelding.leerling.roepnaam == "Lotte"
    assert Ouderschap.objects.get(leerling=aanmelding.leerling).ouder == wereld.ouder.gebruiker
    assert log.een().actie == "aanmaken"


def test_ouder_zoekt_een_school_en_krijgt_meldingen_in_gewone_taal(wereld):
    c = client(wereld.ouder)
    url = reverse("zorgplicht:aanmelden") + "?zoek=Elders"
    assert "CBS Elders" in c.get(url).content.decode()
    log = Log()
    antwoord = c.post(
        url,
        {
            "kind": str(wereld.kind.sleutel),
            "school": wereld.elders.vestigingscode,
            "ondersteuning_verwacht": "ja",
        },
    )
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Schrijf kort op waarom uw kind extra hulp nodig heeft." in inhoud
    assert "Kies ja of nee." in inhoud
    assert not Aanmelding.objects.exists()
    assert log.een().reden.startswith("aanmelding niet verstuurd")


def test_ouder_zonder_gezag_kan_het_kind_niet_kiezen(wereld):
    c = client(wereld.ouder_zonder_gezag)
    assert "Noor de Wit" not in c.get(reverse("zorgplicht:aanmelden")).content.decode()
    antwoord = c.post(
        reverse("zorgplicht:aanmelden"),
        {
            "kind": str(wereld.kind.sleutel),
            "school": wereld.vestiging.vestigingscode,
            "ondersteuning_verwacht": "nee",
            "eerste_voorkeur": "ja",
        },
    )
    assert "Kies welk kind u aanmeldt." in antwoord.content.decode()
    assert not Aanmelding.objects.exists()


@pytest.mark.parametrize("naam", ["zorgplicht:portaal", "zorgplicht:aanmelden"])
def test_het_portaal_is_voor_ouders(wereld, naam):
    log = Log()
    assert client(wereld.ib).get(reverse(naam)).status_code == 403
    assert log.een().resultaat == Resultaat.GEWEIGERD


# --- Running terms for the board and the SWV -------------------------------------------------


def test_swv_ziet_tijdelijke_plaatsing_bovenaan(wereld):
    tijdelijk = open_aanmelding(wereld, dagen_geleden=75)
    lopend = AanmeldingFactory(
        vestiging=wereld.buurschool, ontvangen_op=VANDAAG - timedelta(days=3)
    )
    elders = AanmeldingFactory(vestiging=wereld.elders, ontvangen_op=VANDAAG - timedelta(days=80))
    besloten = AanmeldingFactory(vestiging=wereld.vestiging, vol=True)
    log = Log()
    antwoord = client(wereld.loket).get(reverse("zorgplicht:termijnen"))
    inhoud = antwoord.content.decode()
    assert "1 kind heeft recht op tijdelijke plaatsing." in inhoud
    # Names as the page shows them (a factory name may hold an apostrophe: escaped in HTML).
    naam = {a: escape(a.leerling.naam) for a in (tijdelijk, lopend, elders, besloten)}
    assert inhoud.index(naam[tijdelijk]) < inhoud.index(naam[lopend])
    assert naam[elders] not in inhoud and naam[besloten] not in inhoud
    assert "Stichting Openbaar Onderwijs Linge" in inhoud  # the board column for the SWV
    assert len(log.nieuw()) == 1


def test_bestuur_ziet_de_termijnen_van_de_eigen_scholen(wereld):
    open_aanmelding(wereld)
    elders = AanmeldingFactory(vestiging=wereld.elders)
    inhoud = client(wereld.bestuurder).get(reverse("zorgplicht:termijnen")).content.decode()
    assert "Noor de Wit" in inhoud and escape(elders.leerling.naam) not in inhoud


@pytest.mark.parametrize("rol", ["ib", "deskundige", "ouder", "privacy_officer"])
def test_termijnen_niet_voor_anderen(wereld, rol):
    log = Log()
    assert client(getattr(wereld, rol)).get(reverse("zorgplicht:termijnen")).status_code == 403
    assert log.een().resultaat == Resultaat.GEWEIGERD
