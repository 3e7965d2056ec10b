"""Reads of disagreements. Visibility is part of every selector; reading one is logged."""

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.models import Onenigheid, Routestap, Stap
from passend.geschillen.permissions import beleid
from passend.geschillen.rules import (
    Status,
    commissie_voor,
    gpo_termijnen,
    lbt_termijnen,
    termijn_verstreken,
)
from passend.geschillen.selectors.route import route_van
from passend.leerlingen.models import Ouderschap
from passend.leerlingen.permissions import beleid as leerling_beleid
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.permissions import beleid as opp_beleid
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.permissions import beleid as tlv_beleid
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.permissions import beleid as aanmelding_beleid

OBJECT_TYPE = "onenigheid"
NIET_GEVONDEN = "Deze onenigheid bestaat niet of u mag deze niet zien."


def onenigheden_zichtbaar_voor(*, actor: Any) -> QuerySet[Onenigheid]:
    return beleid.filter_zichtbaar(actor, Onenigheid.objects.all()).select_related(
        "leerling", "vestiging__school", "samenwerkingsverband"
    )


def onenigheid_detail(sleutel: UUID) -> Onenigheid | None:
    """One disagreement with its steps; no rights check (callers authorised first)."""
    return (
        Onenigheid.objects.filter(sleutel=sleutel)
        .select_related(
            "leerling",
            "vestiging__school__bestuur",
            "samenwerkingsverband",
            "opp",
            "aanmelding__vestiging",
            "tlv",
            "gestart_door",
        )
        .prefetch_related(
            Prefetch(
                "stappen",
                queryset=Stap.objects.select_related("routestap", "vastgelegd_door").order_by(
                    "begonnen_op", "id"
                ),
            )
        )
        .first()
    )


def onenigheid_voor_actor(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str = "",
    log_actie: Actie = Actie.LEZEN,
) -> Onenigheid:
    """Fetch one disagreement with its steps, authorising and logging; else 404."""
    onenigheid = onenigheid_detail(sleutel)
    toegestaan = onenigheid is not None and beleid.mag(actor, actie, onenigheid)
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type=OBJECT_TYPE,
        object_id=str(sleutel),
        leerling_sleutels=[onenigheid.leerling.sleutel] if onenigheid is not None else [],
        toegestaan=toegestaan,
        reden=doel if toegestaan else f"geweigerd: {doel}",
        route=route,
    )
    if not toegestaan or onenigheid is None:
        raise Http404(NIET_GEVONDEN)
    return onenigheid


def onenigheid_voor_schrijven(
    *, actor: Any, sleutel: UUID, actie: str, doel: str, route: str
) -> Onenigheid:
    """Fetch one disagreement for a write, authorising without logging (the service logs);
    a refusal is logged here, then a 404."""
    onenigheid = onenigheid_detail(sleutel)
    if onenigheid is not None and beleid.mag(actor, actie, onenigheid):
        return onenigheid
    onenigheid_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie=actie,
        doel=doel,
        route=route,
        log_actie=Actie.WIJZIGEN,
    )
    raise Http404(NIET_GEVONDEN)  # only reached if the rights changed in between


def overzicht(
    *, actor: Any, status: str, pagina: Any, per_pagina: int, route: str
) -> Page[Onenigheid]:
    """One page of the visible disagreements, open or closed, newest first. One ZOEKEN
    record naming the pupils on that page, written after paging and before anything is
    shown."""
    queryset = onenigheden_zichtbaar_voor(actor=actor)
    if status == Status.OPEN:
        queryset = queryset.filter(status=Status.OPEN)
    else:
        queryset = queryset.exclude(status=Status.OPEN)
    resultaat = Paginator(queryset.order_by("-gestart_op", "-id"), per_pagina).get_page(pagina)
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type=OBJECT_TYPE,
        leerling_sleutels=[onenigheid.leerling.sleutel for onenigheid in resultaat],
        toegestaan=True,
        reden=f"overzicht onenigheden ({'lopend' if status == Status.OPEN else 'afgesloten'})",
        route=route,
    )
    return resultaat


