"""Demo disagreements at OBS De Zonnebloem (recorded by its IB through the geschillen
services) at every step of the route, and Veilig Thuis reports (one confirmed during an open
disagreement) through the Veilig Thuis service.

The school records each disagreement with the day it began (2 to 30 weeks ago); every step
begins one to three weeks after the previous one and, when it is finished, ends a week
later, so the histories are spread over time as they are in practice."""

import random
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.demo.bouwer.verzuim_en_geschillen.actoren import ROUTE, actor, ingeschreven
from passend.geschillen.models import Onenigheid, Routestap
from passend.geschillen.rules import Onderwerp, Stapuitkomst, Status
from passend.geschillen.services.onenigheid import (
    commissie_vastleggen,
    onenigheid_afsluiten,
    onenigheid_starten,
    stap_afronden,
    stap_beginnen,
)
from passend.geschillen.services.veilig_thuis import melding_vastleggen
from passend.leerlingen.models import Ouderschap
from passend.ondersteuning import services as opp_services
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit, FactorSoort, Uitstroombestemming

#: (subject, the steps taken: (code, outcome or "" while running), closed as, description)
ONENIGHEDEN: tuple[tuple[str, tuple[tuple[str, str], ...], str, str], ...] = (
    (
        Onderwerp.OPP,
        (("gesprek-school", ""),),
        "",
        "De ouders stemmen niet in met het handelingsdeel van het OPP: zij willen meer uren "
        "begeleiding in de klas.",
    ),
    (
        Onderwerp.VERWIJDERING,
        (
            ("gesprek-school", Stapuitkomst.NIET_OPGELOST),
            ("schoolbestuur", Stapuitkomst.NIET_OPGELOST),
            ("geschillencommissie", ""),
        ),
        "",
        "Het bestuur besloot de leerling te verwijderen; de ouders vinden dat de school niet "
        "genoeg heeft gedaan.",
    ),
    (
        Onderwerp.ONDERSTEUNING,
        (("gesprek-school", Stapuitkomst.OPGELOST),),
        Status.OPGELOST,
        "De ouders vinden dat de hulp bij rekenen te laat is begonnen.",
    ),
    (
        Onderwerp.ONDERSTEUNING,
        (("gesprek-school", Stapuitkomst.NIET_OPGELOST), ("schoolbestuur", "")),
        "",
        "De ouders willen dat hun kind een eigen begeleider krijgt in de pauzes.",
    ),
    (
        Onderwerp.ONDERSTEUNING,
        (
            ("gesprek-school", Stapuitkomst.NIET_OPGELOST),
            ("schoolbestuur", Stapuitkomst.NIET_OPGELOST),
            ("swv-overleg", ""),
        ),
        "",
        "School en ouders zijn het niet eens over een overstap naar het speciaal basisonderwijs.",
    ),
    (
        Onderwerp.OVERIG,
        (
            ("gesprek-school", Stapuitkomst.NIET_OPGELOST),
            ("swv-overleg", Stapuitkomst.NIET_OPGELOST),
            ("steunpunt-consulent", ""),
        ),
        "",
        "De ouders vinden dat de school te weinig met hen overlegt over het rooster.",
    ),
    (
        Onderwerp.ONDERSTEUNING,
        (("gesprek-school", Stapuitkomst.GESTOPT),),
        Status.GESLOTEN,
        "De ouders wilden een andere aanpak bij lezen; zij zijn gestopt met de route.",
    ),
    (
        Onderwerp.OVERIG,
        (),
        "",
        "De ouders zijn het niet eens met de indeling in een combinatiegroep.",
    ),
)
SIGNALEN = (
    "Komt de laatste weken vaak zonder eten en met vuile kleding naar school; vertelt over "
    "harde ruzies thuis en is bang om naar huis te gaan.",
    "Heeft opnieuw blauwe plekken op de bovenarmen; de uitleg wisselt. Na overleg met de "
    "aandachtsfunctionaris en advies van Veilig Thuis besloten te melden.",
    "Vertelt aan de leerkracht dat een ouder hem slaat als hij te laat thuis is.",
)


@dataclass
class Geschillentelling:
    onenigheden: int = 0
    open: int = 0
    bij_commissie: int = 0
    met_opp: int = 0
    stappen: int = 0
    veilig_thuis: int = 0
    veilig_thuis_tijdens_onenigheid: int = 0


def _opp_met_weigering(ib: Actor, leerling: Any) -> Any:
    """An OPP whose handelingsdeel the parent refused (recorded on paper by the IB)."""
    vandaag = timezone.localdate()
    opp = opp_services.opp_starten(
        actor=ib, leerling=leerling, start_extra_ondersteuning=vandaag, route=ROUTE
    )
    opp = opp_services.opp_bijwerken(
        actor=ib,
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={
            "uitstroombestemming": Uitstroombestemming.VMBO_KB,
            "uitstroomperspectief": "Met extra hulp bij lezen haalbaar.",
            "onderbouwing": "Toetsen en observaties laten een achterstand bij lezen zien.",
        },
        route=ROUTE,
    )
    opp_services.factor_toevoegen(
        actor=ib,
        opp=opp,
        soort=FactorSoort.BELEMMEREND,
        omschrijving="Raakt snel afgeleid in een drukke klas.",
        route=ROUTE,
    )
    ouder = Ouderschap.objects.filter(leerling=leerling, gezag=True).order_by("id").first()
    if ouder is not None:
        opp_services.instemming_op_papier_vastleggen(
            actor=ib,
            opp=opp,
            door=ouder.ouder,
            besluit=Besluit.GEWEIGERD,
            datum=vandaag,
            toelichting="Wij vinden twee uur begeleiding per week te weinig.",
            route=ROUTE,
        )
    return opp


