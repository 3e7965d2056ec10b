"""Demo TLVs, written through the OPP and TLV services (valid, and logged as the people who
did the work).

At OBS De Zonnebloem (SWV PO Lingebroek): the SWV's own TLV settings and a deskundigen pool
(the demo deskundige with a log-in, a psycholoog, a jeugdarts, a maatschappelijk werker, and
an orthopedagoog who also works at De Zonnebloem: not independent there), and TLVs in every
state: just submitted; complete with one advice; granted (sbo) with a bezwaar whose advice
request is overdue; granted (so, categorie 2) ending soon with a verlenging requested;
granted (sbo) ending soon without one; refused with a bezwaar that was judged ongegrond; a
grensverkeer case (a pupil living in the neighbouring SWV's area); granted (sbo) with a
gegrond bezwaar of the board and a beslissing op bezwaar (so, categorie 1); and a request
the school withdrew. The SWV asks two extra
questions on its request form (one required); the school answered them on every request the
desk declared complete, the newest request still has them open.

The organisational set-up for grensverkeer (a municipality in the neighbouring SWV's
werkgebied) is seeding, written directly like the rest of the demo region; everything about
pupils goes through the services. Dates are counted from today (the services stamp today).
"""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.core.perioden import actief_op
from passend.demo.bouwer.regio import SWV_BUREN, SWV_PO
from passend.leerlingen import services as leerling_services
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.ondersteuning import services as opp_services
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit as OppBesluit
from passend.ondersteuning.rules import FactorSoort, Hoorwijze, Uitstroombestemming
from passend.organisaties.models import Gemeente, Samenwerkingsverband
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.models import Deskundige, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import maanden_erbij, minimale_einddatum
from passend.toelaatbaarheid.selectors import extra_vragen_van

ROUTE = "demo"
SCHOOL = "dezonnebloem"
BUURGEMEENTE = ("9911", "Kromme Waarden")


def _actor(gebruikersnaam: str, rolsoort: str) -> Actor | None:
    rol = (
        Rol.objects.filter(gebruiker__username=gebruikersnaam, rolsoort=rolsoort)
        .select_related("gebruiker", "school", "samenwerkingsverband")
        .first()
    )
    return Actor(gebruiker=rol.gebruiker, rol=rol) if rol else None


def _kandidaten(ib: Actor) -> list[Leerling]:
    """Pupils of the IB's school with a parent with gezag and no running OPP yet."""
    vandaag = timezone.localdate()
    ingeschreven = Exists(
        Inschrijving.objects.filter(
            leerling=OuterRef("pk"), vestiging__school=ib.rol.school
        ).filter(actief_op(vandaag))
    )
    met_gezag = Exists(Ouderschap.objects.filter(leerling=OuterRef("pk"), gezag=True))
    met_opp = Exists(Ontwikkelingsperspectief.objects.filter(leerling=OuterRef("pk")))
    return list(
        Leerling.objects.filter(ingeschreven, met_gezag)
        .exclude(met_opp)
        .exclude(gebruiker__isnull=False)
        .order_by("-geboortedatum", "achternaam", "id")[:12]
    )