def kinderen_met_gezag(actor: Any) -> list[Any]:
    """The parent's children over whom they have parental authority."""
    return [
        ouderschap.leerling
        for ouderschap in Ouderschap.objects.filter(ouder_id=actor.gebruiker.pk, gezag=True)
        .select_related("leerling")
        .order_by("leerling__roepnaam", "leerling__id")
    ]


def wie_schreef(actor: Any, onenigheid: Onenigheid) -> str:
    """Who wrote the description, as the parent portal names it: "u" (this parent), "ouder"
    (the other parent) or "school" (the school recorded the disagreement). At most one
    query."""
    if onenigheid.gestart_door_id == actor.gebruiker.pk:
        return "u"
    if Ouderschap.objects.filter(
        leerling_id=onenigheid.leerling_id, ouder_id=onenigheid.gestart_door_id
    ).exists():
        return "ouder"
    return "school"


def portaal_onenigheden(*, actor: Any, route: str) -> list[Onenigheid]:
    """The parent's children's disagreements (one record naming the pupils)."""
    onenigheden = list(
        onenigheden_zichtbaar_voor(actor=actor).order_by("status", "-gestart_op", "-id")
    )
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type=OBJECT_TYPE,
        leerling_sleutels=[o.leerling.sleutel for o in onenigheden],
        toegestaan=True,
        reden="portaal: onenigheden van de eigen kinderen",
        route=route,
    )
    return onenigheden


# --- Where the case stands --------------------------------------------------------------


@dataclass(frozen=True)
class Termijn:
    naam: str
    uitleg: str
    uiterlijk: date | None
    gedaan_op: date | None
    verstreken: bool

    @property
    def stand(self) -> str:
        """The state of the term in words (never colour alone)."""
        if self.uiterlijk is None:
            return "Nog niet bekend"
        if self.gedaan_op is not None:
            return "Te laat gedaan" if self.verstreken else "Op tijd gedaan"
        return "Termijn verstreken" if self.verstreken else "Loopt nog"


@dataclass(frozen=True)
class Stand:
    route: list[Routestap]
    stappen: list[Stap]
    lopende_stap: Stap | None
    volgende_stap: Routestap | None
    commissie: str | None
    termijnen: list[Termijn]


def termijnen_van(onenigheid: Onenigheid, peildatum: date) -> list[Termijn]:
    """The terms with their state: the GPO's (file, the board's answer, the opinion) or,
    for an objection to a TLV, the LBT route's (object with the SWV, the SWV asks the LBT
    for advice); none for a subject without a commission."""
    commissie = commissie_voor(onenigheid.onderwerp)
    if commissie is None:
        return []
    regels: list[tuple[str, str, date | None, date | None]]
    if commissie == "LBT":
        lbt = lbt_termijnen(onenigheid.besluit_op, onenigheid.commissie_ingediend_op)
        regels = [
            (
                "Bezwaar maken bij het samenwerkingsverband",
                "binnen 6 weken na het besluit over de TLV",
                lbt.bezwaar_uiterlijk,
                onenigheid.commissie_ingediend_op,
            ),
            (
                "Advies vragen aan de LBT",
                "het samenwerkingsverband vraagt binnen 2 weken na het bezwaar advies",
                lbt.advies_vragen_uiterlijk,
                onenigheid.advies_gevraagd_op,
            ),
        ]
    else:
        t = gpo_termijnen(onenigheid.besluit_op, onenigheid.commissie_ingediend_op)
        regels = [
            (
                "Indienen bij de GPO",
                "binnen 6 weken na het besluit",
                t.indienen_uiterlijk,
                onenigheid.commissie_ingediend_op,
            ),
            (
                "Reactie van het bestuur",
                "binnen 2 weken na het indienen",
                t.antwoord_bestuur_uiterlijk,
                onenigheid.bestuur_antwoord_op,
            ),
            (
                "Oordeel van de commissie",
                "binnen 10 weken na het indienen",
                t.oordeel_uiterlijk,
                onenigheid.oordeel_op,
            ),
        ]
    return [
        Termijn(
            naam=naam,
            uitleg=uitleg,
            uiterlijk=uiterlijk,
            gedaan_op=gedaan,
            verstreken=termijn_verstreken(uiterlijk, gedaan, peildatum),
        )
        for naam, uitleg, uiterlijk, gedaan in regels
    ]


