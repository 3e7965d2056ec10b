"""Reading TLVs: the work list, one dossier, the decision letter, and the parents' page."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.selectors import leerling_voor_actor
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.pdf import beslissing_van, besluit_pdf, oorspronkelijk_besluit
from passend.toelaatbaarheid.permissions import PRIVE, beleid
from passend.toelaatbaarheid.rules import (
    BESLOTEN,
    LOPEND,
    Besluit,
    Status,
    adviesaanvraag_te_laat,
    adviesaanvraag_uiterlijk,
    beroep_uiterlijk,
    beslissing_op_bezwaar_fout,
    bezwaar_uiterlijk,
    volgende_bezwaarstap,
)
from passend.toelaatbaarheid.selectors import (
    advieslijst_fouten,
    regeling_van,
    tlv_voor_actor,
    tlvs_zichtbaar_voor,
    vragenlijst,
    werklijst,
)
from passend.toelaatbaarheid.views.aanvraag import wat_meekomt
from passend.toelaatbaarheid.views.afhandeling import eis_rol, menu

PAGINA_GROOTTE = 50


@login_required
@require_GET
def overzicht(request: HttpRequest) -> HttpResponse:
    """The TLVs the actor may read: the school's requests, or the SWV's work list."""
    route = "toelaatbaarheid:overzicht"
    actor = eis_rol(request, "werklijst", route, object_type="tlv-overzicht")
    status = request.GET.get("status", "")
    if status not in Status.values:
        status = ""
    pagina = Paginator(werklijst(actor=actor, status=status), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="tlv-overzicht",
        leerling_sleutels=[tlv.leerling.sleutel for tlv in pagina],
        toegestaan=True,
        reden="overzicht van toelaatbaarheidsverklaringen bekijken",
        route=route,
    )
    return render(
        request,
        "toelaatbaarheid/overzicht.html",
        {
            "pagina": pagina,
            "status": status,
            "statussen": Status.choices,
            "querystring": f"status={status}" if status else "",
            "menu": menu(actor),
            "is_swv": actor.rol.samenwerkingsverband_id is not None,
        },
    )


def bezwaarregels(tlv: Toelaatbaarheidsverklaring) -> list[dict[str, Any]]:
    """Each bezwaar with its terms: the 2-week advice request, tracked and flagged."""
    vandaag = timezone.localdate()
    return [
        {
            "bezwaar": b,
            "stap": volgende_bezwaarstap(
                adviesaanvraag_op=b.adviesaanvraag_op,
                advies_ontvangen_op=b.advies_ontvangen_op,
                uitkomst=b.uitkomst,
            ),
            "adviesaanvraag_uiterlijk": adviesaanvraag_uiterlijk(b.ingediend_op),
            "adviesaanvraag_te_laat": adviesaanvraag_te_laat(
                bezwaar_ontvangen_op=b.ingediend_op,
                adviesaanvraag_op=b.adviesaanvraag_op,
                vandaag=vandaag,
            ),
        }
        for b in tlv.bezwaren.all()
    ]


@login_required
@require_GET
def detail(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The whole dossier: the request, what came along from the OPP, advices, decision,
    bezwaar and verlenging, with the actions the actor may take."""
    route = "toelaatbaarheid:detail"
    actor = eis_rol(request, "dossier_bekijken", route)
    tlv = tlv_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="dossier_bekijken",
        doel="TLV-dossier bekijken",
        route=route,
    )
    regeling = regeling_van(tlv.verantwoordelijk_swv)
    mag = {
        actie: beleid.mag(actor, actie, tlv)
        for actie in (
            "compleet_verklaren",
            "advies_vastleggen",
            "besluiten",
            "bezwaar_vastleggen",
            "beslissen_op_bezwaar",
            "verlenging_aanvragen",
            "intrekken",
            "vragen_beantwoorden",
        )
    }
    regels = vragenlijst(tlv)
    bob = beslissing_van(tlv)
    oorspronkelijk = oorspronkelijk_besluit(tlv) if bob is not None else None
    return render(
        request,
        "toelaatbaarheid/detail.html",
        {
            **wat_meekomt(tlv.opp),
            "tlv": tlv,
            "leerling": tlv.leerling,
            "adviezen": list(tlv.adviezen.all()),
            "adviesfouten": advieslijst_fouten(tlv, regeling)
            if tlv.status == Status.COMPLEET
            else [],
            "bezwaren": bezwaarregels(tlv),
            "bezwaar_uiterlijk": bezwaar_uiterlijk(tlv.besluit_op) if tlv.besluit_op else None,
            "categorie": regeling.categorie_label(tlv.bekostigingscategorie),
            "besloten": tlv.status in BESLOTEN,
            "lopend": tlv.status in LOPEND,
            "vragen": regels,
            "open_vragen": [r["tekst"] for r in regels if r["verplicht"] and not r["antwoord"]]
            if tlv.status == Status.INGEDIEND
            else [],
            "beslissing": bob,
            "beroep_uiterlijk": beroep_uiterlijk(bob.beslist_op) if bob is not None else None,
            "oorspronkelijk": oorspronkelijk,
            "oorspronkelijke_categorie": regeling.categorie_label(
                oorspronkelijk.bekostigingscategorie
            )
            if oorspronkelijk is not None
            else "",
            "kan_beslissen_op_bezwaar": mag["beslissen_op_bezwaar"]
            and tlv.status in BESLOTEN
            and beslissing_op_bezwaar_fout(
                uitkomsten=[b.uitkomst for b in tlv.bezwaren.all()], al_beslist=bob is not None
            )
            is None,
            "mag": mag,
            "menu": menu(actor),
        },
    )


