"""The schoolgids text of a location and school year: written by Passend from the offer
(over a text edited by hand only after an explicit confirmation), edited by hand with an
optimistic lock, shown as headings, bullets and paragraphs, downloaded as a PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from passend.aanbod.forms import OpstellenForm, SchoolgidstekstForm
from passend.aanbod.models import Schoolgidstekst
from passend.aanbod.pdf import schoolgids_bestandsnaam, schoolgids_pdf
from passend.aanbod.permissions import beleid
from passend.aanbod.schoolgids import blokken
from passend.aanbod.selectors.school import (
    schoolgids_bron,
    schoolgidstekst_maximum,
    schoolgidstekst_van,
    schooljaar_of_404,
    tekst_achterhaald,
    vestiging_voor_inzien,
)
from passend.aanbod.services.basis import Conflict
from passend.aanbod.services.schoolgids import schoolgidstekst_bewerken, schoolgidstekst_opstellen
from passend.aanbod.views.school.basis import (
    naar_schoolgids,
    rol_actor,
    schrijfbaar,
    te_beschrijven,
    toon_pagina,
)
from passend.core.forms import fouten_naar_formulier


def _gids_adres(request: HttpRequest) -> str:
    """Where parents find the public guide (its search page, as a full address)."""
    return request.build_absolute_uri(reverse("gids:zoeken"))


@login_required
def schoolgids(request: HttpRequest, vestigingscode: str, schooljaar: str) -> HttpResponse:
    """The schoolgids text of a school year, shown as headings, bullets and paragraphs."""
    actor = rol_actor(request, "aanbod_inzien")
    locatie = vestiging_voor_inzien(actor=actor, vestigingscode=vestigingscode)
    schooljaar_of_404(schooljaar)
    tekst = schoolgidstekst_van(vestiging=locatie, schooljaar=schooljaar)
    bron = schoolgids_bron(vestiging=locatie, schooljaar=schooljaar)
    return toon_pagina(
        request,
        actor,
        "aanbod/school/schoolgids.html",
        {
            "vestiging": locatie,
            "schooljaar": schooljaar,
            "tekst": tekst,
            "blokken": blokken(tekst.tekst) if tekst else [],
            "bron": bron,
            "achterhaald": tekst is not None and tekst_achterhaald(tekst, bron),
            "mag_bewerken": schooljaar in te_beschrijven()
            and beleid.mag(actor, "schoolgids_bewerken", locatie),
            "form": OpstellenForm(initial={"revisie": tekst.revisie if tekst else 0}),
        },
    )


@login_required
@require_POST
def schoolgids_opstellen(
    request: HttpRequest, vestigingscode: str, schooljaar: str
) -> HttpResponse:
    """Passend writes the text from the offer; over a text edited by hand only after an
    explicit confirmation (the page asks for it)."""
    actor, locatie = schrijfbaar(
        request, "aanbod_beschrijven", "schoolgids_bewerken", vestigingscode, schooljaar
    )
    form = OpstellenForm(request.POST)
    if not form.is_valid():
        for melding in form.non_field_errors():
            messages.error(request, str(melding))
        return naar_schoolgids(locatie, schooljaar)
    try:
        schoolgidstekst_opstellen(
            actor=actor,
            vestiging=locatie,
            schooljaar=schooljaar,
            gids_adres=_gids_adres(request),
            revisie=form.cleaned_data["revisie"],
            overschrijven=form.cleaned_data["overschrijven"],
        )
    except Conflict as fout:
        if fout.code == "revisie":
            # Someone else changed the text: show the current one, replace nothing.
            messages.error(request, fout.melding)
            return naar_schoolgids(locatie, schooljaar)
        if "gevraagd" in request.POST:
            form.add_error(
                "overschrijven", "Vink dit aan als u uw aangepaste tekst wilt vervangen."
            )
        return toon_pagina(
            request,
            actor,
            "aanbod/school/schoolgids_bevestigen.html",
            {"vestiging": locatie, "schooljaar": schooljaar, "form": form, "melding": fout.melding},
        )
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
    else:
        messages.success(
            request, "Passend heeft de tekst voor de schoolgids gemaakt uit het aanbod."
        )
    return naar_schoolgids(locatie, schooljaar)


@login_required
def schoolgids_bewerken(request: HttpRequest, vestigingscode: str, schooljaar: str) -> HttpResponse:
    """The school edits the text by hand; a stale form is refused with the current text."""
    actor, locatie = schrijfbaar(
        request, "aanbod_beschrijven", "schoolgids_bewerken", vestigingscode, schooljaar
    )
    tekst = schoolgidstekst_van(vestiging=locatie, schooljaar=schooljaar)
    if tekst is None:
        messages.info(request, "Er is nog geen tekst. Laat Passend eerst een tekst maken.")
        return naar_schoolgids(locatie, schooljaar)
    conflict, ingevuld = "", ""
    maximum = schoolgidstekst_maximum()
    if request.method == "POST":
        form = SchoolgidstekstForm(request.POST, maximum=maximum)
        if form.is_valid():
            try:
                schoolgidstekst_bewerken(
                    actor=actor,
                    schoolgidstekst=tekst,
                    revisie=form.cleaned_data["revisie"],
                    tekst=form.cleaned_data["tekst"],
                )
            except Conflict as fout:
                conflict, ingevuld = fout.melding, form.cleaned_data["tekst"]
                tekst = Schoolgidstekst.objects.get(pk=tekst.pk)
                form = SchoolgidstekstForm(
                    initial=SchoolgidstekstForm.beginwaarden(tekst), maximum=maximum
                )
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, "De tekst voor de schoolgids is opgeslagen.")
                return naar_schoolgids(locatie, schooljaar)
    else:
        form = SchoolgidstekstForm(initial=SchoolgidstekstForm.beginwaarden(tekst), maximum=maximum)
    return toon_pagina(
        request,
        actor,
        "aanbod/school/schoolgids_bewerken.html",
        {
            "vestiging": locatie,
            "schooljaar": schooljaar,
            "tekst": tekst,
            "form": form,
            "conflict": conflict,
            "ingevuld": ingevuld,
        },
    )


@login_required
def schoolgids_download(request: HttpRequest, vestigingscode: str, schooljaar: str) -> HttpResponse:
    """The text as an accessible PDF."""
    actor = rol_actor(request, "aanbod_inzien")
    locatie = vestiging_voor_inzien(actor=actor, vestigingscode=vestigingscode)
    schooljaar_of_404(schooljaar)
    tekst = schoolgidstekst_van(vestiging=locatie, schooljaar=schooljaar)
    if tekst is None:
        raise Http404("Er is nog geen tekst voor de schoolgids.")
    tekst.vestiging = locatie
    antwoord = HttpResponse(schoolgids_pdf(tekst), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{schoolgids_bestandsnaam(tekst)}"'
    return antwoord
