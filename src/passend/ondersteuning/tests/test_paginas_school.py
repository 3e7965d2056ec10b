"""The school's OPP pages: the intern begeleider walks the whole flow through the pages.

Every request that touches pupil data writes exactly one access-log record; a refusal is
a 404 (or 403) with one record marked "geweigerd".
"""

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.leerlingen.models import Inschrijving, Leerling
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning import services
from passend.ondersteuning.models import Evaluatie, Factor, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit, Einde, FactorSoort, Hoorwijze, Status
from passend.organisaties.models import Vestiging
from passend.organisaties.rules import Soort

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate


@dataclass
class School:
    vestiging: Vestiging
    leerling: Leerling
    ib: Rol
    leraar: Rol
    ouder: Rol
    ouder_zonder_gezag: Rol
    vreemde_ib: Rol

    def actor(self, rol: Rol) -> Actor:
        return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.fixture
def school() -> School:
    inschrijving = InschrijvingFactory(
        leerling=LeerlingFactory(roepnaam="Sam", geboortedatum=datetime.date(2013, 4, 1))
    )
    leerling, vestiging = inschrijving.leerling, inschrijving.vestiging
    met = OuderschapFactory(
        leerling=leerling,
        gezag=True,
        ouder=GebruikerFactory(first_name="Petra", last_name="Jansen"),
    )
    zonder = OuderschapFactory(leerling=leerling, gezag=False)
    return School(
        vestiging=vestiging,
        leerling=leerling,
        ib=RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=vestiging.school),
        leraar=RolFactory(rolsoort=Rolsoort.LERAAR, school=vestiging.school),
        ouder=RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=met.ouder),
        ouder_zonder_gezag=RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=zonder.ouder),
        vreemde_ib=RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER),
    )


def _compleet_concept(school: School) -> Ontwikkelingsperspectief:
    """A draft with every part the law requires, written through the services."""
    ib = school.actor(school.ib)
    opp = services.opp_starten(
        actor=ib, leerling=school.leerling, start_extra_ondersteuning=VANDAAG()
    )
    opp = services.opp_bijwerken(
        actor=ib,
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={"uitstroombestemming": "vmbo_kb", "onderbouwing": "Toetsen en observaties."},
    )
    services.factor_toevoegen(
        actor=ib, opp=opp, soort=FactorSoort.BELEMMEREND, omschrijving="Leest langzaam"
    )
    services.factor_toevoegen(
        actor=ib, opp=opp, soort=FactorSoort.BEVORDEREND, omschrijving="Werkt hard"
    )
    services.doel_toevoegen(
        actor=ib,
        opp=opp,
        doel="Leest vloeiend",
        aanpak="Leesgroep",
        door_wie="Remedial teacher",
        frequentie="2x per week",
        van=VANDAAG(),
        tot=VANDAAG() + datetime.timedelta(days=120),
        evaluatiewijze="AVI-toets",
    )
    services.overleg_vastleggen(
        actor=ib, opp=opp, datum=VANDAAG(), deelnemers="Moeder, IB", samenvatting="Besproken."
    )
    stem = services.leerlingstem_vastleggen(
        actor=ib,
        opp=opp,
        wat_gaat_goed="Rekenen",
        wat_is_moeilijk="Lezen",
        wat_wil_ik="Hulp bij lezen",
        hoorwijze=Hoorwijze.SAMEN,
    )
    services.reactie_op_leerlingstem(actor=ib, stem=stem, reactie="We starten een leesgroep.")
    services.instemming_op_papier_vastleggen(
        actor=ib,
        opp=opp,
        door=school.ouder.gebruiker,
        besluit=Besluit.GEGEVEN,
        datum=VANDAAG(),
    )
    opp.refresh_from_db()
    return opp


def _vastgesteld(school: School) -> Ontwikkelingsperspectief:
    return services.opp_vaststellen(actor=school.actor(school.ib), opp=_compleet_concept(school))


