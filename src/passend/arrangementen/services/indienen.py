"""Submitting a request from a vastgesteld OPP to the SWV of the pupil's location."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from passend.arrangementen.models import Arrangementaanvraag, Statuswijziging
from passend.arrangementen.permissions import beleid
from passend.arrangementen.rules import Status, aanvraag_fouten, sector_van_aanvraag
from passend.arrangementen.selectors import open_aanvraag_van_opp
from passend.arrangementen.services.basis import _datum, _log
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Inschrijving
from passend.leerlingen.rules import leeftijd_op
from passend.leerlingen.services import betrokkenheid_vastleggen
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.permissions import beleid as opp_beleid
from passend.ondersteuning.rules import Status as OppStatus
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap, Vestiging

OPP_NIET_VASTGESTELD = {
    OppStatus.CONCEPT: (
        "Dit OPP is nog een concept. U vraagt een arrangement aan vanuit een vastgesteld OPP: "
        "stel het OPP eerst vast."
    ),
    OppStatus.VERVANGEN: (
        "Deze versie van het OPP is vervangen door een nieuwere versie. Vraag het arrangement "
        "aan vanuit de geldende versie."
    ),
    OppStatus.BEEINDIGD: (
        "Dit OPP is beëindigd. Voor een beëindigd OPP kunt u geen arrangement aanvragen."
    ),
}


def _vestiging_op(opp: Ontwikkelingsperspectief, datum: date) -> Vestiging:
    """Where the pupil is enrolled at the OPP's school on the date of the request."""
    inschrijving = (
        Inschrijving.objects.filter(leerling=opp.leerling, vestiging__school=opp.vestiging.school)
        .filter(actief_op(datum))
        .select_related("vestiging")
        .order_by("-van")
        .first()
    )
    if inschrijving is None:
        raise ValidationError({"opp": "De leerling staat niet (meer) ingeschreven op deze school."})
    return inschrijving.vestiging


def swv_van_aanvraag(
    *, vestiging: Vestiging, geboortedatum: date, datum: date
) -> Samenwerkingsverband:
    """The SWV of the location for the sector, on the date of the request (membership)."""
    sector = sector_van_aanvraag(vestiging.soort, leeftijd_op(geboortedatum, datum))
    lidmaatschap = (
        SwvLidmaatschap.objects.filter(vestiging=vestiging, sector=sector)
        .filter(actief_op(datum))
        .select_related("samenwerkingsverband")
        .order_by("-van")
        .first()
    )
    if lidmaatschap is None:
        raise ValidationError(
            {
                "opp": f"Vestiging {vestiging.naam} hoort op {datum:%d-%m-%Y} niet bij een "
                "samenwerkingsverband. Vraag de functioneel beheerder van uw "
                "samenwerkingsverband om dit na te kijken."
            }
        )
    return lidmaatschap.samenwerkingsverband


def aanvraag_indienen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    ondersteuning: str,
    van: date,
    tot: date,
    bedrag: Decimal | None,
    toelichting: str,
    route: str = "",
    op: date | None = None,
) -> Arrangementaanvraag:
    """The school asks the SWV of its location for an arrangement, from a vastgesteld OPP.

    The SWV gets sight of the pupil (a betrokkenheid), so its staff can read the request
    and the OPP it rests on.
    """
    beleid.eis(actor, "aanvragen")
    if not opp_beleid.mag(actor, "bekijken", opp):
        raise Geweigerd("dit OPP is niet van uw school of bestuur")
    with transaction.atomic():
        rij = (
            Ontwikkelingsperspectief.objects.select_for_update()
            .select_related("leerling", "vestiging__school")
            .get(pk=opp.pk)
        )
        if rij.status != OppStatus.VASTGESTELD:
            raise ValidationError({"opp": OPP_NIET_VASTGESTELD[OppStatus(rij.status)]})
        datum = _datum(op, rij.vastgesteld_op, "opp")
        fouten = aanvraag_fouten(
            ondersteuning=ondersteuning,
            toelichting=toelichting,
            van=van,
            tot=tot,
            bedrag=bedrag,
            aanvraagdatum=datum,
        )
        if fouten or bedrag is None:
            raise ValidationError(fouten)
        lopend = open_aanvraag_van_opp(rij)
        if lopend is not None:
            raise ValidationError(
                {
                    "opp": f"Voor dit OPP loopt al een aanvraag ({lopend.kenmerk}, "
                    f"{lopend.get_status_display().lower()}). Wacht op het besluit, of trek die "
                    "aanvraag eerst in."
                }
            )
        vestiging = _vestiging_op(rij, datum)
        swv = swv_van_aanvraag(
            vestiging=vestiging, geboortedatum=rij.leerling.geboortedatum, datum=datum
        )
        aanvraag = Arrangementaanvraag(
            leerling=rij.leerling,
            opp=rij,
            vestiging=vestiging,
            samenwerkingsverband=swv,
            ondersteuning=ondersteuning.strip(),
            van=van,
            tot=tot,
            bedrag=bedrag,
            toelichting=toelichting.strip(),
            status=Status.INGEDIEND,
            ingediend_op=datum,
            ingediend_door=actor.gebruiker,
        )
        # The constraints are the database's: a second open request at the same moment is
        # refused there (and reported below) rather than in a check that could race.
        aanvraag.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                aanvraag.save()
        except IntegrityError:  # a second submission at the same moment
            raise ValidationError(
                {"opp": "Voor dit OPP is zojuist al een aanvraag ingediend."}
            ) from None
        Statuswijziging.objects.create(
            aanvraag=aanvraag, naar_status=Status.INGEDIEND, datum=datum, door=actor.gebruiker
        )
        betrokkenheid_vastleggen(
            leerling=rij.leerling,
            grond=f"aanvraag arrangement {aanvraag.kenmerk}",
            van=datum,
            samenwerkingsverband=swv,
        )
        _log(actor, aanvraag, Actie.AANMAKEN, f"arrangement aangevraagd bij {swv.code}", route)
    return aanvraag
