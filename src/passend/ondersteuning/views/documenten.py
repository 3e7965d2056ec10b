"""Documents of the OPP: one version as an accessible PDF, and the BRON export for DUO."""

import csv
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.actor import actor_of_403
from passend.core.csvbestand import formule_afschermen
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.pdf import opp_pdf
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.selectors import bron_perioden, opp_voor_actor

#: Columns of the BRON export. DUO receives only the begin and end date of an OPP.
BRON_KOLOMMEN = (
    "vestigingscode",
    "leerling",
    "achternaam",
    "geboortedatum",
    "begindatum OPP",
    "einddatum OPP",
)


def pdf_bestandsnaam(achternaam: str, versie: int) -> str:
    """``opp-<achternaam>-v<versie>.pdf``, ASCII only (accents dropped, spaces as dashes)."""
    return f"opp-{slugify(achternaam) or 'leerling'}-v{versie}.pdf"


@require_GET
@never_cache
@login_required
def pdf(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """Any version as a tagged PDF, for whoever may read the OPP (school, parents, pupil)."""
    actor = actor_of_403(request)
    opp = opp_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="bekijken",
        doel="OPP als PDF",
        route="ondersteuning:pdf",
        log_actie=Actie.AFDRUKKEN,
    )
    antwoord = HttpResponse(opp_pdf(opp), content_type="application/pdf")
    antwoord["Content-Disposition"] = (
        f'attachment; filename="{pdf_bestandsnaam(opp.leerling.achternaam, opp.versie)}"'
    )
    return antwoord


@require_GET
@never_cache
@login_required
def bron_export(request: HttpRequest) -> HttpResponse:
    """The school's OPP periods for DUO (BRON): begin and end date per OPP, nothing more."""
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "starten",
        log_actie=Actie.EXPORTEREN,
        object_type="opp-bron-export",
        reden="alleen de intern begeleider of schoolleider exporteert OPP-data voor BRON",
        route="ondersteuning:bron-export",
    )
    perioden: list[dict[str, Any]] = bron_perioden(actor=actor)
    toegang_vastleggen(
        actor=actor,
        actie=Actie.EXPORTEREN,
        object_type="opp-bron-export",
        object_id=actor.organisatie_sleutel,
        leerling_sleutels=[periode["leerling__sleutel"] for periode in perioden],
        toegestaan=True,
        reden=f"begin- en einddata van OPP's voor DUO (BRON) ({len(perioden)} regels)",
        route="ondersteuning:bron-export",
    )
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = 'attachment; filename="opp-bron-export.csv"'
    schrijver = csv.writer(antwoord, delimiter=";")
    schrijver.writerow(BRON_KOLOMMEN)
    for periode in perioden:
        schrijver.writerow(
            [
                periode["vestiging__vestigingscode"],
                periode["leerling__sleutel"],
                formule_afschermen(periode["leerling__achternaam"]),
                periode["leerling__geboortedatum"].isoformat(),
                periode["begin"].isoformat(),
                periode["eind"].isoformat() if periode["eind"] else "",
            ]
        )
    return antwoord
