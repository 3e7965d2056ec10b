"""Recording a Veilig Thuis report in the pupil's file, with the guard of measure 12.

A report rests on signs of an unsafe home situation, never on a disagreement about passend
onderwijs. When a disagreement about the pupil is open, the report is only recorded with the
explicit confirmation that it rests on safety signs; the open disagreement is kept on it.
"""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.models import VeiligThuisMelding
from passend.geschillen.permissions import beleid, veilig_thuis_leerlingen
from passend.geschillen.rules import MELDCODE_STAPPEN, veilig_thuis_fouten
from passend.geschillen.selectors.veilig_thuis import (
    OBJECT_TYPE,
    huidige_vestiging,
    open_onenigheid_van,
)
from passend.leerlingen.models import Leerling

MAX_TEKST = 10_000


def melding_vastleggen(
    *,
    actor: Any,
    leerling: Leerling,
    gemeld_op: date | None,
    signalen: str,
    meldcode_stappen: list[str],
    bevestiging: bool,
    route: str = "",
) -> VeiligThuisMelding:
    """Record a report for this pupil; a ``ValidationError`` (per field, in Dutch) when it
    is incomplete, ``Geweigerd`` when the actor may not. Nothing is saved unless all is
    well; a saved report writes one access-log record."""
    beleid.eis(actor, "veilig_thuis_melden")
    with transaction.atomic():
        # Lock the pupil: two reports or a report and a change of school are serialised,
        # and the open disagreement is read on the locked pupil.
        rij = (
            Leerling.objects.select_for_update()
            .filter(veilig_thuis_leerlingen(actor), pk=leerling.pk)
            .first()
        )
        vestiging = huidige_vestiging(actor, rij) if rij is not None else None
        if rij is None or vestiging is None:
            raise Geweigerd("Deze leerling staat niet (meer) op uw school ingeschreven.")
        vandaag = timezone.localdate()
        datum_fout = ""
        if gemeld_op is None:
            datum_fout = "Vul de datum van de melding in."
        elif gemeld_op > vandaag:
            datum_fout = "De datum van de melding kan niet in de toekomst liggen."
        elif gemeld_op < vandaag - timedelta(days=366):
            datum_fout = (
                "De datum van de melding kan niet meer dan een jaar geleden liggen "
                f"(niet vóór {vandaag - timedelta(days=366):%d-%m-%Y})."
            )
        # The guard looks at the disagreement open on the report's date, not today's.
        onenigheid = open_onenigheid_van(rij, None if datum_fout else gemeld_op)
        tekst = (signalen or "").strip()
        fouten = {
            veld: [melding]
            for veld, melding in veilig_thuis_fouten(
                signalen=tekst,
                stappen=list(meldcode_stappen),
                onenigheid_open=onenigheid is not None,
                bevestigd=bevestiging,
            ).items()
        }
        if len(tekst) > MAX_TEKST:
            fouten.setdefault("signalen", []).append(
                f"De tekst is te lang. Gebruik maximaal {MAX_TEKST} tekens."
            )
        if datum_fout:
            fouten["gemeld_op"] = [datum_fout]
        if fouten:
            raise ValidationError(fouten)
        assert gemeld_op is not None
        volgorde = [code for code, _ in MELDCODE_STAPPEN]
        melding = VeiligThuisMelding.objects.create(
            leerling=rij,
            vestiging=vestiging,
            gemeld_op=gemeld_op,
            signalen=tekst,
            meldcode_stappen=[code for code in volgorde if code in set(meldcode_stappen)],
            open_onenigheid=onenigheid,
            bevestiging_signalen=onenigheid is not None and bevestiging,
            vastgelegd_door=actor.gebruiker,
        )
        toegang_vastleggen(
            actor=actor,
            actie=Actie.AANMAKEN,
            object_type=OBJECT_TYPE,
            object_id=str(melding.sleutel),
            leerling_sleutels=[rij.sleutel],
            toegestaan=True,
            reden=(
                "Veilig Thuis-melding vastgelegd, bevestigd tijdens een open onenigheid"
                if onenigheid is not None
                else "Veilig Thuis-melding vastgelegd"
            ),
            route=route,
        )
    return melding