def stand_van(onenigheid: Onenigheid, peildatum: date) -> Stand:
    """The route with the steps taken, the running step, the next step and the terms.
    Uses the prefetched steps; the route costs at most two queries."""
    route = route_van(onenigheid.samenwerkingsverband_id)
    stappen = list(onenigheid.stappen.all())
    lopend = next((s for s in stappen if s.afgerond_op is None), None)
    volgende = None
    if onenigheid.status == Status.OPEN and lopend is None:
        gedaan = {s.routestap.soort for s in stappen}
        laatste = max((s.routestap.volgorde for s in stappen), default=0)
        volgende = next(
            (r for r in route if r.volgorde > laatste and r.soort not in gedaan),
            None,
        )
    return Stand(
        route=route,
        stappen=stappen,
        lopende_stap=lopend,
        volgende_stap=volgende,
        commissie=commissie_voor(onenigheid.onderwerp),
        termijnen=termijnen_van(onenigheid, peildatum),
    )


def koppelingen_voor(actor: Any, onenigheid: Onenigheid) -> dict[str, bool]:
    """Which linked files the case page may link to: the pupil's file, the OPP and the TLV
    each only when that app's policy lets the actor read it (seeing the disagreement does
    not open the pupil's file)."""
    return {
        "leerling": leerling_beleid.mag(actor, "bekijken", onenigheid.leerling),
        "opp": onenigheid.opp is not None and opp_beleid.mag(actor, "bekijken", onenigheid.opp),
        "tlv": onenigheid.tlv is not None and tlv_beleid.mag(actor, "bekijken", onenigheid.tlv),
    }


# --- What a disagreement can be about -------------------------------------------------------


def koppelkeuzes(actor: Any, leerling: Any) -> list[tuple[str, str, Any]]:
    """The child's OPPs, aanmeldingen and TLVs the actor may link a disagreement to, as
    (value "soort:sleutel", label, object). Three queries."""
    opps = opp_beleid.filter_zichtbaar(
        actor, Ontwikkelingsperspectief.objects.filter(leerling=leerling)
    )
    aanmeldingen = Aanmelding.objects.filter(leerling=leerling).select_related("vestiging")
    tlvs = Toelaatbaarheidsverklaring.objects.filter(leerling=leerling)
    if actor.rolsoort != "ouder":
        aanmeldingen = aanmelding_beleid.filter_zichtbaar(actor, aanmeldingen)
        tlvs = tlv_beleid.filter_zichtbaar(actor, tlvs)
    ouder = actor.rolsoort == "ouder"
    keuzes: list[tuple[str, str, Any]] = []
    for opp in opps.order_by("-versie", "-id"):
        datum = f", vastgesteld op {opp.vastgesteld_op:%d-%m-%Y}" if opp.vastgesteld_op else ""
        naam = f"Het plan voor extra ondersteuning (OPP), versie {opp.versie}"
        keuzes.append(
            (
                f"opp:{opp.sleutel}",
                f"{naam if ouder else f'OPP versie {opp.versie}'} "
                f"({opp.get_status_display().lower()}{datum})",
                opp,
            )
        )
    for aanmelding in aanmeldingen.order_by("-ontvangen_op", "-id"):
        keuzes.append(
            (
                f"aanmelding:{aanmelding.sleutel}",
                f"Aanmelding bij {aanmelding.vestiging.naam} ({aanmelding.ontvangen_op:%d-%m-%Y})",
                aanmelding,
            )
        )
    for tlv in tlvs.order_by("-ontvangen_op", "-id"):
        keuzes.append(
            (
                f"tlv:{tlv.sleutel}",
                f"{'De aanvraag voor speciaal onderwijs (TLV)' if ouder else 'TLV-aanvraag'} "
                f"van {tlv.ontvangen_op:%d-%m-%Y} ({tlv.get_status_display().lower()})",
                tlv,
            )
        )
    return keuzes