def _url(naam: str, *args: Any) -> str:
    return reverse(f"ondersteuning:{naam}", args=args)


def _verzoek(
    client: Any,
    methode: str,
    url: str,
    data: dict[str, Any] | None = None,
    *,
    resultaat: str = Resultaat.TOEGESTAAN,
) -> Any:
    """One request; it must write exactly one access-log record with this result."""
    laatste = Toegangsregel.objects.order_by("-id").values_list("id", flat=True).first() or 0
    antwoord = getattr(client, methode)(url, data or {})
    nieuw = list(Toegangsregel.objects.filter(id__gt=laatste))
    assert len(nieuw) == 1, f"{methode} {url}: {len(nieuw)} regels in het toegangslog, niet 1"
    assert nieuw[0].resultaat == resultaat, (
        f"{methode} {url}: {nieuw[0].resultaat} ({nieuw[0].reden})"
    )
    return antwoord


def _tekst(antwoord: Any) -> str:
    return antwoord.content.decode()


# --- The whole flow ---------------------------------------------------------------------------


def test_ib_stelt_een_opp_op_via_de_paginas_tot_het_is_vastgesteld(school, maak_client):
    client = maak_client(school.ib)
    leerling = school.leerling

    antwoord = _verzoek(client, "get", _url("starten", leerling.sleutel))
    assert antwoord.status_code == 200
    assert "OPP starten voor Sam" in _tekst(antwoord)
    antwoord = _verzoek(
        client,
        "post",
        _url("starten", leerling.sleutel),
        {"start_extra_ondersteuning": VANDAAG().isoformat()},
    )
    opp = Ontwikkelingsperspectief.objects.get(leerling=leerling)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url("bewerken", opp.sleutel)

    antwoord = _verzoek(client, "get", _url("bewerken", opp.sleutel))
    assert antwoord.status_code == 200
    assert f'value="{opp.gewijzigd_op.isoformat()}"' in _tekst(antwoord)

    stappen: list[tuple[str, dict[str, Any]]] = [
        (
            _url("bewerken", opp.sleutel),
            {
                "opp-uitstroombestemming": "vmbo_kb",
                "opp-uitstroomperspectief": "Kaderberoepsgericht, met steun bij lezen.",
                "opp-onderbouwing": "Toetsen en observaties laten groei zien.",
                "opp-start_extra_ondersteuning": VANDAAG().isoformat(),
                "opp-leerling_handelingsbekwaam": "on",
                "opp-versie": opp.gewijzigd_op.isoformat(),
            },
        ),
        (
            _url("factor-toevoegen", opp.sleutel),
            {"factor-soort": "belemmerend", "factor-omschrijving": "Leest langzaam"},
        ),
        (
            _url("factor-toevoegen", opp.sleutel),
            {"factor-soort": "bevorderend", "factor-omschrijving": "Werkt hard"},
        ),
        (
            _url("doel-toevoegen", opp.sleutel),
            {
                "doel-doel": "Leest AVI E5 vloeiend",
                "doel-aanpak": "Leesgroep",
                "doel-door_wie": "Remedial teacher",
                "doel-frequentie": "2 keer per week",
                "doel-van": VANDAAG().isoformat(),
                "doel-tot": (VANDAAG() + datetime.timedelta(days=90)).isoformat(),
                "doel-evaluatiewijze": "AVI-toets",
            },
        ),
        (
            _url("overleg-vastleggen", opp.sleutel),
            {
                "overleg-datum": VANDAAG().isoformat(),
                "overleg-deelnemers": "Moeder, mentor, IB",
                "overleg-samenvatting": "Plan besproken.",
            },
        ),
    ]
    for url, data in stappen:
        antwoord = _verzoek(client, "post", url, data)
        assert antwoord.status_code == 302, _tekst(antwoord)
        assert antwoord["Location"] == _url("bewerken", opp.sleutel)

    # Vaststellen with parts missing shows exactly what is missing and changes nothing.
    opp.refresh_from_db()
    gewijzigd_op = opp.gewijzigd_op
    antwoord = _verzoek(client, "post", _url("vaststellen", opp.sleutel))
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    assert "Het OPP is niet vastgesteld. Dit ontbreekt nog:" in tekst
    assert "Er is nog geen instemming op het handelingsdeel" in tekst
    assert "De mening van de leerling (hoorrecht) is nog niet vastgelegd." in tekst
    assert "Het handelingsdeel heeft nog geen doel." not in tekst
    opp.refresh_from_db()
    assert (opp.status, opp.gewijzigd_op) == (Status.CONCEPT, gewijzigd_op)

    antwoord = _verzoek(
        client,
        "post",
        _url("mening-samen", opp.sleutel),
        {
            "mening-hoorwijze": "samen",
            "mening-wat_gaat_goed": "Rekenen",
            "mening-wat_is_moeilijk": "Lezen",
            "mening-wat_wil_ik": "Meer tijd bij toetsen",
        },
    )
    assert antwoord.status_code == 302
    stem = opp.leerlingstemmen.get()
    assert (stem.hoorwijze, stem.vastgelegd_door) == (Hoorwijze.SAMEN, school.ib.gebruiker)
    antwoord = _verzoek(
        client,
        "post",
        _url("reactie", opp.sleutel, stem.pk),
        {f"reactie-{stem.pk}-reactie_school": "Sam krijgt meer tijd bij toetsen."},
    )
    assert antwoord.status_code == 302
    antwoord = _verzoek(
        client,
        "post",
        _url("instemming-papier", opp.sleutel),
        {
            "instemming-door": str(school.ouder.gebruiker.pk),
            "instemming-besluit": "gegeven",
            "instemming-datum": VANDAAG().isoformat(),
        },
    )
    assert antwoord.status_code == 302
    assert opp.instemmingen.get().wijze == "papier"

    antwoord = _verzoek(client, "get", _url("vaststellen", opp.sleutel))
    assert "Alle onderdelen zijn er." in _tekst(antwoord)
    antwoord = _verzoek(client, "post", _url("vaststellen", opp.sleutel))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url("detail", opp.sleutel)
    opp.refresh_from_db()
    assert (opp.status, opp.vastgesteld_door) == (Status.VASTGESTELD, school.ib.gebruiker)

    antwoord = _verzoek(client, "get", _url("detail", opp.sleutel))
    tekst = _tekst(antwoord)
    for stuk in (
        "Kaderberoepsgericht, met steun bij lezen.",
        "Leest langzaam",
        "Werkt hard",
        "Leest AVI E5 vloeiend",
        "Plan besproken.",
        "Meer tijd bij toetsen",
        "Sam krijgt meer tijd bij toetsen.",
        "Instemming gegeven",
        "Petra Jansen",
        "Herzien: maak een nieuwe versie",
    ):
        assert stuk in tekst, stuk

    # A frozen version cannot be edited any more: back to the detail page.
    antwoord = _verzoek(client, "get", _url("bewerken", opp.sleutel))
    assert antwoord.status_code == 302
    antwoord = _verzoek(
        client,
        "post",
        _url("factor-toevoegen", opp.sleutel),
        {"factor-soort": "belemmerend", "factor-omschrijving": "Te laat"},
        resultaat=Resultaat.GEWEIGERD,
    )
    assert antwoord.status_code == 302
    assert opp.factoren.count() == 2


