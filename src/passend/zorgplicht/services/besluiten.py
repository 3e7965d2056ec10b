"""The decision on a registration, and the enrolment that comes with an admission."""

from dataclasses import replace
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.leerlingen.services import inschrijven_na_toelating
from passend.ondersteuning.permissions import beleid as opp_beleid
from passend.organisaties.models import Vestiging
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.rules import (
    TOELATINGEN,
    Besluit,
    StapSoort,
    Uitkomst,
    beslissen_mogelijk,
    besluitfouten,
)
from passend.zorgplicht.selectors import termijnen_van
from passend.zorgplicht.services.basis import (
    Conflict,
    NietMogelijk,
    _fouten,
    _log,
    _stap,
    _vergrendeld,
    _weigering_vastleggen,
)


def aanmelding_besluiten(
    *,
    actor: Any,
    aanmelding: Aanmelding,
    uitkomst: str,
    uitkomst_op: date | None = None,
    toelichting: str = "",
    ingangsdatum: date | None = None,
    geplaatst_bij: Vestiging | None = None,
    geplaatst_op: date | None = None,
    opp: Any = None,
    route: str = "",
) -> Aanmelding:
    """Record the decision. An admission enrols the pupil from ``ingangsdatum`` (the school
    then sees the pupil's file); a zorgplicht refusal needs the school that admitted the
    pupil (``geplaatst_bij``) and, when Passend holds a registration there, its admission."""
    vandaag = timezone.localdate()
    besluit = Besluit(
        uitkomst=uitkomst,
        uitkomst_op=uitkomst_op or vandaag,
        toelichting=toelichting,
        ingangsdatum=ingangsdatum,
        geplaatst_elders=geplaatst_bij is not None,
        geplaatst_elders_zelfde_vestiging=geplaatst_bij is not None
        and geplaatst_bij.pk == aanmelding.vestiging_id,
        geplaatst_op=geplaatst_op,
        opp_gekozen=opp is not None,
    )
    try:
        return _besluiten(actor, aanmelding, besluit, geplaatst_bij, opp, vandaag, route)
    except Geweigerd as fout:
        _weigering_vastleggen(actor, aanmelding, fout, route)
        raise


def _besluiten(
    actor: Any,
    aanmelding: Aanmelding,
    besluit: Besluit,
    geplaatst_bij: Vestiging | None,
    opp: Any,
    vandaag: date,
    route: str,
) -> Aanmelding:
    uitkomst, op, toelichting = besluit.uitkomst, besluit.uitkomst_op, besluit.toelichting
    ingangsdatum, geplaatst_op = besluit.ingangsdatum, besluit.geplaatst_op
    with transaction.atomic():
        rij = _vergrendeld(aanmelding, actor, "beslissen")
        t = termijnen_van(rij)
        weigering = beslissen_mogelijk(t)
        if weigering is not None:
            raise NietMogelijk(weigering.code, weigering.melding)
        elders_toegelaten: bool | None = None
        if geplaatst_bij is not None and geplaatst_bij.pk != rij.vestiging_id:
            daar = list(
                Aanmelding.objects.filter(
                    leerling_id=rij.leerling_id, vestiging=geplaatst_bij
                ).values_list("uitkomst", flat=True)
            )
            if daar:
                elders_toegelaten = any(u in TOELATINGEN for u in daar)
        fouten = besluitfouten(
            t=t, b=replace(besluit, elders_toegelaten=elders_toegelaten), vandaag=vandaag
        )
        if (
            opp is not None
            and "opp" not in fouten
            and (opp.leerling_id != rij.leerling_id or not opp_beleid.mag(actor, "bekijken", opp))
        ):
            fouten["opp"] = "Kies een OPP van dit kind dat u mag zien."
        if fouten:
            raise _fouten(fouten)
        bijgewerkt = Aanmelding.objects.filter(pk=rij.pk, uitkomst="").update(
            uitkomst=uitkomst,
            uitkomst_op=op,
            besloten_door=actor.gebruiker,
            toelichting_besluit=toelichting.strip(),
            ingangsdatum=ingangsdatum,
            geplaatst_bij=geplaatst_bij,
            geplaatst_op=geplaatst_op,
            opp=opp,
            gewijzigd_op=timezone.now(),
        )
        if bijgewerkt != 1:
            raise Conflict("Iemand anders heeft intussen over deze aanmelding besloten.")
        rij.refresh_from_db()
        label = Uitkomst(uitkomst).label
        tekst = label + (f". {toelichting.strip()}" if toelichting.strip() else "")
        if geplaatst_bij is not None:
            tekst += f" Toegelaten door {geplaatst_bij.naam} op {geplaatst_op:%d-%m-%Y}."
        _stap(rij, StapSoort.BESLOTEN, op, actor, tekst)
        if uitkomst in TOELATINGEN:
            assert ingangsdatum is not None
            inschrijven_na_toelating(
                leerling=rij.leerling, vestiging=rij.vestiging, van=ingangsdatum
            )
            _stap(
                rij,
                StapSoort.INGESCHREVEN,
                ingangsdatum,
                actor,
                f"Ingeschreven op {rij.vestiging.naam} vanaf {ingangsdatum:%d-%m-%Y}.",
            )
        _log(
            actor,
            actie=Actie.WIJZIGEN,
            aanmelding=rij,
            leerling=rij.leerling,
            toegestaan=True,
            reden=f"besluit op de aanmelding: {label.lower()}",
            route=route,
        )
    return rij
