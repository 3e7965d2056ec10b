"""Reads of survey waves for who prepares and runs them: the list of waves, one wave for
management, and the response rates while a wave runs.

The policy decides every read (``permissions.beleid``): a role that may never do it gets a
403, another SWV's or an unknown wave a 404, a wave the actor sees but does not run (an SWV
directeur and a national wave) a 403; each read writes one access-log record, refusals too.
A wave holds no pupil data and response counts are not answers, so the records name no
pupil and the counts are shown exactly (they are needed to chase schools).
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.doelstellingen.models import Meting, Uitnodiging, Vraag, Vragenlijst
from passend.doelstellingen.permissions import beleid, in_zicht
from passend.doelstellingen.rules import SCHOOLGROEPEN, Respondentgroep
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap, Vestiging

OBJECT_TYPE = "doelstellingen.meting"
NIET_GEVONDEN = "Deze meting bestaat niet of u mag deze niet zien."
REDENEN = {
    "meting_beheren": "Meting beheren",
    "respons_bekijken": "Respons van een meting bekijken (alleen aantallen)",
}
#: Per action: the logged reason of a 404 (another SWV's or an unknown wave) and of a 403 (a
#: wave the actor sees but does not run), and the 403's message.
WEIGERINGEN = {
    "meting_beheren": (
        "geweigerd: meting beheren buiten zicht (onbekend of ander samenwerkingsverband)",
        "geweigerd: meting beheren, alleen wie de meting uitzet",
        "Alleen wie de meting uitzet, beheert haar.",
    ),
    "respons_bekijken": (
        "geweigerd: respons bekijken van een meting buiten zicht (onbekend of ander "
        "samenwerkingsverband)",
        "geweigerd: respons bekijken, alleen wie de meting uitzet",
        "Alleen wie de meting uitzet, bekijkt haar respons.",
    ),
}


def metingen_voor(*, actor: Any, route: str) -> QuerySet[Meting]:
    """The waves the actor may see, newest first, each with its codes issued and used
    (``uitgegeven``, ``gebruikt``). 403 (logged) for a role that reads no waves."""
    beleid.eis_rol(actor, "metingen", log_actie=Actie.LEZEN, object_type=OBJECT_TYPE, route=route)
    metingen = (
        beleid.filter_zichtbaar(actor, Meting.objects.all())
        .select_related("samenwerkingsverband")
        .annotate(
            uitgegeven=Count("vragenlijsten__uitnodigingen", distinct=True),
            gebruikt=Count(
                "vragenlijsten__uitnodigingen",
                filter=Q(vragenlijsten__uitnodigingen__gebruikt=True),
                distinct=True,
            ),
        )
        .order_by("-jaar", "samenwerkingsverband__naam", "naam", "pk")
    )
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type="doelstellingen.metingen",
        toegestaan=True,
        reden="Metingen van de doelstellingenmonitor bekijken (geen antwoorden)",
        route=route,
    )
    return metingen


def _weigeren(actor: Any, pk: Any, actie: str, route: str, reden: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type=OBJECT_TYPE,
        object_id=str(pk)[:64],
        toegestaan=False,
        reden=reden,
        route=route,
    )


def meting_voor_beheer(
    *,
    actor: Any,
    pk: Any,
    route: str,
    actie: str = "meting_beheren",
    vastleggen: bool = True,
) -> Meting:
    """One wave for who runs it: 403 for a role that may never (logged), 404 for another
    SWV's or an unknown wave (logged), 403 for a wave the actor sees but does not run
    (logged). With ``vastleggen=False`` (a POST whose service logs the write) an allowed
    read writes no record; refusals are always logged."""
    beleid.eis_rol(actor, actie, log_actie=Actie.LEZEN, object_type=OBJECT_TYPE, route=route)
    meting = (
        Meting.objects.filter(pk=pk).select_related("samenwerkingsverband").first()
        if str(pk).isdigit()
        else None
    )
    buiten_zicht, niet_uitgezet, melding = WEIGERINGEN[actie]
    if meting is None or not in_zicht(actor, meting):
        _weigeren(actor, pk, actie, route, buiten_zicht)
        raise Http404(NIET_GEVONDEN)
    if not beleid.mag(actor, actie, meting):
        _weigeren(actor, pk, actie, route, niet_uitgezet)
        raise Geweigerd(melding)
    if vastleggen:
        toegang_vastleggen(
            actor=actor,
            actie=Actie.LEZEN,
            object_type=OBJECT_TYPE,
            object_id=str(meting.pk),
            toegestaan=True,
            reden=REDENEN[actie],
            route=route,
        )
    return meting


def vragenlijsten_van(meting: Meting) -> list[Vragenlijst]:
    """The wave's questionnaires with their items (two queries; no rights check: the caller
    authorised the wave)."""
    return list(
        Vragenlijst.objects.filter(meting=meting)
        .prefetch_related(
            Prefetch("vragen", queryset=Vraag.objects.order_by("doelstelling", "volgorde", "id"))
        )
        .order_by("pk")
    )


def lid_vestigingen(swv_id: int | None) -> list[Vestiging]:
    """The SWV's member locations today (``None``: the members of any SWV, for a national
    wave): the schools to make codes for (public data). One query."""
    leden = SwvLidmaatschap.objects.filter(actief_op(timezone.localdate()))
    if swv_id is not None:
        leden = leden.filter(samenwerkingsverband_id=swv_id)
    return list(
        Vestiging.objects.filter(pk__in=leden.values("vestiging_id")).order_by(
            "naam", "vestigingscode"
        )
    )


def alle_swvs() -> list[Samenwerkingsverband]:
    """Every SWV (a national wave invites per SWV; public data)."""
    return list(Samenwerkingsverband.objects.order_by("naam", "code"))


# --- Response rates ------------------------------------------------------------------------


def _percentage(gebruikt: int, uitgegeven: int) -> float | None:
    return round(100 * gebruikt / uitgegeven, 1) if uitgegeven else None


#: A school (or SWV) with fewer codes than this in a group shows no counts of its own: with
#: one code (one school leader, say) "used" would tell whether that person took part. It is
#: counted in the group's total.
MIN_CODES_PER_EENHEID = 2
#: What is shown instead.
MINDER_DAN_CODES = f"minder dan {MIN_CODES_PER_EENHEID} codes"


@dataclass(frozen=True)
class Eenheidrespons:
    """One school location (school groups) or one SWV (the other groups). The counts are
    exact; ``verborgen`` says they may not be shown (fewer than ``MIN_CODES_PER_EENHEID``
    codes issued): pages and API show ``MINDER_DAN_CODES`` instead."""

    naam: str
    code: str
    uitgegeven: int
    gebruikt: int

    @property
    def verborgen(self) -> bool:
        return self.uitgegeven < MIN_CODES_PER_EENHEID

    @property
    def percentage(self) -> float | None:
        return _percentage(self.gebruikt, self.uitgegeven)


@dataclass
class Groepsrespons:
    respondentgroep: str
    label: str
    per_school: bool
    eenheden: list[Eenheidrespons] = field(default_factory=list)

    @property
    def uitgegeven(self) -> int:
        return sum(e.uitgegeven for e in self.eenheden)

    @property
    def gebruikt(self) -> int:
        return sum(e.gebruikt for e in self.eenheden)

    @property
    def percentage(self) -> float | None:
        return _percentage(self.gebruikt, self.uitgegeven)


@dataclass
class Responsoverzicht:
    groepen: list[Groepsrespons]

    @property
    def uitgegeven(self) -> int:
        return sum(g.uitgegeven for g in self.groepen)

    @property
    def gebruikt(self) -> int:
        return sum(g.gebruikt for g in self.groepen)

    @property
    def percentage(self) -> float | None:
        return _percentage(self.gebruikt, self.uitgegeven)


def respons(meting: Meting) -> Responsoverzicht:
    """Codes issued and used per group and per school location (school groups) or per SWV
    (the other groups), exactly. Two queries whatever the number of codes (GROUP BY). No
    rights check: the caller authorised the wave (``meting_voor_beheer``)."""
    groepen = {
        groep: Groepsrespons(
            respondentgroep=groep,
            label=str(Respondentgroep(groep).label),
            per_school=groep in SCHOOLGROEPEN,
        )
        for groep in Vragenlijst.objects.filter(meting=meting)
        .order_by("pk")
        .values_list("respondentgroep", flat=True)
    }
    rijen = (
        Uitnodiging.objects.filter(vragenlijst__meting=meting)
        .values(
            "vragenlijst__respondentgroep",
            "vestiging__naam",
            "vestiging__vestigingscode",
            "samenwerkingsverband__naam",
            "samenwerkingsverband__code",
        )
        .annotate(uitgegeven=Count("pk"), gebruikt=Count("pk", filter=Q(gebruikt=True)))
        .order_by()
    )
    for rij in rijen:
        groep = groepen[rij["vragenlijst__respondentgroep"]]
        if groep.per_school and rij["vestiging__vestigingscode"]:
            naam, code = rij["vestiging__naam"], rij["vestiging__vestigingscode"]
        else:
            naam, code = rij["samenwerkingsverband__naam"], rij["samenwerkingsverband__code"]
        groep.eenheden.append(
            Eenheidrespons(
                naam=naam, code=code, uitgegeven=rij["uitgegeven"], gebruikt=rij["gebruikt"]
            )
        )
    for groep in groepen.values():
        groep.eenheden.sort(key=lambda e: (e.naam, e.code))
    return Responsoverzicht(groepen=list(groepen.values()))