def _vastgesteld_opp(ib: Actor, leerling: Leerling, *, zienswijze: str) -> Ontwikkelingsperspectief:
    """A complete OPP (with the parents' consent and the pupil's view), set today."""
    vandaag = timezone.localdate()
    opp = opp_services.opp_starten(
        actor=ib,
        leerling=leerling,
        start_extra_ondersteuning=vandaag - timedelta(days=28),
        route=ROUTE,
    )
    opp = opp_services.opp_bijwerken(
        actor=ib,
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={
            "uitstroombestemming": Uitstroombestemming.VMBO_BB,
            "uitstroomperspectief": "Basisberoepsgericht, met veel structuur en een kleine groep.",
            "onderbouwing": (
                "Ondanks twee jaar extra ondersteuning (eigen leerlijn, time-outplek, begeleiding "
                "door de ambulant begeleider) blijft de ontwikkeling achter en raakt de leerling "
                "in de groep van 28 overvraagd."
            ),
        },
        route=ROUTE,
    )
    opp_services.factor_toevoegen(
        actor=ib,
        opp=opp,
        soort=FactorSoort.BELEMMEREND,
        omschrijving="Raakt snel overprikkeld in een grote groep; werkt dan niet meer.",
        route=ROUTE,
    )
    opp_services.factor_toevoegen(
        actor=ib,
        opp=opp,
        soort=FactorSoort.BEVORDEREND,
        omschrijving="Werkt goed een-op-een en met een vaste dagplanning.",
        route=ROUTE,
    )
    opp_services.doel_toevoegen(
        actor=ib,
        opp=opp,
        doel="Werkt 20 minuten zelfstandig aan een taak.",
        aanpak="Taakkaart met pictogrammen, vaste werkplek, time-timer.",
        door_wie="Leerkracht en onderwijsassistent",
        frequentie="Dagelijks",
        van=vandaag - timedelta(days=28),
        tot=vandaag + timedelta(days=150),
        evaluatiewijze="Observatie en gesprek met ouders en leerling na 10 weken.",
        afwijking_programma="Minder groepswerk; extra rustmomenten.",
        route=ROUTE,
    )
    opp_services.overleg_vastleggen(
        actor=ib,
        opp=opp,
        datum=vandaag - timedelta(days=14),
        deelnemers="Ouders, leerkracht, intern begeleider",
        samenvatting="Ouders herkennen het beeld en vinden een kleinere school passend.",
        route=ROUTE,
    )
    stem = opp_services.leerlingstem_vastleggen(
        actor=ib,
        opp=opp,
        wat_gaat_goed="Tekenen en rekenen.",
        wat_is_moeilijk="Het is vaak te druk in de klas.",
        wat_wil_ik="Een klas waar het rustig is.",
        hoorwijze=Hoorwijze.GESPREK,
        route=ROUTE,
    )
    opp_services.reactie_op_leerlingstem(
        actor=ib,
        stem=stem,
        reactie="We zoeken samen met je ouders een school met kleinere klassen.",
        route=ROUTE,
    )
    ouder = Ouderschap.objects.filter(leerling=leerling, gezag=True).select_related("ouder").first()
    assert ouder is not None
    opp = Ontwikkelingsperspectief.objects.get(pk=opp.pk)
    opp_services.instemming_op_papier_vastleggen(
        actor=ib,
        opp=opp,
        door=ouder.ouder,
        besluit=OppBesluit.GEGEVEN,
        datum=vandaag - timedelta(days=14),
        toelichting=zienswijze,
        route=ROUTE,
    )
    return opp_services.opp_vaststellen(actor=ib, opp=opp, route=ROUTE)


def _pool(loket: Actor, deskundige_gebruiker: Any) -> dict[str, Deskundige]:
    pool = {
        "ortho": ("drs. Anouk de Wit", "orthopedagoog", deskundige_gebruiker, None),
        "psycholoog": ("Mira Yilmaz", "psycholoog", None, None),
        "arts": ("dr. Joost Bakker", "jeugdarts", None, None),
        "mw": ("Sandra Pinas", "maatschappelijk werker", None, None),
        "collega": ("Els Jansen", "orthopedagoog", None, _school_van_ib(SCHOOL)),
    }
    return {
        sleutel: services.deskundige_toevoegen(
            actor=loket, naam=naam, beroep=beroep, gebruiker=gebruiker, school=school
        )
        for sleutel, (naam, beroep, gebruiker, school) in pool.items()
    }


def _school_van_ib(sleutel: str) -> Any:
    ib = Rol.objects.filter(gebruiker__username=f"ib.{sleutel}").select_related("school").first()
    return ib.school if ib else None


def _behandel(
    *,
    tlv: Toelaatbaarheidsverklaring,
    loket: Actor,
    deskundige: Actor,
    commissie: Actor,
    pool: dict[str, Deskundige],
    compleet_op: date,
    tweede: str | None,
    besluit: dict[str, Any] | None,
) -> Toelaatbaarheidsverklaring:
    tlv = services.tlv_compleet_verklaren(
        actor=loket, tlv=tlv, compleet_op=compleet_op, route=ROUTE
    )
    services.advies_vastleggen(
        actor=deskundige,
        tlv=tlv,
        deskundige=pool["ortho"],
        conclusie="toelaatbaar"
        if besluit is None or besluit["besluit"] == "toegekend"
        else "niet_toelaatbaar",
        toelichting=(
            "Dossieronderzoek en observatie op school: de ondersteuningsbehoefte overstijgt wat "
            "de school met extra ondersteuning kan bieden."
            if besluit is None or besluit["besluit"] == "toegekend"
            else "Met een arrangement in de eigen school is de ondersteuning haalbaar."
        ),
        datum=compleet_op,
        route=ROUTE,
    )
    if tweede is not None:
        services.advies_vastleggen(
            actor=loket,
            tlv=tlv,
            deskundige=pool[tweede],
            conclusie="toelaatbaar"
            if besluit is None or besluit["besluit"] == "toegekend"
            else "niet_toelaatbaar",
            toelichting="Gesprek met ouders en leerling; sluit aan bij het advies van de orthopedagoog.",
            datum=compleet_op,
            route=ROUTE,
        )
    if besluit is not None:
        tlv = services.tlv_besluiten(actor=commissie, tlv=tlv, route=ROUTE, **besluit)
    return tlv


