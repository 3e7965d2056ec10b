"""The write pages of one verzuim case: each GET shows a form, each POST calls one
service (see ``basis.formulierpagina``)."""

from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.verzuim import forms, services
from passend.verzuim.models import Verzuimmelding
from passend.verzuim.permissions import beleid
from passend.verzuim.selectors.zaken import gemeentemedewerkers
from passend.verzuim.services import doorbraak_standaard
from passend.verzuim.views.basis import formulierpagina, onderdeel_of_404

GET_POST = require_http_methods(["GET", "POST"])


def _revisie(melding: Verzuimmelding) -> dict[str, Any]:
    return {"revisie": melding.revisie}


@login_required
@GET_POST
def melding_wijzigen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(melding: Verzuimmelding, data: Any) -> forms.WijzigenForm:
        return forms.WijzigenForm(
            data,
            initial={
                **_revisie(melding),
                "sinds": melding.sinds,
                "reden": melding.reden,
                "gemiste_uren": melding.gemiste_uren,
                "toelichting": melding.toelichting,
            },
        )

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        wijzigingen = {v: data[v] for v in ("sinds", "reden", "toelichting", "gemiste_uren")}
        services.melding_wijzigen(
            actor=actor,
            melding=melding,
            revisie=data["revisie"],
            wijzigingen=wijzigingen,
            route="verzuim:melding-wijzigen",
        )
        return "De gegevens van de melding zijn opgeslagen."

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:melding-wijzigen",
        actie="bewerken",
        doel="verzuimmelding wijzigen",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/wijzigen.html",
    )


@login_required
@GET_POST
def partner_toevoegen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(melding: Verzuimmelding, data: Any) -> forms.PartnerForm:
        medewerkers = gemeentemedewerkers(
            rolsoorten=[Rolsoort.LEERPLICHTAMBTENAAR, Rolsoort.JEUGDHULP],
            gemeenten=[melding.gemeente_id],
            peildatum=timezone.localdate(),
        )
        return forms.PartnerForm(
            data, medewerkers=medewerkers, initial={"van": timezone.localdate()}
        )

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        partner = services.partner_toevoegen(
            actor=actor,
            melding=melding,
            soort=data["soort"],
            van=data["van"],
            gebruiker=data["gebruiker"],
            naam=data["naam"],
            organisatie=data["organisatie"],
            route="verzuim:partner-toevoegen",
        )
        return f"{partner.naam} doet nu mee als partner."

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:partner-toevoegen",
        actie="partners_beheren",
        doel="partner toevoegen aan verzuimmelding",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/partner_toevoegen.html",
    )


@login_required
@GET_POST
def partner_beeindigen(request: HttpRequest, sleutel: UUID, pk: int) -> HttpResponse:
    gekozen: dict[str, Any] = {}

    def maak(melding: Verzuimmelding, data: Any) -> forms.PartnerBeeindigenForm:
        gekozen["partner"] = onderdeel_of_404(melding.partners.all(), pk)
        return forms.PartnerBeeindigenForm(data, initial={"tot": timezone.localdate()})

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        partner = services.partner_beeindigen(
            actor=actor,
            partner=gekozen["partner"],
            tot=data["tot"],
            route="verzuim:partner-beeindigen",
        )
        return f"{partner.naam} doet niet meer mee."

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:partner-beeindigen",
        actie="partners_beheren",
        doel="partner van verzuimmelding beëindigen",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/partner_beeindigen.html",
        context=lambda melding: {"partner": gekozen.get("partner")},
    )


@login_required
@GET_POST
def actie_toevoegen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(melding: Verzuimmelding, data: Any) -> forms.ActieForm:
        return forms.ActieForm(data, partners=melding.partners.filter(tot__isnull=True))

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        services.actiepunt_toevoegen(
            actor=actor,
            melding=melding,
            omschrijving=data["omschrijving"],
            eigenaar=data["eigenaar"],
            deadline=data["deadline"],
            route="verzuim:actie-toevoegen",
        )
        return "De actie staat in het plan."

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:actie-toevoegen",
        actie="bewerken",
        doel="actie toevoegen aan verzuimmelding",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/actie_toevoegen.html",
    )


