"""Demo OPPs, written through the OPP services (so they are valid and logged as the IB).

At OBS De Zonnebloem: a draft for a child of a parent with a log-in (the parent can give
their view and consent in the portal; the IB then records the pupil's view and sets it), a
set OPP, and an overdue draft. At De Driestroom: a draft for the pupil with a log-in, who
can answer "Wat vind jij?".
"""

from collections.abc import Callable
from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.core.perioden import actief_op
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.ondersteuning import services
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit, FactorSoort, Hoorwijze, Uitstroombestemming

ROUTE = "demo"


def _ib(gebruikersnaam: str) -> Actor | None:
    rol = Rol.objects.filter(
        gebruiker__username=gebruikersnaam, rolsoort=Rolsoort.INTERN_BEGELEIDER
    ).first()
    return Actor(gebruiker=rol.gebruiker, rol=rol) if rol else None


def _ingeschreven_bij(ib: Actor) -> Exists:
    return Exists(
        Inschrijving.objects.filter(
            leerling=OuterRef("pk"), vestiging__school=ib.rol.school
        ).filter(actief_op(timezone.localdate()))
    )


def _leerlingen_van(ib: Actor) -> list[Leerling]:
    return list(Leerling.objects.filter(_ingeschreven_bij(ib)).order_by("achternaam", "id"))


def _invullen(
    ib: Actor, opp: Ontwikkelingsperspectief, bestemming: str
) -> Ontwikkelingsperspectief:
    opp = services.opp_bijwerken(
        actor=ib,
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={
            "uitstroombestemming": bestemming,
            "uitstroomperspectief": "Met extra hulp bij lezen en plannen haalbaar.",
            "onderbouwing": (
                "Toetsgegevens van de afgelopen twee jaar en observaties in de klas laten een "
                "stabiele groei zien bij rekenen en een achterstand bij technisch lezen."
            ),
        },
        route=ROUTE,
    )
    services.factor_toevoegen(
        actor=ib,
        opp=opp,
        soort=FactorSoort.BELEMMEREND,
        omschrijving="Leest langzaam en raadt woorden.",
        route=ROUTE,
    )
    services.factor_toevoegen(
        actor=ib,
        opp=opp,
        soort=FactorSoort.BEVORDEREND,
        omschrijving="Is gemotiveerd en vraagt om hulp.",
        route=ROUTE,
    )
    begin = timezone.localdate()
    services.doel_toevoegen(
        actor=ib,
        opp=opp,
        doel="Leest teksten op het eigen niveau vloeiend voor.",
        aanpak="Leesgroep van vier leerlingen met herhaald lezen.",
        door_wie="Remedial teacher",
        frequentie="Twee keer per week, 30 minuten",
        van=begin,
        tot=begin + timedelta(days=180),
        evaluatiewijze="Leestoets na 20 weken; gesprek met ouders en leerling.",
        route=ROUTE,
    )
    services.overleg_vastleggen(
        actor=ib,
        opp=opp,
        datum=begin,
        deelnemers="Ouders, mentor, intern begeleider",
        samenvatting="Plan besproken; de ouders herkennen het beeld en denken mee over thuis lezen.",
        route=ROUTE,
    )
    return opp


def _ouder_met_gezag(leerling: Leerling) -> Ouderschap | None:
    return Ouderschap.objects.filter(leerling=leerling, gezag=True).select_related("ouder").first()


def demo_opps_opslaan(meld: Callable[[str], None]) -> int:
    """Create the demo OPPs; returns how many."""
    aantal = 0
    ib = _ib("ib.dezonnebloem")
    if ib is not None:
        leerlingen = _leerlingen_van(ib)
        met_ouderlogin = [
            lln
            for lln in leerlingen
            if Ouderschap.objects.filter(
                leerling=lln, gezag=True, ouder__username__startswith="ouder."
            ).exists()
        ]
        overige = [lln for lln in leerlingen if lln not in met_ouderlogin]
        if met_ouderlogin:
            concept = services.opp_starten(
                actor=ib,
                leerling=met_ouderlogin[0],
                start_extra_ondersteuning=timezone.localdate(),
                route=ROUTE,
            )
            _invullen(ib, concept, Uitstroombestemming.VMBO_KB)
            aantal += 1
        if len(overige) >= 2:
            vast = services.opp_starten(
                actor=ib,
                leerling=overige[0],
                start_extra_ondersteuning=timezone.localdate() - timedelta(days=30),
                route=ROUTE,
            )
            vast = _invullen(ib, vast, Uitstroombestemming.HAVO)
            stem = services.leerlingstem_vastleggen(
                actor=ib,
                opp=vast,
                wat_gaat_goed="Rekenen en gym.",
                wat_is_moeilijk="Lange teksten lezen.",
                wat_wil_ik="Meer tijd bij toetsen.",
                hoorwijze=Hoorwijze.SAMEN,
                route=ROUTE,
            )
            services.reactie_op_leerlingstem(
                actor=ib,
                stem=stem,
                reactie="Bij toetsen krijg je 15 minuten extra tijd.",
                route=ROUTE,
            )
            ouder = _ouder_met_gezag(overige[0])
            if ouder is not None:
                services.instemming_op_papier_vastleggen(
                    actor=ib,
                    opp=vast,
                    door=ouder.ouder,
                    besluit=Besluit.GEGEVEN,
                    datum=timezone.localdate(),
                    route=ROUTE,
                )
                services.opp_vaststellen(actor=ib, opp=vast, route=ROUTE)
            aantal += 1
            services.opp_starten(
                actor=ib,
                leerling=overige[1],
                start_extra_ondersteuning=timezone.localdate() - timedelta(weeks=10),
                route=ROUTE,
            )
            aantal += 1
    ib_vo = _ib("ib.dedriestroom")
    if ib_vo is not None:
        leerling = Leerling.objects.filter(
            _ingeschreven_bij(ib_vo), gebruiker__isnull=False
        ).first()
        if leerling is not None:
            concept = services.opp_starten(
                actor=ib_vo,
                leerling=leerling,
                start_extra_ondersteuning=timezone.localdate(),
                route=ROUTE,
            )
            _invullen(ib_vo, concept, Uitstroombestemming.VMBO_GT)
            aantal += 1
    meld(f"  {aantal} ontwikkelingsperspectieven (OPP) opgeslagen")
    return aantal