def geschillen_schrijven(*, seed: int, gebruikt: set[int]) -> Geschillentelling:
    rng = random.Random(f"{seed}-geschillen")  # noqa: S311 - synthetic data
    t = Geschillentelling()
    ib = actor("ib.dezonnebloem", Rolsoort.INTERN_BEGELEIDER)
    if ib is None:
        return t
    vandaag = timezone.localdate()
    kandidaten = [
        p
        for p in ingeschreven(vandaag=vandaag, school_id=ib.rol.school_id)
        .exclude(Exists(Ontwikkelingsperspectief.objects.filter(leerling=OuterRef("pk"))))
        .all()[:200]
        if p.pk not in gebruikt
    ]
    leerlingen = rng.sample(kandidaten, min(len(ONENIGHEDEN) + 2, len(kandidaten)))
    gebruikt.update(p.pk for p in leerlingen)
    routestappen = {s.code: s for s in Routestap.objects.filter(samenwerkingsverband=None)}
    open_voor_melding: Onenigheid | None = None
    for (onderwerp, stappen, afsluiting, omschrijving), leerling in zip(
        ONENIGHEDEN, leerlingen, strict=False
    ):
        opp = _opp_met_weigering(ib, leerling) if onderwerp == Onderwerp.OPP else None
        dag = vandaag - timedelta(weeks=rng.randint(4 * len(stappen) + 2, 30))
        onenigheid = onenigheid_starten(
            actor=ib,
            leerling=leerling,
            onderwerp=onderwerp,
            omschrijving=omschrijving,
            opp=opp,
            gestart_op=dag,
            route=ROUTE,
        )
        t.onenigheden += 1
        t.met_opp += opp is not None
        for code, uitkomst in stappen:
            dag = min(vandaag, dag + timedelta(days=rng.randint(7, 21)))
            stap = stap_beginnen(
                actor=ib,
                onenigheid=onenigheid,
                routestap=routestappen[code],
                begonnen_op=dag,
                route=ROUTE,
            )
            t.stappen += 1
            if uitkomst:
                dag = min(vandaag, dag + timedelta(days=7))
                stap_afronden(
                    actor=ib,
                    stap=stap,
                    afgerond_op=dag,
                    uitkomst=uitkomst,
                    toelichting="Besproken met de ouders.",
                    route=ROUTE,
                )
        if onderwerp == Onderwerp.VERWIJDERING:
            vers = Onenigheid.objects.get(pk=onenigheid.pk)
            commissie_vastleggen(
                actor=ib,
                onenigheid=vers,
                revisie=vers.revisie,
                besluit_op=vandaag - timedelta(weeks=5),
                commissie_ingediend_op=vandaag - timedelta(weeks=3),
                bestuur_antwoord_op=vandaag - timedelta(weeks=1, days=4),
                route=ROUTE,
            )
            t.bij_commissie += 1
        if afsluiting:
            vers = Onenigheid.objects.get(pk=onenigheid.pk)
            onenigheid_afsluiten(
                actor=ib,
                onenigheid=vers,
                revisie=vers.revisie,
                status=afsluiting,
                afgesloten_op=min(vandaag, dag + timedelta(days=3)),
                afsluiting="Afgesproken met de ouders.",
                route=ROUTE,
            )
        else:
            t.open += 1
            if onderwerp == Onderwerp.ONDERSTEUNING and open_voor_melding is None:
                open_voor_melding = onenigheid

    # Veilig Thuis: two reports without a disagreement, one confirmed during one.
    zonder = leerlingen[len(ONENIGHEDEN) :]
    for i, leerling in enumerate(zonder):
        melding_vastleggen(
            actor=ib,
            leerling=leerling,
            gemeld_op=vandaag - timedelta(days=40 + 90 * i),
            signalen=SIGNALEN[i],
            meldcode_stappen=["signalen", "consultatie", "gesprek", "wegen", "beslissen"],
            bevestiging=False,
            route=ROUTE,
        )
        t.veilig_thuis += 1
    if open_voor_melding is not None:
        melding_vastleggen(
            actor=ib,
            leerling=open_voor_melding.leerling,
            gemeld_op=vandaag,
            signalen=SIGNALEN[2],
            meldcode_stappen=["signalen", "consultatie", "wegen", "beslissen"],
            bevestiging=True,
            route=ROUTE,
        )
        t.veilig_thuis += 1
        t.veilig_thuis_tijdens_onenigheid += 1
    return t