def test_onderdeel_verwijderen_en_een_onderdeel_van_een_ander_opp_is_404(school, maak_client):
    opp = services.opp_starten(
        actor=school.actor(school.ib), leerling=school.leerling, start_extra_ondersteuning=VANDAAG()
    )
    factor = services.factor_toevoegen(
        actor=school.actor(school.ib), opp=opp, soort=FactorSoort.BELEMMEREND, omschrijving="x"
    )
    ander = Factor.objects.create(
        opp=_compleet_concept_elders(), soort=FactorSoort.BELEMMEREND, omschrijving="y"
    )
    client = maak_client(school.ib)
    antwoord = _verzoek(
        client,
        "post",
        _url("onderdeel-verwijderen", opp.sleutel, "factor", ander.pk),
        resultaat=Resultaat.GEWEIGERD,
    )
    assert antwoord.status_code == 404
    antwoord = _verzoek(
        client,
        "post",
        _url("onderdeel-verwijderen", opp.sleutel, "onbekend", factor.pk),
        resultaat=Resultaat.GEWEIGERD,
    )
    assert antwoord.status_code == 404
    antwoord = _verzoek(
        client, "post", _url("onderdeel-verwijderen", opp.sleutel, "factor", factor.pk)
    )
    assert antwoord.status_code == 302
    assert not opp.factoren.exists()
    assert Factor.objects.filter(pk=ander.pk).exists()


