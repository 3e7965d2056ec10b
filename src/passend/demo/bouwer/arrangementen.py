"""Demo arrangement requests, in every state, written through the services of the OPP and
the arrangement apps (so they are valid, and logged as the people who did the work).

Each request rests on a vastgesteld OPP that is drawn up here first, for a pupil without an
OPP: at OBS De Zonnebloem and De Brug (primary, SWV Passend Primair Lingebroek: the loket,
a commissielid and the directeur act) and at De Driestroom (secondary, only the VO loket
logs in). The states: new (a few days old), incomplete (the school must complete it),
complete (waiting for the commission), decided (granted, partly granted, refused; one of
them after a round of completion) and withdrawn. Where a parent with a log-in has a child
without an OPP at one of these schools, that child gets a request (decided, if the school
is in the primary SWV), so the parents' page shows it.

Dates are counted back from today (``timezone.localdate()``): the requests get a history
of days and weeks. The services date a step with ``op``; the OPP services date setting an
OPP and the pupil's view today, so those few dates are set back directly afterwards. That
is seeding (like ``opslaan``), not a business process: it keeps every date in the right
order (the OPP is set before the request is made).

The vastgesteld OPP that ``opps`` makes at De Zonnebloem is left without a request, so a
demo user can request an arrangement from it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TypedDict

from django.db.models import Exists, OuterRef
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.arrangementen import services as arrangementen
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.rules import Besluit
from passend.core.perioden import actief_op
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.ondersteuning import services as opp_services
from passend.ondersteuning.models import Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit as Instemming
from passend.ondersteuning.rules import FactorSoort, Hoorwijze, Uitstroombestemming

ROUTE = "demo"


@dataclass(frozen=True)
class Geval:
    """One demo request: at which school, how it went, and how many days ago each step was."""

    school: str  # the intern begeleider's user name
    loket: str
    ondersteuning: str
    bedrag: Decimal
    toelichting: str
    ontvangen: int  # days ago
    onvolledig: int | None = None
    aangevuld: int | None = None
    compleet: int | None = None
    besluit: str = ""
    besloten: int | None = None
    beslisser: str = ""
    redenen: str = ""
    ingetrokken: int | None = None
    voorkeur_ouderlogin: bool = False


class Toekenning(TypedDict, total=False):
    """What a (partly) granted request gets (passed on to ``services.besluit_nemen``)."""

    toegekend_bedrag: Decimal
    toegekend_van: date
    toegekend_tot: date


ZONNEBLOEM, BRUG, DRIESTROOM = "ib.dezonnebloem", "ib.debrug", "ib.dedriestroom"

GEVALLEN = (
    Geval(
        ZONNEBLOEM,
        "loket.po",
        "Ambulante begeleiding bij lezen door een specialist van het steunpunt, 2 uur per week, "
        "en een training voor de leerkracht.",
        Decimal("4800.00"),
        "De leesachterstand groeit ondanks twee jaar extra hulp binnen de basisondersteuning. "
        "Het OPP laat zien dat intensieve, specialistische begeleiding nodig is.",
        ontvangen=45,
        compleet=38,
        besluit=Besluit.TOEGEKEND,
        besloten=24,
        beslisser="commissielid.po",
        redenen="De aanvraag past bij de criteria van het ondersteuningsplan: de "
        "basisondersteuning is aantoonbaar ingezet en het OPP onderbouwt de extra begeleiding.",
        voorkeur_ouderlogin=True,
    ),
    Geval(
        ZONNEBLOEM,
        "loket.po",
        "Onderwijsassistent in de groep, 6 uur per week, voor begeleiding bij plannen en "
        "werkhouding.",
        Decimal("9600.00"),
        "De leerling raakt in grote groepen het overzicht kwijt; de aanpak in het "
        "handelingsdeel vraagt meer handen in de klas.",
        ontvangen=60,
        onvolledig=55,
        aangevuld=48,
        compleet=45,
        besluit=Besluit.DEELS,
        besloten=30,
        beslisser="commissielid.po",
        redenen="Toegekend voor 4 uur per week tot de kerstvakantie; daarna evalueren wij "
        "met de school en de ouders of meer nodig is.",
    ),
    Geval(
        BRUG,
        "loket.po",
        "Extra rekenbegeleiding buiten de groep, 3 uur per week.",
        Decimal("3900.00"),
        "Rekenen blijft achter bij de andere vakken.",
        ontvangen=40,
        compleet=35,
        besluit=Besluit.AFGEWEZEN,
        besloten=20,
        beslisser="directeur.po",
        redenen="Rekenbegeleiding van deze omvang hoort bij de basisondersteuning van de "
        "school. Het steunpunt denkt graag mee over de aanpak in de groep.",
    ),
    Geval(
        ZONNEBLOEM,
        "loket.po",
        "Observatie en handelingsadvies door een orthopedagoog, en coaching van de leerkracht.",
        Decimal("2400.00"),
        "Het gedrag in de groep is na de zomer veranderd; de school wil gericht advies.",
        ontvangen=14,
        compleet=9,
    ),
    Geval(
        BRUG,
        "loket.po",
        "Begeleiding door een taal-spraakspecialist, 1 uur per week.",
        Decimal("2100.00"),
        "De spraak-taalontwikkeling loopt achter.",
        ontvangen=10,
        onvolledig=6,
    ),
    Geval(
        ZONNEBLOEM,
        "loket.po",
        "Een aangepaste werkplek en een time-outplek in de school, met begeleiding.",
        Decimal("1750.00"),
        "Zonder rustige werkplek lukt het de leerling niet om de les te volgen.",
        ontvangen=3,
    ),
    Geval(
        BRUG,
        "loket.po",
        "Ambulante begeleiding bij gedrag, 2 uur per week.",
        Decimal("5200.00"),
        "Zie het OPP.",
        ontvangen=30,
        ingetrokken=25,
    ),
    Geval(
        DRIESTROOM,
        "loket.vo",
        "Coaching door een begeleider passend onderwijs, 2 uur per week, gericht op plannen "
        "en het huiswerk.",
        Decimal("3600.00"),
        "De leerling loopt vast bij zelfstandig werken in de bovenbouw.",
        ontvangen=5,
    ),
    Geval(
        DRIESTROOM,
        "loket.vo",
        "Een aangepast rooster met een vaste plek in het ondersteuningslokaal.",
        Decimal("2800.00"),
        "Na een lange periode van ziekte bouwt de leerling het rooster weer op.",
        ontvangen=20,
        compleet=12,
        voorkeur_ouderlogin=True,
    ),
)


def _actor(gebruikersnaam: str) -> Actor | None:
    rol = (
        Rol.objects.filter(gebruiker__username=gebruikersnaam, tot__isnull=True)
        .select_related("gebruiker", "school", "samenwerkingsverband")
        .first()
    )
    return Actor(gebruiker=rol.gebruiker, rol=rol) if rol else None


def _kandidaten(ib: Actor, vandaag: date) -> list[Leerling]:
    """Pupils of the school under 17 (the parents consent) without any OPP, with a parent
    with gezag; those whose parent logs in first."""
    zonder_opp = ~Exists(Ontwikkelingsperspectief.objects.filter(leerling=OuterRef("pk")))
    met_gezag = Exists(Ouderschap.objects.filter(leerling=OuterRef("pk"), gezag=True))
    ingeschreven = Exists(
        Inschrijving.objects.filter(
            leerling=OuterRef("pk"), vestiging__school=ib.rol.school
        ).filter(actief_op(vandaag))
    )
    ouderlogin = Exists(
        Ouderschap.objects.filter(
            leerling=OuterRef("pk"), gezag=True, ouder__rollen__rolsoort=Rolsoort.OUDER
        )
    )
    return list(
        Leerling.objects.filter(ingeschreven, zonder_opp, met_gezag)
        .filter(geboortedatum__gt=vandaag - timedelta(days=17 * 365))
        .annotate(ouderlogin=ouderlogin)
        .order_by("-ouderlogin", "achternaam", "id")
    )


def _vastgesteld_opp(ib: Actor, leerling: Leerling, vastgesteld: date) -> Ontwikkelingsperspectief:
    """A complete OPP through the OPP services, set on ``vastgesteld``."""
    opp = opp_services.opp_starten(
        actor=ib,
        leerling=leerling,
        start_extra_ondersteuning=vastgesteld - timedelta(days=35),
        route=ROUTE,
    )
    opp = opp_services.opp_bijwerken(
        actor=ib,
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={
            "uitstroombestemming": Uitstroombestemming.VMBO_KB,
            "uitstroomperspectief": "Met extra begeleiding haalbaar.",
            "onderbouwing": "Toetsgegevens van twee jaar en observaties in de groep laten "
            "zien dat de basisondersteuning niet genoeg is.",
        },
        route=ROUTE,
    )
    for soort, tekst in (
        (FactorSoort.BELEMMEREND, "Raakt snel het overzicht kwijt en leest langzaam."),
        (FactorSoort.BEVORDEREND, "Is gemotiveerd en heeft steun van thuis."),
    ):
        opp_services.factor_toevoegen(
            actor=ib, opp=opp, soort=soort, omschrijving=tekst, route=ROUTE
        )
    opp_services.doel_toevoegen(
        actor=ib,
        opp=opp,
        doel="Werkt 20 minuten zelfstandig aan een taak met een stappenplan.",
        aanpak="Begeleiding in een klein groepje, met een vast stappenplan.",
        door_wie="Specialist van het steunpunt",
        frequentie="Twee keer per week",
        van=vastgesteld - timedelta(days=20),
        tot=vastgesteld + timedelta(days=240),
        evaluatiewijze="Observatie en gesprek na 12 weken.",
        route=ROUTE,
    )
    opp_services.overleg_vastleggen(
        actor=ib,
        opp=opp,
        datum=vastgesteld - timedelta(days=14),
        deelnemers="Ouders, leerkracht, intern begeleider",
        samenvatting="Het plan besproken; de ouders herkennen het beeld en willen extra hulp.",
        route=ROUTE,
    )
    stem = opp_services.leerlingstem_vastleggen(
        actor=ib,
        opp=opp,
        wat_gaat_goed="Gym en tekenen.",
        wat_is_moeilijk="Lang stilzitten en lezen.",
        wat_wil_ik="Iemand die helpt als ik vastloop.",
        hoorwijze=Hoorwijze.SAMEN,
        route=ROUTE,
    )
    opp_services.reactie_op_leerlingstem(
        actor=ib,
        stem=stem,
        reactie="We vragen het samenwerkingsverband om iemand die je in de klas helpt.",
        route=ROUTE,
    )
    ouder = Ouderschap.objects.filter(leerling=leerling, gezag=True).select_related("ouder").first()
    if ouder is None:  # the candidates all have one
        raise ValueError(f"{leerling} heeft geen ouder met gezag")
    opp_services.instemming_op_papier_vastleggen(
        actor=ib,
        opp=opp,
        door=ouder.ouder,
        besluit=Instemming.GEGEVEN,
        datum=vastgesteld - timedelta(days=10),
        route=ROUTE,
    )
    opp = opp_services.opp_vaststellen(actor=ib, opp=opp, route=ROUTE)
    # The OPP services date these today; set them back (see the module docstring).
    Leerlingstem.objects.filter(pk=stem.pk).update(
        datum=vastgesteld - timedelta(days=12), reactie_op=vastgesteld - timedelta(days=11)
    )
    Ontwikkelingsperspectief.objects.filter(pk=opp.pk).update(
        vastgesteld_op=vastgesteld,
        volgende_evaluatie=vastgesteld.replace(year=vastgesteld.year + 1),
    )
    opp.refresh_from_db()
    return opp


def _geval_opslaan(
    geval: Geval, ib: Actor, leerling: Leerling, vandaag: date
) -> Arrangementaanvraag:
    def dag(dagen: int) -> date:
        return vandaag - timedelta(days=dagen)

    ontvangen = dag(geval.ontvangen)
    opp = _vastgesteld_opp(ib, leerling, ontvangen - timedelta(days=7))
    aanvraag = arrangementen.aanvraag_indienen(
        actor=ib,
        opp=opp,
        ondersteuning=geval.ondersteuning,
        van=ontvangen + timedelta(days=14),
        tot=ontvangen + timedelta(days=240),
        bedrag=geval.bedrag,
        toelichting=geval.toelichting,
        route=ROUTE,
        op=ontvangen,
    )
    loket = _actor(geval.loket)
    if loket is None:
        return aanvraag
    if geval.onvolledig is not None:
        aanvraag = arrangementen.onvolledig_verklaren(
            actor=loket,
            aanvraag=aanvraag,
            ontbreekt="Het verslag van het laatste onderzoek ontbreekt; voeg de uitkomsten "
            "toe aan de motivering.",
            route=ROUTE,
            op=dag(geval.onvolledig),
        )
    if geval.aangevuld is not None:
        aanvraag = arrangementen.aanvraag_aanvullen(
            actor=ib,
            aanvraag=aanvraag,
            aanvulling="De uitkomsten van het onderzoek staan nu in de motivering.",
            ondersteuning=aanvraag.ondersteuning,
            van=aanvraag.van,
            tot=aanvraag.tot,
            bedrag=aanvraag.bedrag,
            toelichting=aanvraag.toelichting
            + " Onderzoek (september): werkhouding en planning zijn de kern van het probleem.",
            route=ROUTE,
            op=dag(geval.aangevuld),
        )
    if geval.compleet is not None:
        aanvraag = arrangementen.compleet_verklaren(
            actor=loket, aanvraag=aanvraag, route=ROUTE, op=dag(geval.compleet)
        )
    beslisser = _actor(geval.beslisser) if geval.beslisser else None
    if geval.besluit and geval.besloten is not None and beslisser is not None:
        toegekend: Toekenning = {}
        if geval.besluit == Besluit.TOEGEKEND:
            toegekend = {
                "toegekend_bedrag": aanvraag.bedrag,
                "toegekend_van": aanvraag.van,
                "toegekend_tot": aanvraag.tot,
            }
        elif geval.besluit == Besluit.DEELS:
            toegekend = {
                "toegekend_bedrag": (aanvraag.bedrag * Decimal("0.6")).quantize(Decimal("0.01")),
                "toegekend_van": aanvraag.van,
                "toegekend_tot": aanvraag.van + timedelta(days=120),
            }
        aanvraag = arrangementen.besluit_nemen(
            actor=beslisser,
            aanvraag=aanvraag,
            besluit=geval.besluit,
            redenen=geval.redenen,
            route=ROUTE,
            op=dag(geval.besloten),
            **toegekend,
        )
    if geval.ingetrokken is not None:
        aanvraag = arrangementen.aanvraag_intrekken(
            actor=ib,
            aanvraag=aanvraag,
            reden="De ouders en de school kozen samen voor een andere aanpak binnen de school.",
            route=ROUTE,
            op=dag(geval.ingetrokken),
        )
    return aanvraag


def demo_arrangementen_opslaan(meld: Callable[[str], None]) -> int:
    """Create the demo arrangement requests; returns how many."""
    vandaag = timezone.localdate()
    kandidaten: dict[str, list[Leerling]] = {}
    aantal = 0
    for geval in GEVALLEN:
        ib = _actor(geval.school)
        if ib is None:
            continue
        if geval.school not in kandidaten:
            kandidaten[geval.school] = _kandidaten(ib, vandaag)
        lijst = kandidaten[geval.school]
        if not lijst:
            continue
        # The pupils whose parent logs in come first: they go to the case that wants one.
        index = (
            0
            if geval.voorkeur_ouderlogin
            else next(
                (i for i, lln in enumerate(lijst) if not getattr(lln, "ouderlogin", False)), 0
            )
        )
        leerling = lijst.pop(index)
        _geval_opslaan(geval, ib, leerling, vandaag)
        aantal += 1
    meld(f"  {aantal} arrangementaanvragen opgeslagen")
    return aantal