def _buurgemeente(po: Samenwerkingsverband) -> Gemeente | None:
    """A municipality in the neighbouring SWV's werkgebied (created when it has none)."""
    buren = Samenwerkingsverband.objects.filter(code=SWV_BUREN.code).first()
    if buren is None:
        return None
    eigen = po.werkgebied.values("pk")
    gemeente = buren.werkgebied.exclude(pk__in=eigen).order_by("code").first()
    if gemeente is None:
        gemeente, _ = Gemeente.objects.get_or_create(
            code=BUURGEMEENTE[0], defaults={"naam": BUURGEMEENTE[1]}
        )
        buren.werkgebied.add(gemeente)
    return gemeente


def demo_tlv_opslaan(meld: Callable[[str], None]) -> int:
    """Create the demo deskundigen pool and TLVs; returns how many TLVs."""
    ib = _actor(f"ib.{SCHOOL}", Rolsoort.INTERN_BEGELEIDER)
    loket = _actor("loket.po", Rolsoort.LOKET)
    deskundige = _actor("deskundige.po", Rolsoort.DESKUNDIGE)
    commissie = _actor("commissielid.po", Rolsoort.COMMISSIELID)
    directeur = _actor("directeur.po", Rolsoort.DIRECTEUR)
    po = Samenwerkingsverband.objects.filter(code=SWV_PO.code).first()
    if None in (ib, loket, deskundige, commissie, directeur, po):
        meld("  TLV's overgeslagen: de demogebruikers van het SWV PO ontbreken")
        return 0
    assert ib and loket and deskundige and commissie and directeur and po
    vandaag = timezone.localdate()
    services.regeling_opslaan(
        actor=directeur,
        versie="",
        tweede_deskundigen=[
            "orthopedagoog",
            "psycholoog",
            "kinder- en jeugdpsychiater",
            "jeugdarts",
            "maatschappelijk werker",
        ],
        categorie_labels=["laag", "midden", "hoog"],
        minimale_duur_maanden=12,
        maximale_duur_maanden=None,
        einde_signaal_maanden=6,
        bezwaar_indienen_bij=f"het bestuur van {po.naam}, Postbus 2899, 4140 AA Lingebroek",
        bezwaaradviescommissie="de Landelijke Bezwaaradviescommissie TLV (LBT)",
    )
    services.vraag_toevoegen(
        actor=directeur,
        tekst="Welke scholen voor speciaal (basis)onderwijs hebben de ouders al bekeken?",
        toelichting="Noem de scholen en wat de ouders ervan vonden.",
        verplicht=True,
    )
    services.vraag_toevoegen(
        actor=directeur,
        tekst="Is er jeugdhulp betrokken bij de leerling? Zo ja, welke?",
        verplicht=False,
    )
    pool = _pool(loket, deskundige.gebruiker)
    leerlingen = _kandidaten(ib)
    if len(leerlingen) < 7:
        meld(f"  TLV's overgeslagen: te weinig leerlingen op {SCHOOL}")
        return 0
    gemeen: dict[str, Any] = {
        "loket": loket,
        "deskundige": deskundige,
        "commissie": commissie,
        "pool": pool,
    }

    def aanvraag(
        leerling: Leerling, soort: str, ontvangen_op: date, *, beantwoorden: bool = True
    ) -> Toelaatbaarheidsverklaring:
        opp = _vastgesteld_opp(
            ib,
            leerling,
            zienswijze="Wij zien dat onze zoon vastloopt en willen een kleinere school.",
        )
        tlv = services.tlv_aanvragen(
            actor=ib,
            opp=opp,
            soort=soort,
            toelichting="Ouders en school zijn het eens over de aanvraag.",
            ontvangen_op=ontvangen_op,
            route=ROUTE,
        )
        vragen = list(extra_vragen_van(samenwerkingsverband_id=tlv.verantwoordelijk_swv_id))
        if beantwoorden and vragen:
            services.antwoorden_vastleggen(
                actor=ib,
                tlv=tlv,
                antwoorden={
                    vraag.pk: (
                        "De ouders bezochten De Regenboog (sbo) en De Wissel (so); zij kiezen "
                        "voor de kleinere groepen van De Regenboog."
                        if vraag.verplicht
                        else "Ja: een gezinscoach van het wijkteam, sinds vorig schooljaar."
                    )
                    for vraag in vragen
                },
                route=ROUTE,
            )
        return tlv

    def toekennen(
        soort: str, categorie: int | None, ingang: date, besluit_op: date
    ) -> dict[str, Any]:
        return {
            "besluit": "toegekend",
            "schoolsoort": soort,
            "bekostigingscategorie": categorie,
            "ingangsdatum": ingang,
            "einddatum": minimale_einddatum(ingang, 12),
            "besluit_op": besluit_op,
            "motivering": (
                "Beide deskundigen adviseren toelaatbaarheid. De school heeft de mogelijkheden "
                "van extra ondersteuning benut; de leerling heeft een kleinere, meer "
                "gestructureerde omgeving nodig."
            ),
        }

    aantal = 0
    # 1. Just submitted: the school has not answered the extra questions yet.
    aanvraag(leerlingen[0], "sbo", vandaag, beantwoorden=False)
    aantal += 1
    # 2. Complete, with one advice: waiting for the second deskundige.
    tlv = aanvraag(leerlingen[1], "so", vandaag - timedelta(days=16))
    _behandel(tlv=tlv, compleet_op=vandaag - timedelta(days=9), tweede=None, besluit=None, **gemeen)
    aantal += 1
    # 3. Granted (sbo), with a bezwaar of the board whose advice request is overdue.
    tlv = aanvraag(leerlingen[2], "sbo", vandaag - timedelta(days=70))
    besluit_op = vandaag - timedelta(days=35)
    tlv = _behandel(
        tlv=tlv,
        compleet_op=vandaag - timedelta(days=56),
        tweede="psycholoog",
        besluit=toekennen("sbo", None, besluit_op + timedelta(days=7), besluit_op),
        **gemeen,
    )
    services.bezwaar_vastleggen(
        actor=loket,
        tlv=tlv,
        indiener="schoolbestuur",
        ingediend_op=vandaag - timedelta(days=20),
        omschrijving="Het bestuur vraagt so in plaats van sbo.",
        route=ROUTE,
    )
    aantal += 1
    # 4. Granted (so, categorie 2) ending soon, with a verlenging requested.
    ingang = maanden_erbij(vandaag, -10)
    tlv = aanvraag(leerlingen[3], "so", ingang - timedelta(days=60))
    tlv = _behandel(
        tlv=tlv,
        compleet_op=ingang - timedelta(days=45),
        tweede="arts",
        besluit=toekennen("so", 2, ingang, ingang - timedelta(days=20)),
        **gemeen,
    )
    services.tlv_verlenging_aanvragen(
        actor=ib,
        tlv=tlv,
        soort="so",
        toelichting="De ondersteuningsbehoefte is gelijk gebleven.",
        route=ROUTE,
    )
    aantal += 2
    # 5. Granted (sbo) ending soon, no verlenging yet.
    ingang = maanden_erbij(vandaag, -11)
    tlv = aanvraag(leerlingen[4], "sbo", ingang - timedelta(days=50))
    _behandel(
        tlv=tlv,
        compleet_op=ingang - timedelta(days=40),
        tweede="mw",
        besluit=toekennen("sbo", None, ingang, ingang - timedelta(days=14)),
        **gemeen,
    )
    aantal += 1
    # 6. Refused; the parents objected, the LBT advised, the bezwaar was judged ongegrond.
    tlv = aanvraag(leerlingen[5], "sbo", vandaag - timedelta(days=120))
    besluit_op = vandaag - timedelta(days=90)
    tlv = _behandel(
        tlv=tlv,
        compleet_op=vandaag - timedelta(days=110),
        tweede="arts",
        besluit={
            "besluit": "afgewezen",
            "besluit_op": besluit_op,
            "motivering": (
                "De deskundigen adviseren een arrangement in de eigen school; dat is nog niet "
                "geprobeerd."
            ),
        },
        **gemeen,
    )
    bezwaar = services.bezwaar_vastleggen(
        actor=loket,
        tlv=tlv,
        indiener="ouders",
        ingediend_op=besluit_op + timedelta(days=20),
        omschrijving="De ouders vinden dat de school alles al heeft geprobeerd.",
        route=ROUTE,
    )
    services.bezwaar_advies_gevraagd(
        actor=loket, bezwaar=bezwaar, adviesaanvraag_op=besluit_op + timedelta(days=27), route=ROUTE
    )
    services.bezwaar_advies_ontvangen(
        actor=loket,
        bezwaar=bezwaar,
        advies_ontvangen_op=besluit_op + timedelta(days=60),
        advies="De LBT adviseert het bezwaar ongegrond te verklaren.",
        route=ROUTE,
    )
    services.bezwaar_beslissen(
        actor=directeur,
        bezwaar=bezwaar,
        uitkomst="ongegrond",
        uitkomst_op=besluit_op + timedelta(days=70),
        toelichting="Het SWV volgt het advies van de LBT; eerst een arrangement.",
        route=ROUTE,
    )
    aantal += 1
    # 7. Grensverkeer: the pupil lives in the neighbouring SWV's area.
    gemeente = _buurgemeente(po)
    if gemeente is not None:
        leerling = leerlingen[6]
        leerling_services.leerling_wijzigen(
            actor=ib,
            leerling=leerling,
            versie=leerling.gewijzigd_op.isoformat(),
            wijzigingen={"woongemeente": gemeente},
            route=ROUTE,
        )
        tlv = aanvraag(Leerling.objects.get(pk=leerling.pk), "sbo", vandaag - timedelta(days=42))
        _behandel(
            tlv=tlv,
            compleet_op=vandaag - timedelta(days=35),
            tweede="arts",
            besluit=toekennen("sbo", None, vandaag, vandaag - timedelta(days=7)),
            **gemeen,
        )
        aantal += 1
    # 8. Granted (sbo); the board objected, the bezwaar was judged gegrond, and the SWV
    #    revised the decision (beslissing op bezwaar: so, categorie 1); the first stays visible.
    if len(leerlingen) > 7:
        besluit_op = vandaag - timedelta(days=100)
        tlv = aanvraag(leerlingen[7], "sbo", vandaag - timedelta(days=130))
        tlv = _behandel(
            tlv=tlv,
            compleet_op=vandaag - timedelta(days=120),
            tweede="psycholoog",
            besluit=toekennen("sbo", None, besluit_op + timedelta(days=7), besluit_op),
            **gemeen,
        )
        bezwaar = services.bezwaar_vastleggen(
            actor=loket,
            tlv=tlv,
            indiener="schoolbestuur",
            ingediend_op=besluit_op + timedelta(days=14),
            omschrijving="Het bestuur vindt so passender: de leerling heeft zorg in de klas nodig.",
            route=ROUTE,
        )
        services.bezwaar_advies_gevraagd(
            actor=loket,
            bezwaar=bezwaar,
            adviesaanvraag_op=besluit_op + timedelta(days=21),
            route=ROUTE,
        )
        services.bezwaar_advies_ontvangen(
            actor=loket,
            bezwaar=bezwaar,
            advies_ontvangen_op=besluit_op + timedelta(days=50),
            advies="De LBT adviseert het bezwaar gegrond te verklaren: so met categorie 1.",
            route=ROUTE,
        )
        services.bezwaar_beslissen(
            actor=directeur,
            bezwaar=bezwaar,
            uitkomst="gegrond",
            uitkomst_op=besluit_op + timedelta(days=56),
            toelichting="Het SWV volgt het advies van de LBT.",
            route=ROUTE,
        )
        ingang = besluit_op + timedelta(days=70)
        services.beslissen_op_bezwaar(
            actor=directeur,
            tlv=tlv,
            besluit="toegekend",
            schoolsoort="so",
            bekostigingscategorie=1,
            ingangsdatum=ingang,
            einddatum=minimale_einddatum(ingang, 12),
            beslist_op=besluit_op + timedelta(days=60),
            motivering=(
                "Na het gegronde bezwaar: de leerling heeft de zorg in de klas van het so nodig; "
                "categorie 1 (laag) volstaat volgens beide deskundigen."
            ),
            route=ROUTE,
        )
        aantal += 1
    # 9. Withdrawn by the school before the decision.
    if len(leerlingen) > 8:
        tlv = aanvraag(leerlingen[8], "so", vandaag - timedelta(days=21))
        services.tlv_intrekken(
            actor=ib,
            tlv=tlv,
            reden="De ouders verhuizen naar een andere regio; de nieuwe school vraagt zelf aan.",
            route=ROUTE,
        )
        aantal += 1
    meld(f"  {aantal} toelaatbaarheidsverklaringen (TLV) en {len(pool)} deskundigen opgeslagen")
    return aantal