def _compleet_concept_elders() -> Ontwikkelingsperspectief:
    inschrijving = InschrijvingFactory()
    ib = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
    return services.opp_starten(
        actor=Actor(gebruiker=ib.gebruiker, rol=ib),
        leerling=inschrijving.leerling,
        start_extra_ondersteuning=VANDAAG(),
    )


# --- Optimistic locking -----------------------------------------------------------------------


def test_gelijktijdig_bewerken_bewaart_de_tekst_en_slaat_niets_op(school, maak_client):
    ib = school.actor(school.ib)
    opp = services.opp_starten(
        actor=ib, leerling=school.leerling, start_extra_ondersteuning=VANDAAG()
    )
    oude_versie = opp.gewijzigd_op.isoformat()
    # Somebody else saves first.
    services.opp_bijwerken(
        actor=ib, opp=opp, versie=oude_versie, wijzigingen={"onderbouwing": "Eerste tekst"}
    )
    client = maak_client(school.ib)
    antwoord = _verzoek(
        client,
        "post",
        _url("bewerken", opp.sleutel),
        {
            "opp-uitstroombestemming": "havo",
            "opp-uitstroomperspectief": "Mijn lange toelichting",
            "opp-onderbouwing": "Mijn eigen onderbouwing",
            "opp-start_extra_ondersteuning": VANDAAG().isoformat(),
            "opp-versie": oude_versie,
        },
    )
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    assert "Iemand anders heeft dit OPP intussen gewijzigd." in tekst
    assert "Mijn eigen onderbouwing" in tekst
    assert "Mijn lange toelichting" in tekst
    opp.refresh_from_db()
    assert (opp.onderbouwing, opp.uitstroombestemming) == ("Eerste tekst", "")


# --- Who may do what ----------------------------------------------------------------------------


SCHOOLROUTES_GET = ("detail", "bewerken", "vaststellen", "evaluatie", "beeindigen")
SCHOOLROUTES_POST = (
    "bewerken",
    "factor-toevoegen",
    "doel-toevoegen",
    "overleg-vastleggen",
    "instemming-papier",
    "mening-samen",
    "vaststellen",
    "herzien",
    "evaluatie",
    "beeindigen",
)


