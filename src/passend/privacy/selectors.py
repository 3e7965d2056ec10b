"""Reads of the access log: per pupil (for parents), and with filters (privacy officer)."""

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from uuid import UUID

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from passend.core.models import Resultaat, Toegangsregel, ToegangsregelLeerling
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling
from passend.organisaties.models import SwvLidmaatschap
from passend.zorgplicht.models import Aanmelding


def toegang_tot_leerling(*, sleutel: UUID) -> QuerySet[Toegangsregel]:
    """Every record about this pupil, newest first (the parent's "wie heeft gekeken").

    ``naam_verborgen``: a refused attempt by another private person (a parent or pupil
    without access) is shown without their name; staff are always named.
    """
    return (
        Toegangsregel.objects.filter(
            Exists(
                ToegangsregelLeerling.objects.filter(regel=OuterRef("pk"), leerling_sleutel=sleutel)
            )
        )
        .annotate(
            naam_verborgen=Case(
                When(resultaat=Resultaat.GEWEIGERD, organisatie_sleutel="prive", then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("-tijdstip", "-id")
    )


def leerlingen_van_regio(*, samenwerkingsverband_id: int) -> QuerySet[Leerling]:
    """Pupils ever enrolled or registered at a location that ever belonged to this SWV, and
    pupils the SWV has had a betrokkenheid with since it started (e.g. a TLV request across
    the border); a case that starts later does not count yet."""
    lid = SwvLidmaatschap.objects.filter(
        vestiging=OuterRef("vestiging"), samenwerkingsverband_id=samenwerkingsverband_id
    )
    inschrijving = Inschrijving.objects.filter(leerling=OuterRef("pk")).filter(Exists(lid))
    aanmelding = Aanmelding.objects.filter(leerling=OuterRef("pk")).filter(Exists(lid))
    betrokkenheid = Betrokkenheid.objects.filter(
        leerling=OuterRef("pk"),
        samenwerkingsverband_id=samenwerkingsverband_id,
        van__lte=timezone.localdate(),
    )
    return Leerling.objects.filter(
        Exists(inschrijving) | Exists(aanmelding) | Exists(betrokkenheid)
    )


def regio_filter(actor: Any) -> Q:
    """The log records a privacy officer of an SWV oversees: about the region's pupils, or
    made by people acting for the SWV itself."""
    swv_id = actor.rol.samenwerkingsverband_id
    over_regio = ToegangsregelLeerling.objects.filter(
        regel=OuterRef("pk"),
        leerling_sleutel__in=leerlingen_van_regio(samenwerkingsverband_id=swv_id).values("sleutel"),
    )
    return Q(Exists(over_regio)) | Q(organisatie_sleutel=f"samenwerkingsverband:{swv_id}")


@dataclass(frozen=True)
class LogFilter:
    leerling: UUID | None = None
    gebruiker: str = ""
    van: date | None = None
    tot: date | None = None
    actie: str = ""
    resultaat: str = ""


def toegangslog_gefilterd(*, actor: Any, filter_: LogFilter) -> QuerySet[Toegangsregel]:
    from passend.privacy.permissions import beleid

    queryset = beleid.filter_zichtbaar(actor, Toegangsregel.objects.all())
    if filter_.leerling:
        queryset = queryset.filter(
            Exists(
                ToegangsregelLeerling.objects.filter(
                    regel=OuterRef("pk"), leerling_sleutel=filter_.leerling
                )
            )
        )
    if filter_.gebruiker:
        queryset = queryset.filter(gebruikersnaam=filter_.gebruiker)
    tz = timezone.get_current_timezone()
    if filter_.van:
        queryset = queryset.filter(tijdstip__gte=datetime.combine(filter_.van, time.min, tzinfo=tz))
    if filter_.tot:
        queryset = queryset.filter(tijdstip__lte=datetime.combine(filter_.tot, time.max, tzinfo=tz))
    if filter_.actie:
        queryset = queryset.filter(actie=filter_.actie)
    if filter_.resultaat:
        queryset = queryset.filter(resultaat=filter_.resultaat)
    # A record can name pupils of several regions (a board with schools in two SWVs); the
    # privacy officer sees only the pupils of their own region, and a count of the others.
    regio_sleutels = leerlingen_van_regio(
        samenwerkingsverband_id=actor.rol.samenwerkingsverband_id
    ).values("sleutel")
    return (
        queryset.annotate(aantal_leerlingen=Count("leerlingen"))
        .prefetch_related(
            Prefetch(
                "leerlingen",
                queryset=ToegangsregelLeerling.objects.filter(leerling_sleutel__in=regio_sleutels),
                to_attr="regio_leerlingen",
            )
        )
        .order_by("-tijdstip", "-id")
    )


def leerling_namen(*, sleutels: list[UUID]) -> dict[UUID, str]:
    """Names for the pupils on one page of the log (one query)."""
    return {
        rij["sleutel"]: " ".join(
            p
            for p in (rij["roepnaam"] or rij["voornamen"], rij["tussenvoegsel"], rij["achternaam"])
            if p
        )
        for rij in Leerling.objects.filter(sleutel__in=sleutels).values(
            "sleutel", "roepnaam", "voornamen", "tussenvoegsel", "achternaam"
        )
    }