@login_required
@GET_POST
def actie_afronden(request: HttpRequest, sleutel: UUID, pk: int) -> HttpResponse:
    gekozen: dict[str, Any] = {}

    def maak(melding: Verzuimmelding, data: Any) -> forms.AfrondenForm:
        gekozen["actie"] = onderdeel_of_404(melding.actiepunten.all(), pk)
        return forms.AfrondenForm(data, initial={"afgerond_op": timezone.localdate()})

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        services.actiepunt_afronden(
            actor=actor,
            actiepunt=gekozen["actie"],
            afgerond_op=data["afgerond_op"],
            route="verzuim:actie-afronden",
        )
        return "De actie is afgerond."

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:actie-afronden",
        actie="bewerken",
        doel="actie van verzuimmelding afronden",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/actie_afronden.html",
        context=lambda melding: {"actie": gekozen.get("actie")},
    )


@login_required
@GET_POST
def doorbraak(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(melding: Verzuimmelding, data: Any) -> forms.DoorbraakForm:
        plan = getattr(melding, "doorbraakplan", None)
        initial = {
            **_revisie(melding),
            "uiterlijk": plan.uiterlijk if plan else doorbraak_standaard(melding).uiterlijk,
            "doorzettingsmacht": plan.doorzettingsmacht
            if plan
            else settings.PASSEND["VERZUIM_DOORZETTINGSMACHT"],
            "aanpak": plan.aanpak if plan else "",
        }
        return forms.DoorbraakForm(data, initial=initial)

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        services.doorbraakplan_vastleggen(
            actor=actor,
            melding=melding,
            revisie=data["revisie"],
            aanpak=data["aanpak"],
            uiterlijk=data["uiterlijk"],
            doorzettingsmacht=data["doorzettingsmacht"],
            route="verzuim:doorbraak",
        )
        return "Het doorbraakplan is vastgesteld."

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:doorbraak",
        actie="doorbraak_vastleggen",
        doel="doorbraakplan vastleggen",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/doorbraak.html",
    )


@login_required
@GET_POST
def onderwijsconsulent(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(melding: Verzuimmelding, data: Any) -> forms.OnderwijsconsulentForm:
        return forms.OnderwijsconsulentForm(
            data,
            initial={
                **_revisie(melding),
                "op": melding.onderwijsconsulent_op or timezone.localdate(),
                "naam": melding.onderwijsconsulent_naam,
            },
        )

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        services.onderwijsconsulent_vastleggen(
            actor=actor,
            melding=melding,
            revisie=data["revisie"],
            op=data["op"],
            naam=data["naam"],
            route="verzuim:onderwijsconsulent",
        )
        return "De onderwijsconsulent is vastgelegd."

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:onderwijsconsulent",
        actie="bewerken",
        doel="onderwijsconsulent vastleggen",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/onderwijsconsulent.html",
    )


@login_required
@GET_POST
def aanbod(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(melding: Verzuimmelding, data: Any) -> forms.AanbodForm:
        return forms.AanbodForm(
            data,
            initial={
                **_revisie(melding),
                "aanbod_op": melding.aanbod_op or timezone.localdate(),
                "omschrijving": melding.aanbod_omschrijving,
            },
        )

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        services.aanbod_vastleggen(
            actor=actor,
            melding=melding,
            revisie=data["revisie"],
            aanbod_op=data["aanbod_op"],
            omschrijving=data["omschrijving"],
            route="verzuim:aanbod",
        )
        return "Het aanbod is vastgelegd."

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:aanbod",
        actie="bewerken",
        doel="passend aanbod vastleggen",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/aanbod.html",
    )


@login_required
@GET_POST
def beeindigen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    def maak(melding: Verzuimmelding, data: Any) -> forms.BeeindigenForm:
        return forms.BeeindigenForm(
            data, initial={**_revisie(melding), "einde": timezone.localdate()}
        )

    def opslaan(actor: Actor, melding: Verzuimmelding, data: dict[str, Any]) -> str:
        klaar = services.melding_beeindigen(
            actor=actor,
            melding=melding,
            revisie=data["revisie"],
            einde=data["einde"],
            uitkomst=data["uitkomst"],
            route="verzuim:beeindigen",
        )
        return f"De melding is beëindigd. Het verzuim duurde {klaar.duur_weken} weken."

    def daarna(actor: Actor, melding: Verzuimmelding) -> HttpResponse:
        # A partner of the municipality no longer sees the ended case.
        if beleid.mag(actor, "bekijken", melding):
            return redirect("verzuim:melding", sleutel=melding.sleutel)
        return redirect("verzuim:overzicht")

    return formulierpagina(
        request,
        sleutel,
        route="verzuim:beeindigen",
        actie="beeindigen",
        doel="verzuimmelding beëindigen",
        maak_form=maak,
        opslaan=opslaan,
        sjabloon="verzuim/beeindigen.html",
        na_opslaan=daarna,
    )
