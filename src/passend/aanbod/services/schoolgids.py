"""Writes of the schoolgids text: Passend writes it from the offer of a school year
(``schoolgidstekst_opstellen``), the school edits it by hand (``schoolgidstekst_bewerken``).
One text per location and school year. Writing it again over a text that was edited by
hand needs an explicit ``overschrijven``; both writes name the revision of the text they
were asked on, and a stale one is refused (``Conflict``)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.aanbod.models import Aanbod, Schoolgidstekst
from passend.aanbod.permissions import beleid
from passend.aanbod.rules import schooljaar_geldig
from passend.aanbod.schoolgids import Gebiedstekst, Schoolgidsgegevens, schoolgidstekst
from passend.aanbod.selectors.school import (
    samenwerkingsverbanden_van,
    schoolgids_bron,
    schoolgidstekst_maximum,
)
from passend.aanbod.services.basis import Conflict
from passend.organisaties.models import Vestiging
from passend.organisaties.rules import Soort


def schoolgidsgegevens(
    *, vestiging: Vestiging, bron: Aanbod, swv_namen: list[str], gids_adres: str
) -> Schoolgidsgegevens:
    """The plain data of the text, from a version with its areas prefetched."""
    return Schoolgidsgegevens(
        school=vestiging.naam,
        soort=str(Soort(vestiging.soort).label),
        schooljaar=bron.schooljaar,
        toelichting=bron.toelichting,
        contact=bron.contact,
        gebieden=tuple(
            Gebiedstekst(
                naam=rij.gebied.naam,
                landelijke_norm=rij.gebied.landelijke_norm,
                basisondersteuning=rij.basisondersteuning,
                extra_ondersteuning=rij.extra_ondersteuning,
                expertise=rij.expertise,
                faciliteiten=tuple(rij.faciliteiten_labels),
                capaciteit=rij.capaciteit,
            )
            for rij in bron.gebieden.all()
        ),
        samenwerkingsverbanden=tuple(swv_namen),
        gids_adres=gids_adres,
    )


@transaction.atomic
def schoolgidstekst_opstellen(
    *,
    actor: Any,
    vestiging: Vestiging,
    schooljaar: str,
    gids_adres: str,
    revisie: int,
    overschrijven: bool = False,
) -> Schoolgidstekst:
    """Write the text of a school year from its offer (the published version, or else the
    concept). ``revisie`` is the revision of the text the school saw (0: it saw none); when
    someone changed or made the text since, nothing is replaced (``Conflict``). A text
    that was edited by hand is replaced only with ``overschrijven``."""
    beleid.eis(actor, "schoolgids_bewerken", vestiging)
    if not schooljaar_geldig(schooljaar):
        raise ValidationError({"schooljaar": "Schrijf het schooljaar als 2026-2027."})
    # One writer per location at a time (two first texts would both be inserted).
    Vestiging.objects.select_for_update().filter(pk=vestiging.pk).first()
    bron = schoolgids_bron(vestiging=vestiging, schooljaar=schooljaar)
    if bron is None:
        raise ValidationError(
            {
                "schooljaar": f"Er is nog geen aanbod voor schooljaar {schooljaar}. "
                "Beschrijf eerst het aanbod; daarna maakt Passend de tekst."
            }
        )
    bestaand = (
        Schoolgidstekst.objects.select_for_update()
        .filter(vestiging=vestiging, schooljaar=schooljaar)
        .first()
    )
    if (bestaand.revisie if bestaand is not None else 0) != revisie:
        raise Conflict(
            "Iemand anders heeft de tekst intussen gemaakt of gewijzigd. Er is niets "
            "vervangen. Bekijk de tekst en kies dan opnieuw of Passend hem opnieuw maakt.",
            code="revisie",
        )
    if bestaand is not None and bestaand.met_de_hand_aangepast and not overschrijven:
        raise Conflict(
            "U heeft deze tekst met de hand aangepast. Een nieuwe tekst uit het aanbod "
            "vervangt uw aanpassingen. Bevestig dat u dat wilt.",
            code="met_de_hand_aangepast",
        )
    swv = samenwerkingsverbanden_van(vestiging=vestiging, peildatum=timezone.localdate())
    tekst = schoolgidstekst(
        schoolgidsgegevens(
            vestiging=vestiging,
            bron=bron,
            swv_namen=[s.naam for s in swv],
            gids_adres=gids_adres,
        )
    )
    rij = bestaand or Schoolgidstekst(vestiging=vestiging, schooljaar=schooljaar, revisie=0)
    rij.tekst = tekst
    rij.bron = bron
    rij.bron_revisie = bron.revisie
    rij.met_de_hand_aangepast = False
    rij.revisie += 1
    rij.bijgewerkt_door = actor.gebruiker
    rij.full_clean(validate_constraints=False)
    rij.save()
    return rij


@transaction.atomic
def schoolgidstekst_bewerken(
    *, actor: Any, schoolgidstekst: Schoolgidstekst, revisie: int, tekst: str
) -> Schoolgidstekst:
    """Save the school's own version of the text; ``revisie`` must be the one the form was
    opened with."""
    rij = (
        Schoolgidstekst.objects.select_for_update()
        .select_related("vestiging")
        .get(pk=schoolgidstekst.pk)
    )
    beleid.eis(actor, "schoolgids_bewerken", rij.vestiging)
    if rij.revisie != revisie:
        raise Conflict(
            "Iemand anders heeft deze tekst intussen gewijzigd. Bekijk de nieuwe versie en "
            "voer uw wijziging opnieuw in.",
            code="revisie",
        )
    schoon = "\n".join(regel.rstrip() for regel in tekst.strip().splitlines())
    if not schoon:
        raise ValidationError(
            {"tekst": "De tekst is leeg. Schrijf een tekst of laat Passend hem opnieuw maken."}
        )
    maximum = schoolgidstekst_maximum()
    if len(schoon) > maximum:
        raise ValidationError({"tekst": f"De tekst is te lang. Gebruik maximaal {maximum} tekens."})
    if schoon + "\n" != rij.tekst:
        # Saving the text unchanged keeps it Passend's own (writing it again needs no
        # confirmation then).
        rij.tekst = schoon + "\n"
        rij.met_de_hand_aangepast = True
    rij.revisie += 1
    rij.bijgewerkt_door = actor.gebruiker
    # ``bron`` may be empty: the offer it was written from can be gone (SET_NULL), and the
    # school's own text stays editable then.
    rij.full_clean(exclude=["bron"], validate_constraints=False)
    rij.save()
    return rij