def test_ib_van_een_andere_school_krijgt_404_en_elke_weigering_een_logregel(school, maak_client):
    opp = _compleet_concept(school)
    stem = opp.leerlingstemmen.get()
    factor = opp.factoren.first()
    client = maak_client(school.vreemde_ib)
    for naam in SCHOOLROUTES_GET:
        antwoord = _verzoek(client, "get", _url(naam, opp.sleutel), resultaat=Resultaat.GEWEIGERD)
        assert antwoord.status_code == 404, naam
    urls = [_url(naam, opp.sleutel) for naam in SCHOOLROUTES_POST] + [
        _url("reactie", opp.sleutel, stem.pk),
        _url("onderdeel-verwijderen", opp.sleutel, "factor", factor.pk),
    ]
    for url in urls:
        antwoord = _verzoek(client, "post", url, {"x": "y"}, resultaat=Resultaat.GEWEIGERD)
        assert antwoord.status_code == 404, url
    regels = Toegangsregel.objects.filter(gebruiker=school.vreemde_ib.gebruiker)
    assert regels.count() == len(SCHOOLROUTES_GET) + len(urls)
    assert not regels.filter(resultaat=Resultaat.TOEGESTAAN).exists()
    assert opp.factoren.count() == 2
    # The other school's IB cannot start an OPP for a pupil who is not theirs.
    antwoord = _verzoek(
        client, "get", _url("starten", school.leerling.sleutel), resultaat=Resultaat.GEWEIGERD
    )
    assert antwoord.status_code == 404


def test_leraar_leest_maar_bewerkt_niet(school, maak_client):
    opp = _compleet_concept(school)
    client = maak_client(school.leraar)
    antwoord = _verzoek(client, "get", _url("detail", opp.sleutel))
    assert antwoord.status_code == 200
    assert _url("bewerken", opp.sleutel) not in _tekst(antwoord)
    antwoord = _verzoek(client, "get", _url("bewerken", opp.sleutel), resultaat=Resultaat.GEWEIGERD)
    assert antwoord.status_code == 404
    antwoord = _verzoek(
        client,
        "post",
        _url("factor-toevoegen", opp.sleutel),
        {"factor-soort": "belemmerend", "factor-omschrijving": "x"},
        resultaat=Resultaat.GEWEIGERD,
    )
    assert antwoord.status_code == 404
    for url in (_url("overzicht"), _url("starten", school.leerling.sleutel)):
        antwoord = _verzoek(client, "get", url, resultaat=Resultaat.GEWEIGERD)
        assert antwoord.status_code == 403, url
    assert opp.factoren.count() == 2


def test_ouder_wordt_naar_het_portaal_gestuurd(school, maak_client):
    opp = _compleet_concept(school)
    antwoord = maak_client(school.ouder).get(_url("detail", opp.sleutel))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url("portaal", opp.sleutel)


def test_herzien_kan_alleen_met_post(school, maak_client):
    opp = _vastgesteld(school)
    antwoord = maak_client(school.ib).get(_url("herzien", opp.sleutel))
    assert antwoord.status_code == 405


# --- Revision, evaluation, end -----------------------------------------------------------------


def test_herziening_maakt_versie_2_en_toont_wat_is_gewijzigd(school, maak_client):
    eerste = _vastgesteld(school)
    client = maak_client(school.ib)
    antwoord = _verzoek(client, "post", _url("herzien", eerste.sleutel))
    tweede = Ontwikkelingsperspectief.objects.get(vorige_versie=eerste)
    assert (tweede.versie, tweede.status) == (2, Status.CONCEPT)
    assert antwoord["Location"] == _url("bewerken", tweede.sleutel)

    # A second revision of the same version is not made: the page points to the first one.
    antwoord = _verzoek(
        client, "post", _url("herzien", eerste.sleutel), resultaat=Resultaat.GEWEIGERD
    )
    assert antwoord["Location"] == _url("detail", tweede.sleutel)
    assert Ontwikkelingsperspectief.objects.filter(reeks=eerste.reeks).count() == 2

    antwoord = _verzoek(client, "get", _url("detail", tweede.sleutel))
    assert (
        "Het uitstroomperspectief, de onderbouwing, de factoren en de doelen zijn niet veranderd."
        in _tekst(antwoord)
    )

    _verzoek(
        client,
        "post",
        _url("bewerken", tweede.sleutel),
        {
            "opp-uitstroombestemming": "vmbo_kb",
            "opp-onderbouwing": "Nieuwe toetsen laten meer groei zien.",
            "opp-start_extra_ondersteuning": tweede.start_extra_ondersteuning.isoformat(),
            "opp-versie": tweede.gewijzigd_op.isoformat(),
        },
    )
    _verzoek(
        client,
        "post",
        _url("factor-toevoegen", tweede.sleutel),
        {"factor-soort": "bevorderend", "factor-omschrijving": "Vraagt om hulp"},
    )
    antwoord = _verzoek(client, "get", _url("detail", tweede.sleutel))
    tekst = _tekst(antwoord)
    assert "Wat is er veranderd sinds versie 1" in tekst
    assert "Onderbouwing is gewijzigd." in tekst
    assert "Belemmerende en bevorderende factoren is gewijzigd." in tekst
    assert "Handelingsdeel (doelen en aanpak) is gewijzigd." not in tekst
    # The revision needs consent again before it can be set.
    antwoord = _verzoek(client, "get", _url("vaststellen", tweede.sleutel))
    assert "Er is nog geen instemming op het handelingsdeel" in _tekst(antwoord)


