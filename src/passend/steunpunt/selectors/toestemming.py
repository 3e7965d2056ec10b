"""Reads for consent: a parent's children with gezag, the SWVs of their school, and the
consents (running and history); for the steunpunt the children it may link to."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from passend.core.perioden import actief_op
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap
from passend.steunpunt.models import Toestemming

#: A parent has few children; the page reads no more than this many.
KINDEREN_MAX = 20
#: The history shown per child.
HISTORIE_MAX = 50


@dataclass
class KindMetSteunpunten:
    leerling: Leerling
    #: SWV → its running consent (None: none running).
    samenwerkingsverbanden: list[tuple[Samenwerkingsverband, Toestemming | None]]
    historie: list[Toestemming] = field(default_factory=list)


def kinderen_met_gezag(*, ouder: Any) -> QuerySet[Leerling]:
    return Leerling.objects.filter(
        Exists(Ouderschap.objects.filter(leerling=OuterRef("pk"), ouder=ouder, gezag=True))
    ).order_by("geboortedatum", "pk")


def swvs_van_school(
    *, leerling_ids: list[int], peildatum: date
) -> dict[int, list[Samenwerkingsverband]]:
    """Per child the SWVs of their current school location(s), PO first."""
    inschrijvingen = Inschrijving.objects.filter(leerling_id__in=leerling_ids).filter(
        actief_op(peildatum)
    )
    lidmaatschappen = (
        SwvLidmaatschap.objects.filter(actief_op(peildatum))
        .filter(vestiging_id__in=inschrijvingen.values("vestiging_id"))
        .select_related("samenwerkingsverband")
        .order_by("sector", "samenwerkingsverband__code")
    )
    per_vestiging: dict[int, list[Samenwerkingsverband]] = {}
    for lid in lidmaatschappen:
        per_vestiging.setdefault(lid.vestiging_id, []).append(lid.samenwerkingsverband)
    uitkomst: dict[int, list[Samenwerkingsverband]] = {}
    for leerling_id, vestiging_id in inschrijvingen.values_list("leerling_id", "vestiging_id"):
        lijst = uitkomst.setdefault(leerling_id, [])
        for swv in per_vestiging.get(vestiging_id, []):
            if swv not in lijst:
                lijst.append(swv)
    return uitkomst


def toestemmingen_van_ouder(*, actor: Any, peildatum: date) -> list[KindMetSteunpunten]:
    """The parent's children with gezag, each with their school's SWVs and the consents."""
    kinderen = list(kinderen_met_gezag(ouder=actor.gebruiker)[:KINDEREN_MAX])
    ids = [k.pk for k in kinderen]
    swvs = swvs_van_school(leerling_ids=ids, peildatum=peildatum)
    toestemmingen = list(
        Toestemming.objects.filter(leerling_id__in=ids)
        .select_related("samenwerkingsverband", "gegeven_door", "ingetrokken_door")
        .order_by("-gegeven_op", "-id")[: HISTORIE_MAX * max(len(ids), 1)]
    )
    uitkomst = []
    for kind in kinderen:
        eigen = [t for t in toestemmingen if t.leerling_id == kind.pk]
        lopend = {t.samenwerkingsverband_id: t for t in eigen if t.loopt}
        uitkomst.append(
            KindMetSteunpunten(
                leerling=kind,
                samenwerkingsverbanden=[(swv, lopend.get(swv.pk)) for swv in swvs.get(kind.pk, [])],
                historie=eigen[:HISTORIE_MAX],
            )
        )
    return uitkomst


def eigen_kind(*, actor: Any, leerling_id: int) -> Leerling | None:
    """The parent's own child by id (any parenthood; the service checks gezag), else None."""
    return Leerling.objects.filter(
        pk=leerling_id, ouderschappen__ouder_id=actor.gebruiker.pk
    ).first()


def lopende_toestemming(*, leerling_id: int, samenwerkingsverband_id: int) -> Toestemming | None:
    return Toestemming.objects.filter(
        leerling_id=leerling_id,
        samenwerkingsverband_id=samenwerkingsverband_id,
        ingetrokken_op__isnull=True,
    ).first()


#: The list of children to link a contact to is bounded (the newest consents first).
KOPPELBAAR_MAX = 500


def koppelbare_kinderen(*, samenwerkingsverband_id: int | None) -> list[Leerling]:
    """The children whose parents gave this SWV's steunpunt a running consent."""
    if samenwerkingsverband_id is None:
        return []
    return list(
        Leerling.objects.filter(
            Exists(
                Toestemming.objects.filter(
                    leerling=OuterRef("pk"),
                    samenwerkingsverband_id=samenwerkingsverband_id,
                    ingetrokken_op__isnull=True,
                )
            )
        ).order_by("achternaam", "roepnaam", "pk")[:KOPPELBAAR_MAX]
    )