@require_GET
@never_cache
@login_required
def brief(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The decision letter as a tagged PDF, for whoever may read the TLV."""
    route = "toelaatbaarheid:brief"
    actor = eis_rol(request, "brief", route)
    tlv = tlv_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="brief",
        doel="besluitbrief TLV afdrukken",
        route=route,
        log_actie=Actie.AFDRUKKEN,
    )
    if tlv.status not in BESLOTEN:
        messages.info(request, "Er is nog geen besluit, dus ook nog geen brief.")
        if actor.rolsoort in PRIVE:
            return redirect("toelaatbaarheid:portaal", leerling=tlv.leerling.sleutel)
        return redirect("toelaatbaarheid:detail", sleutel=tlv.sleutel)
    antwoord = HttpResponse(besluit_pdf(tlv), content_type="application/pdf")
    antwoord["Content-Disposition"] = (
        f'attachment; filename="besluit-tlv-{tlv.kenmerk.lower()}.pdf"'
    )
    return antwoord


@login_required
@require_GET
def portaal(request: HttpRequest, leerling: UUID) -> HttpResponse:
    """Parents (and the pupil) read their child's TLV requests and decisions in plain words."""
    route = "toelaatbaarheid:portaal"
    actor = eis_rol(request, "portaal", route, object_type="leerling")
    kind = leerling_voor_actor(
        actor=actor,
        sleutel=leerling,
        actie="bekijken",
        doel="toelaatbaarheidsverklaringen bekijken in het portaal",
        route=route,
    )
    tlvs = list(
        tlvs_zichtbaar_voor(actor=actor)
        .filter(leerling=kind)
        .select_related("vorige", "beslissing_op_bezwaar")
        .prefetch_related("bezwaren")
        .order_by("-ontvangen_op", "-id")
    )
    regelingen = {t.verantwoordelijk_swv_id: regeling_van(t.verantwoordelijk_swv) for t in tlvs}
    return render(
        request,
        "toelaatbaarheid/portaal.html",
        {
            "kind": kind,
            "naam": kind.roepnaam or kind.voornamen,
            "is_leerling": actor.rolsoort == "leerling",
            "regels": [
                {
                    "tlv": t,
                    "toegekend": t.besluit == Besluit.TOEGEKEND,
                    "categorie": regelingen[t.verantwoordelijk_swv_id].categorie_label(
                        t.bekostigingscategorie
                    ),
                    "bezwaar_uiterlijk": bezwaar_uiterlijk(t.besluit_op) if t.besluit_op else None,
                    "bezwaar_bij": regelingen[t.verantwoordelijk_swv_id].bezwaar_indienen_bij,
                    "bezwaren": list(t.bezwaren.all()),
                    "beslissing": beslissing_van(t),
                    "beroep_uiterlijk": beroep_uiterlijk(t.beslissing_op_bezwaar.beslist_op)
                    if beslissing_van(t) is not None
                    else None,
                }
                for t in tlvs
            ],
        },
    )
