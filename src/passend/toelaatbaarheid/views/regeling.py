"""The SWV's own TLV settings (Tlvregeling) and the extra questions of its request form.

One page, several forms: the settings, a new question, and per question a change and a
remove form; the hidden field ``onderdeel`` says which one was sent. No pupil data."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from passend.accounts.actor import Actor
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.forms import RegelingForm, VraagForm, VraagWijzigenForm
from passend.toelaatbaarheid.models import AanvullendeVraag, Tlvregeling
from passend.toelaatbaarheid.selectors import extra_vragen_van, regeling_van
from passend.toelaatbaarheid.views.afhandeling import eis_rol, fouten_naar_formulier, menu

TERUG = "toelaatbaarheid:regeling"


def _vraagformulier(vraag: AanvullendeVraag, data: Any = None) -> VraagWijzigenForm:
    return VraagWijzigenForm(
        data,
        prefix=f"vraag-{vraag.pk}",
        initial={
            "tekst": vraag.tekst,
            "toelichting": vraag.toelichting,
            "verplicht": vraag.verplicht,
            "versie": vraag.gewijzigd_op.isoformat(),
        },
    )


def _regeling_opslaan(actor: Actor, form: RegelingForm) -> None:
    gegevens = form.cleaned_data
    services.regeling_opslaan(
        actor=actor,
        versie=gegevens["versie"] or "",
        tweede_deskundigen=gegevens["tweede_deskundigen"].splitlines(),
        categorie_labels=[gegevens[f"categorie_{i}"] for i in (1, 2, 3)],
        minimale_duur_maanden=gegevens["minimale_duur_maanden"],
        maximale_duur_maanden=gegevens["maximale_duur_maanden"],
        einde_signaal_maanden=gegevens["einde_signaal_maanden"],
        bezwaar_indienen_bij=gegevens["bezwaar_indienen_bij"],
        bezwaaradviescommissie=gegevens["bezwaaradviescommissie"],
    )


@login_required
def regeling(request: HttpRequest) -> HttpResponse:
    """The SWV's own TLV settings, with the national defaults until they are changed, and
    the extra questions the school answers after submitting a request."""
    route = "toelaatbaarheid:regeling"
    actor = eis_rol(request, "regeling_beheren", route, object_type="tlv-regeling")
    swv = actor.rol.samenwerkingsverband
    assert swv is not None
    rij = Tlvregeling.objects.filter(samenwerkingsverband=swv).first()
    vragen = list(extra_vragen_van(samenwerkingsverband_id=swv.pk))
    onderdeel = request.POST.get("onderdeel", "regeling") if request.method == "POST" else ""
    data = request.POST if request.method == "POST" else None
    form = RegelingForm(
        data if onderdeel == "regeling" else None,
        initial=RegelingForm.initieel(
            regeling_van(swv), rij.gewijzigd_op.isoformat() if rij else ""
        ),
    )
    nieuw = VraagForm(data if onderdeel == "vraag_toevoegen" else None, prefix="nieuw")
    gekozen = next((v for v in vragen if str(v.pk) == request.POST.get("vraag")), None)
    vraagformulieren = {
        v.pk: _vraagformulier(v, data if onderdeel == "vraag_wijzigen" and v == gekozen else None)
        for v in vragen
    }
    if request.method == "POST":
        actief: Form | None = None
        melding = ""
        try:
            if onderdeel == "regeling":
                actief, melding = form, "De TLV-regeling is opgeslagen."
                if form.is_valid():
                    _regeling_opslaan(actor, form)
            elif onderdeel == "vraag_toevoegen":
                actief, melding = nieuw, "De vraag is toegevoegd."
                if nieuw.is_valid():
                    services.vraag_toevoegen(actor=actor, **nieuw.cleaned_data)
            elif onderdeel in ("vraag_wijzigen", "vraag_verwijderen") and gekozen is not None:
                actief = vraagformulieren[gekozen.pk]
                if onderdeel == "vraag_verwijderen":
                    services.vraag_verwijderen(
                        actor=actor, vraag=gekozen, versie=request.POST.get("versie", "")
                    )
                    melding = "De vraag is verwijderd. Gegeven antwoorden blijven bewaard."
                elif actief.is_valid():
                    services.vraag_wijzigen(actor=actor, vraag=gekozen, **actief.cleaned_data)
                    melding = "De vraag is gewijzigd. Gegeven antwoorden houden de oude tekst."
            else:
                messages.error(request, "Deze vraag bestaat niet (meer). Bekijk de lijst opnieuw.")
                return redirect(TERUG)
        except services.Conflict as fout:
            messages.error(request, str(fout))
            return redirect(TERUG)
        except ValidationError as fout:
            assert actief is not None
            fouten_naar_formulier(actief, fout)
        else:
            if actief is not None and not actief.errors:
                messages.success(request, melding)
                return redirect(TERUG)
    return render(
        request,
        "toelaatbaarheid/regeling.html",
        {
            "form": form,
            "nieuw": nieuw,
            "vragen": [(v, vraagformulieren[v.pk]) for v in vragen],
            "eigen": rij is not None,
            "menu": menu(actor),
        },
    )