def test_evaluatie_vastleggen_en_beeindigen(school, maak_client):
    opp = _vastgesteld(school)
    client = maak_client(school.ib)
    antwoord = _verzoek(client, "get", _url("evaluatie", opp.sleutel))
    assert antwoord.status_code == 200
    assert "terugkeer_regulier_besproken" not in _tekst(antwoord)  # a regular school
    antwoord = _verzoek(
        client,
        "post",
        _url("evaluatie", opp.sleutel),
        {
            "datum": VANDAAG().isoformat(),
            "deelnemers": "Ouders, Sam, IB",
            "ouders_aanwezig": "on",
            "leerling_gehoord": "on",
            "conclusie": "Doelen grotendeels gehaald.",
        },
    )
    assert antwoord.status_code == 302
    evaluatie = Evaluatie.objects.get(opp=opp)
    assert (evaluatie.ouders_aanwezig, evaluatie.leerling_gehoord) == (True, True)
    opp.refresh_from_db()
    assert opp.volgende_evaluatie == VANDAAG().replace(year=VANDAAG().year + 1)
    assert "Doelen grotendeels gehaald." in _tekst(
        _verzoek(client, "get", _url("detail", opp.sleutel))
    )

    antwoord = _verzoek(client, "get", _url("beeindigen", opp.sleutel))
    assert antwoord.status_code == 200
    antwoord = _verzoek(
        client,
        "post",
        _url("beeindigen", opp.sleutel),
        {"einddatum": VANDAAG().isoformat(), "reden": Einde.NIET_MEER_NODIG},
    )
    assert antwoord.status_code == 302
    opp.refresh_from_db()
    assert (opp.status, opp.einddatum, opp.reden_einde) == (
        Status.BEEINDIGD,
        VANDAAG(),
        Einde.NIET_MEER_NODIG,
    )
    # An ended OPP is no longer evaluated.
    antwoord = _verzoek(
        client,
        "post",
        _url("evaluatie", opp.sleutel),
        {"datum": VANDAAG().isoformat(), "deelnemers": "x", "conclusie": "y"},
        resultaat=Resultaat.GEWEIGERD,
    )
    assert antwoord.status_code == 302
    assert Evaluatie.objects.filter(opp=opp).count() == 1


def test_evaluatie_in_het_speciaal_onderwijs_vraagt_naar_terugkeer(school, maak_client):
    Vestiging.objects.filter(pk=school.vestiging.pk).update(soort=Soort.SO)
    opp = _vastgesteld(school)
    antwoord = _verzoek(maak_client(school.ib), "get", _url("evaluatie", opp.sleutel))
    assert "terug kan naar het regulier onderwijs" in _tekst(antwoord)
    assert 'name="terugkeer_regulier_besproken"' in _tekst(antwoord)


# --- Start, overview -------------------------------------------------------------------------


