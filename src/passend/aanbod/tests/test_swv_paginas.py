"""The SWV's pages end to end: the overview and coverage, the waiting lists with their
chart and CSV, the CSV import (errors per row, nothing half-saved) and export, and the
management of the sociale kaart (a stale form shows the current version)."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from passend.aanbod import aanbodbestand
from passend.aanbod.forms_regio import MAXIMALE_BESTANDSGROOTTE
from passend.aanbod.models import Aanbod, Voorziening
from passend.aanbod.rules import Status, schooljaren_om_te_beschrijven
from passend.aanbod.selectors.regio import exportregels
from passend.aanbod.tests.factories import (
    AanbodFactory,
    GebiedsaanbodFactory,
    VoorzieningFactory,
    WachtlijststandFactory,
    gebied,
)
from passend.aanbod.tests.test_school_wereld import beschrijvingen
from passend.aanbod.tests.test_swv_selectors import R, maak_regio
from passend.aanbod.views.swv.regio import PAGINA_GROOTTE
from passend.core.tests.scenario import client_voor
from passend.organisaties.tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db


def _jaar() -> str:
    return schooljaren_om_te_beschrijven(timezone.localdate())[0]


def _client(regio, rolsoort=R.DIRECTEUR):
    actor = regio.actor(rolsoort)
    return client_voor(actor.rol), actor


def test_overzicht_toont_stand_en_dekking():
    regio = maak_regio(3)
    a, b, _ = regio.vestigingen
    AanbodFactory(vestiging=a, schooljaar=_jaar(), gepubliceerd=True)
    AanbodFactory(vestiging=b, schooljaar=_jaar())
    client, _ = _client(regio, R.COMMISSIELID)
    antwoord = client.get(reverse("aanbod:regio-overzicht"))
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert 'role="img"' in inhoud and '<title id="dekking-titel">' in inhoud
    assert "Concept, nog niet gepubliceerd" in inhoud
    assert inhoud.count("Nog geen aanbod") == 1
    assert "Lezen, spellen en dyslexie (landelijke norm)" in inhoud
    assert antwoord.context["samenvatting"] == {
        "totaal": 3,
        "gepubliceerd": 1,
        "alleen_concept": 1,
        "niets": 1,
    }
    dekking = {d.gebied.code: d.basis for d in antwoord.context["dekking"]}
    assert dekking["leergedrag"] == 1
    assert regio.elders.naam not in inhoud
    assert reverse("aanbod:vestiging", args=[a.vestigingscode, _jaar()]) in inhoud
    # The SWV's menu: a commissielid reads, but does not import or keep the sociale kaart.
    assert reverse("aanbod:regio-wachtlijsten") in inhoud
    assert reverse("aanbod:regio-importeren") not in inhoud


def test_overzicht_met_filter_en_een_ongeldige_keuze():
    regio = maak_regio(2)
    client, _ = _client(regio)
    antwoord = client.get(reverse("aanbod:regio-overzicht"), {"soort": "sbo"})
    assert antwoord.context["samenvatting"]["totaal"] == 0
    antwoord = client.get(reverse("aanbod:regio-overzicht"), {"schooljaar": "1999-2000"})
    assert antwoord.status_code == 200
    assert antwoord.context["schooljaar"] == _jaar()
    assert antwoord.context["form"].errors


def test_wachtlijsten_met_grafiek_tabel_en_csv():
    regio = maak_regio(2, soort="sbo")
    a, b = regio.vestigingen
    WachtlijststandFactory(vestiging=a, peildatum=datetime.date(2026, 9, 1), aantal_wachtend=4)
    WachtlijststandFactory(vestiging=a, peildatum=datetime.date(2026, 10, 1), aantal_wachtend=7)
    WachtlijststandFactory(
        vestiging=b, peildatum=datetime.date(2026, 10, 1), gebied=gebied("medisch")
    )
    WachtlijststandFactory(vestiging=regio.elders, peildatum=datetime.date(2026, 10, 1))
    client, _ = _client(regio, R.LOKET)
    periode = {"van": "2026-08-01", "tot": "2026-12-31"}
    antwoord = client.get(reverse("aanbod:regio-wachtlijsten"), periode)
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in inhoud
    assert f"{a.naam}, 1-10-2026: 7 wachtend" in inhoud
    assert len(antwoord.context["pagina"]) == 3
    assert "Medische zorg" in inhoud and "Hele vestiging" in inhoud
    assert regio.elders.naam not in inhoud

    csv = client.get(reverse("aanbod:regio-wachtlijsten-csv"), periode)
    assert csv.status_code == 200
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in csv["Content-Disposition"]
    regels = csv.content.decode("utf-8-sig").splitlines()
    assert regels[0] == (
        "vestigingscode;vestiging;soort;peildatum;gebied;aantal_wachtend;"
        "verwachte_wachttijd_weken;capaciteit"
    )
    assert f"{a.vestigingscode};{a.naam};sbo;2026-10-01;;7;8;120" in regels
    assert f"{b.vestigingscode};{b.naam};sbo;2026-10-01;medisch;6;8;120" in regels
    assert len(regels) == 4


def test_wachtlijsten_met_een_verkeerde_periode():
    regio = maak_regio(1, soort="so")
    client, _ = _client(regio)
    antwoord = client.get(
        reverse("aanbod:regio-wachtlijsten"), {"van": "2026-12-01", "tot": "2026-01-01"}
    )
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors == {"tot": ["Deze datum ligt vóór de begindatum."]}
    assert "Er zijn geen wachtlijstcijfers in deze periode." in antwoord.content.decode()
    csv = client.get(reverse("aanbod:regio-wachtlijsten-csv"), {"van": "gisteren", "tot": "x"})
    assert csv.status_code == 400


def test_de_grafiek_toont_een_punt_per_vestiging_per_maand():
    regio = maak_regio(1, soort="sbo")
    (a,) = regio.vestigingen
    begin = datetime.date(2026, 9, 1)
    for dag in range(90):  # a count every day: September, October, November
        WachtlijststandFactory(
            vestiging=a, peildatum=begin + datetime.timedelta(days=dag), aantal_wachtend=dag
        )
    client, _ = _client(regio, R.LOKET)
    antwoord = client.get(
        reverse("aanbod:regio-wachtlijsten"), {"van": "2026-08-01", "tot": "2026-12-31"}
    )
    grafiek = str(antwoord.context["grafiek"])
    punten = re.findall(rf"<title>{a.naam}, ([0-9-]+): (\d+) wachtend</title>", grafiek)
    # The last count of each month.
    assert punten == [("30-9-2026", "29"), ("31-10-2026", "60"), ("29-11-2026", "89")]
    # The table holds every figure, a page at a time.
    pagina = antwoord.context["pagina"]
    assert pagina.paginator.count == 90 and len(pagina) == min(90, PAGINA_GROOTTE)


def test_de_tabel_met_cijfers_gaat_per_pagina():
    regio = maak_regio(2, soort="so")
    a, b = regio.vestigingen
    begin = datetime.date(2026, 8, 1)
    for dag in range(PAGINA_GROOTTE):
        for vestiging in (a, b):
            WachtlijststandFactory(vestiging=vestiging, peildatum=begin + datetime.timedelta(dag))
    client, _ = _client(regio)
    periode = {"van": "2026-08-01", "tot": "2027-07-31"}
    eerste = client.get(reverse("aanbod:regio-wachtlijsten"), periode)
    assert len(eerste.context["pagina"]) == PAGINA_GROOTTE
    inhoud = eerste.content.decode()
    assert 'rel="next" href="?van=2026-08-01&amp;tot=2027-07-31&amp;pagina=2"' in inhoud
    assert "(pagina 1 van 2)" in inhoud
    tweede = client.get(reverse("aanbod:regio-wachtlijsten"), {**periode, "pagina": 2})
    assert len(tweede.context["pagina"]) == PAGINA_GROOTTE
    assert tweede.context["pagina"][0].vestiging == b
    # The CSV file still has every figure of the period.
    csv = client.get(reverse("aanbod:regio-wachtlijsten-csv"), periode)
    assert len(csv.content.decode("utf-8-sig").splitlines()) == 1 + 2 * PAGINA_GROOTTE


def test_hoogstens_vijf_jaar_tegelijk():
    regio = maak_regio(1, soort="vso")
    client, _ = _client(regio)
    te_lang = {"van": "2020-08-01", "tot": "2026-07-31"}
    antwoord = client.get(reverse("aanbod:regio-wachtlijsten"), te_lang)
    assert antwoord.context["form"].errors == {"tot": ["Kies een periode van hoogstens vijf jaar."]}
    # The default period then: the last two school years.
    vandaag = timezone.localdate()
    assert antwoord.context["tot"] == vandaag
    assert antwoord.context["van"].month == 8 and antwoord.context["van"].day == 1
    assert (vandaag - antwoord.context["van"]).days <= 2 * 366
    assert client.get(reverse("aanbod:regio-wachtlijsten-csv"), te_lang).status_code == 400
    vijf_jaar = {"van": "2021-08-01", "tot": "2026-07-31"}
    assert not client.get(reverse("aanbod:regio-wachtlijsten"), vijf_jaar).context["form"].errors


def test_fouten_op_de_swv_paginas_zijn_aan_hun_veld_gekoppeld():
    regio = maak_regio(1, soort="sbo")
    client, _ = _client(regio)
    antwoord = client.get(reverse("aanbod:regio-wachtlijsten"), {"van": "x", "tot": "y"})
    velden = beschrijvingen(antwoord.content.decode())
    assert velden["id_van"] == ["id_van-fout"] and velden["id_tot"] == ["id_tot-fout"]
    antwoord = client.post(reverse("aanbod:kaart-toevoegen"), {"naam": ""})
    assert antwoord.status_code == 200
    velden = beschrijvingen(antwoord.content.decode())
    assert velden["id_naam"] == ["id_naam-fout"]


def test_na_inlezen_als_concept_kunt_u_het_nog_publiceren():
    regio = maak_regio(1)
    (a,) = regio.vestigingen
    client, _ = _client(regio)
    bestand = f"{KOP}\n{a.vestigingscode};{_jaar()};medisch;Zorg;;;;\n"
    antwoord = client.post(reverse("aanbod:regio-importeren"), {"bestand": _bestand(bestand)})
    tekst = " ".join(antwoord.content.decode().split())
    assert "Concept: de school of u kunt het nog publiceren" in tekst


def _bestand(tekst: str, naam: str = "aanbod.csv", codering: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, tekst.encode(codering), content_type="text/csv")


KOP = ";".join(aanbodbestand.VERPLICHT)


def test_inlezen_eerst_met_een_fout_dan_goed():
    regio = maak_regio(1)
    (a,) = regio.vestigingen
    client, _ = _client(regio)
    fout = f"{KOP}\n{a.vestigingscode};{_jaar()};lezen;Leesgroep;;;;\n"
    antwoord = client.post(reverse("aanbod:regio-importeren"), {"bestand": _bestand(fout)})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Regel 2, kolom gebied: &#x27;lezen&#x27; is geen bekend gebied." in inhoud
    assert "Er is niets opgeslagen" in inhoud
    assert not Aanbod.objects.exists()

    goed = (
        f"{KOP}\n"
        + "\n".join(
            f"{a.vestigingscode};{_jaar()};{g};Basis;;;;"
            for g in ("lezen-spellen-dyslexie", "hoogbegaafdheid", "leergedrag")
        )
        + "\n"
    )
    antwoord = client.post(
        reverse("aanbod:regio-importeren"),
        {"bestand": _bestand(goed, codering="cp1252"), "publiceren": "on"},
    )
    assert antwoord.status_code == 200
    resultaat = antwoord.context["resultaat"]
    assert (resultaat.regels, resultaat.gebieden, resultaat.gepubliceerd) == (3, 3, 1)
    assert "Ingelezen: 3 regels, 1 vestiging(en), 3 gebieden; 1 gepubliceerd." in (
        antwoord.content.decode()
    )
    assert Aanbod.objects.get(vestiging=a).status == Status.GEPUBLICEERD


def test_inlezen_zonder_bestand_of_met_een_te_groot_bestand():
    regio = maak_regio(1)
    client, _ = _client(regio, R.FUNCTIONEEL_BEHEERDER)
    antwoord = client.post(reverse("aanbod:regio-importeren"), {})
    assert antwoord.context["form"].errors == {"bestand": ["Kies een bestand."]}
    groot = SimpleUploadedFile("groot.csv", b"x" * (MAXIMALE_BESTANDSGROOTTE + 1))
    antwoord = client.post(reverse("aanbod:regio-importeren"), {"bestand": groot})
    assert antwoord.context["form"].errors == {
        "bestand": ["Het bestand is groter dan 10 MB. Splits het in kleinere bestanden."]
    }


def test_uitvoeren_geeft_het_bestand_dat_het_inlezen_leest():
    regio = maak_regio(2)
    a, _ = regio.vestigingen
    aanbod = AanbodFactory(vestiging=a, schooljaar=_jaar(), gepubliceerd=True)
    GebiedsaanbodFactory(aanbod=aanbod, gebied=gebied("medisch"), capaciteit=12)
    client, actor = _client(regio)
    antwoord = client.get(
        reverse("aanbod:regio-exporteren"), {"schooljaar": _jaar(), "welke": "gepubliceerd"}
    )
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"] == (
        f'attachment; filename="aanbod-{regio.swv.code}-{_jaar()}-gepubliceerd.csv"'
    )
    assert antwoord.content.startswith("\ufeff".encode())
    tekst = antwoord.content.decode("utf-8-sig")
    assert tekst == aanbodbestand.bestand_schrijven(
        exportregels(actor=actor, schooljaar=_jaar(), welke="gepubliceerd")
    )
    assert len(tekst.splitlines()) == 1 + 4
    # Without a choice: the running school year, the version being worked on.
    assert client.get(reverse("aanbod:regio-exporteren")).status_code == 200
    assert client.get(reverse("aanbod:regio-exporteren"), {"welke": "alles"}).status_code == 400


def test_sociale_kaart_toevoegen_met_fouten_en_dan_goed():
    regio = maak_regio(1)
    tiel = GemeenteFactory(naam="Tiel")
    regio.swv.werkgebied.add(tiel)
    client, _ = _client(regio, R.LOKET)
    url = reverse("aanbod:kaart-toevoegen")
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert "Tiel" in antwoord.content.decode()
    antwoord = client.post(url, {"soort": "jeugdhulp", "naam": "Jeugdhulp", "wat": "Hulp"})
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors
    assert fouten["voor_wie"] == ["Schrijf op voor wie het is."]
    assert not Voorziening.objects.exists()
    antwoord = client.post(
        url,
        {
            "soort": "steunpunt",
            "naam": "Ouder- en jeugdsteunpunt",
            "wat": "Denkt mee met ouders.",
            "voor_wie": "Ouders en jongeren.",
            "email": "steunpunt@example.org",
            "gemeenten": [str(tiel.pk)],
            "gebieden": [str(gebied("leergedrag").pk)],
        },
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("aanbod:kaart-lijst")
    voorziening = Voorziening.objects.get()
    assert voorziening.samenwerkingsverband == regio.swv
    assert list(voorziening.gemeenten.all()) == [tiel]


def test_wijzigen_met_een_verouderd_formulier_toont_de_huidige_versie():
    regio = maak_regio(1)
    voorziening = VoorzieningFactory(samenwerkingsverband=regio.swv, naam="Jeugdhulp Oost")
    client, _ = _client(regio)
    url = reverse("aanbod:kaart-wijzigen", args=[voorziening.pk])
    antwoord = client.get(url)
    assert antwoord.context["form"].initial["revisie"] == 1
    formulier = {
        "revisie": "1",
        "soort": "jeugdhulp",
        "wat": "Hulp bij opvoeden.",
        "voor_wie": "Gezinnen.",
        "telefoon": "0345 1",
    }
    assert client.post(url, {**formulier, "naam": "Eerste wijziging"}).status_code == 302
    antwoord = client.post(url, {**formulier, "naam": "Tweede wijziging"})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Iemand anders heeft deze voorziening intussen gewijzigd." in inhoud
    assert "Zo staat de voorziening er nu" in inhoud and "Eerste wijziging" in inhoud
    # What the user typed is kept, now against the current version.
    assert antwoord.context["form"]["naam"].value() == "Tweede wijziging"
    assert antwoord.context["form"]["revisie"].value() == "2"
    voorziening.refresh_from_db()
    assert voorziening.naam == "Eerste wijziging"
    assert (
        client.post(url, {**formulier, "naam": "Tweede wijziging", "revisie": "2"}).status_code
        == 302
    )
    voorziening.refresh_from_db()
    assert (voorziening.naam, voorziening.revisie) == ("Tweede wijziging", 3)


def test_deactiveren_en_activeren_vanuit_de_lijst():
    regio = maak_regio(1)
    voorziening = VoorzieningFactory(samenwerkingsverband=regio.swv, naam="Wijkteam Noord")
    client, _ = _client(regio, R.FUNCTIONEEL_BEHEERDER)
    url = reverse("aanbod:kaart-activeren", args=[voorziening.pk])
    antwoord = client.post(url, {"revisie": "1", "actief": "0"}, follow=True)
    assert "Wijkteam Noord staat niet meer op de openbare sociale kaart." in (
        antwoord.content.decode()
    )
    voorziening.refresh_from_db()
    assert not voorziening.actief
    # A stale button: refused with a message, nothing changes.
    antwoord = client.post(url, {"revisie": "1", "actief": "1"}, follow=True)
    assert "intussen gewijzigd" in antwoord.content.decode()
    voorziening.refresh_from_db()
    assert not voorziening.actief
    client.post(url, {"revisie": "2", "actief": "1"})
    voorziening.refresh_from_db()
    assert voorziening.actief and voorziening.revisie == 3
    lijst = client.get(reverse("aanbod:kaart-lijst")).content.decode()
    assert "Niet meer tonen" in lijst


def test_een_voorziening_van_een_ander_swv_bestaat_niet():
    regio = maak_regio(1)
    ander = VoorzieningFactory()
    client, _ = _client(regio)
    assert client.get(reverse("aanbod:kaart-wijzigen", args=[ander.pk])).status_code == 404
    antwoord = client.post(
        reverse("aanbod:kaart-activeren", args=[ander.pk]), {"revisie": "1", "actief": "0"}
    )
    assert antwoord.status_code == 404
    ander.refresh_from_db()
    assert ander.actief