def test_starten_met_een_lopend_opp_wijst_naar_dat_opp(school, maak_client):
    opp = services.opp_starten(
        actor=school.actor(school.ib), leerling=school.leerling, start_extra_ondersteuning=VANDAAG()
    )
    client = maak_client(school.ib)
    antwoord = _verzoek(
        client,
        "post",
        _url("starten", school.leerling.sleutel),
        {"start_extra_ondersteuning": VANDAAG().isoformat()},
    )
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    assert "Deze leerling heeft al een lopend OPP op uw school." in tekst
    assert _url("detail", opp.sleutel) in tekst
    assert Ontwikkelingsperspectief.objects.filter(leerling=school.leerling).count() == 1


def test_overzicht_toont_te_late_opps_eerst_met_een_logregel(school, maak_client):
    op_tijd = services.opp_starten(
        actor=school.actor(school.ib), leerling=school.leerling, start_extra_ondersteuning=VANDAAG()
    )
    tweede = InschrijvingFactory(
        vestiging=school.vestiging, leerling=LeerlingFactory(roepnaam="Zoë", achternaam="Zwart")
    ).leerling
    te_laat = services.opp_starten(
        actor=school.actor(school.ib),
        leerling=tweede,
        start_extra_ondersteuning=VANDAAG() - datetime.timedelta(weeks=8),
    )
    antwoord = _verzoek(maak_client(school.ib), "get", _url("overzicht"))
    assert antwoord.status_code == 200
    tekst = _tekst(antwoord)
    assert "te laat vastgesteld" in tekst
    assert tekst.index(_url("detail", te_laat.sleutel)) < tekst.index(
        _url("detail", op_tijd.sleutel)
    )
    assert _url("bron-export") in tekst
    regel = Toegangsregel.objects.order_by("-id").first()
    assert regel is not None
    assert (regel.actie, regel.object_type) == ("zoeken", "opp-overzicht")
    assert set(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == {
        school.leerling.sleutel,
        tweede.sleutel,
    }


MAX_OVERZICHT = 15  # measured 13 with 10 and with 100 OPPs (50 per page), SQLite; margin 2


@pytest.mark.parametrize("aantal", [10, 100])
def test_overzicht_heeft_een_vast_aantal_queries(
    school, maak_client, aantal, django_assert_max_num_queries
):
    Leerling.objects.bulk_create(
        Leerling(
            voornamen=f"Kind{i}",
            achternaam=f"Achternaam{i:03d}",
            geboortedatum=datetime.date(2015, 1, 1),
            postcode="3511 AB",
        )
        for i in range(aantal)
    )
    leerlingen = list(Leerling.objects.filter(voornamen__startswith="Kind"))
    Inschrijving.objects.bulk_create(
        Inschrijving(leerling=kind, vestiging=school.vestiging, van=datetime.date(2022, 8, 22))
        for kind in leerlingen
    )
    Ontwikkelingsperspectief.objects.bulk_create(
        Ontwikkelingsperspectief(
            leerling=kind,
            vestiging=school.vestiging,
            start_extra_ondersteuning=VANDAAG() - datetime.timedelta(days=i),
            aangemaakt_door=school.ib.gebruiker,
        )
        for i, kind in enumerate(leerlingen)
    )
    client = maak_client(school.ib)
    with django_assert_max_num_queries(MAX_OVERZICHT):
        antwoord = client.get(_url("overzicht"))
    assert antwoord.status_code == 200
    assert _tekst(antwoord).count('scope="row"') == min(aantal, 50)


# --- Dutch errors ---------------------------------------------------------------------------


def test_ongeldige_invoer_geeft_nederlandse_foutmeldingen_en_slaat_niets_op(school, maak_client):
    opp = services.opp_starten(
        actor=school.actor(school.ib), leerling=school.leerling, start_extra_ondersteuning=VANDAAG()
    )
    client = maak_client(school.ib)
    gevallen = [
        (
            "factor-toevoegen",
            {},
            ["Kies of de factor belemmerend of bevorderend is.", "Beschrijf de factor."],
        ),
        (
            "doel-toevoegen",
            {"doel-doel": "Lezen", "doel-van": "2026-09-01", "doel-tot": "2026-08-01"},
            [
                "Beschrijf de aanpak.",
                "Vul in wie de aanpak uitvoert.",
                "De einddatum ligt vóór de begindatum.",
            ],
        ),
        (
            "overleg-vastleggen",
            {"overleg-datum": "gisteren"},
            ["Vul een geldige datum in, zoals 2026-09-01."],
        ),
        (
            "mening-samen",
            {"mening-hoorwijze": "anders"},
            ["Vul minstens één van de drie vragen in.", "Beschrijf hoe de mening is opgehaald."],
        ),
        (
            "instemming-papier",
            {
                "instemming-door": str(school.ouder_zonder_gezag.gebruiker.pk),
                "instemming-besluit": "geweigerd",
            },
            [
                "Kies wie het besluit nam.",
                "Vul de datum van het besluit in.",
                "Schrijf kort op waarom er niet is ingestemd.",
            ],
        ),
        (
            "bewerken",
            {"opp-versie": opp.gewijzigd_op.isoformat()},
            ["Vul de startdatum van de extra ondersteuning in."],
        ),
    ]
    for naam, data, meldingen in gevallen:
        antwoord = _verzoek(client, "post", _url(naam, opp.sleutel), data)
        assert antwoord.status_code == 200, naam
        tekst = _tekst(antwoord)
        assert "Niet opgeslagen. Niet alles is goed ingevuld" in tekst, naam
        for melding in meldingen:
            assert melding in tekst, (naam, melding)
    opp.refresh_from_db()
    assert not opp.factoren.exists() and not opp.doelen.exists() and not opp.overleggen.exists()
    assert not opp.leerlingstemmen.exists() and not opp.instemmingen.exists()

    antwoord = _verzoek(
        client, "post", _url("beeindigen", opp.sleutel), {"einddatum": "2020-01-01"}
    )
    assert "Kies een reden." in _tekst(antwoord)
    assert "De einddatum ligt vóór de start van de extra ondersteuning" in _tekst(antwoord)
    nieuw = InschrijvingFactory(vestiging=school.vestiging).leerling
    antwoord = _verzoek(
        client, "post", _url("starten", nieuw.sleutel), {"start_extra_ondersteuning": "31-02-2026"}
    )
    assert "Vul een geldige datum in" in _tekst(antwoord)
    assert not Ontwikkelingsperspectief.objects.filter(leerling=nieuw).exists()


def _aantal_queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_detail_en_bewerken_doen_geen_query_per_onderdeel(school, maak_client):
    """Ten more factors, meetings and decisions: the same number of queries."""
    opp = _compleet_concept(school)
    client = maak_client(school.ib)
    weinig = {
        naam: _aantal_queries(client, _url(naam, opp.sleutel))
        for naam in ("detail", "bewerken", "vaststellen")
    }
    ib = school.actor(school.ib)
    for i in range(10):
        services.factor_toevoegen(
            actor=ib, opp=opp, soort=FactorSoort.BEVORDEREND, omschrijving=f"f{i}"
        )
        services.overleg_vastleggen(
            actor=ib, opp=opp, datum=VANDAAG(), deelnemers="x", samenvatting=f"o{i}"
        )
        services.instemming_op_papier_vastleggen(
            actor=ib, opp=opp, door=school.ouder.gebruiker, besluit=Besluit.GEGEVEN, datum=VANDAAG()
        )
    veel = {
        naam: _aantal_queries(client, _url(naam, opp.sleutel))
        for naam in ("detail", "bewerken", "vaststellen")
    }
    assert weinig == veel  # measured: detail 21, bewerken 20, vaststellen 19 (SQLite)
