"""The verzuim report (counts only) and the yearly Leerplichttelling export.

* ``rapportage``: the SWV's loket and directeur see their region, the leerplichtambtenaar
  their municipality. Aggregates only, but computed from the pupils' cases: like
  ``toelaatbaarheid:rapportage`` the page writes one LEZEN access-log record with the keys
  of the pupils whose cases were counted, before it is shown. A period that is not valid
  shows its errors and no figures (and touches no pupil data: no record).
* ``leerplichttelling``: without a school year a form; with one a CSV file (pupil-level
  rows: one EXPORTEREN record with every pupil key, written before the file is sent). The
  leerplichtambtenaar exports their own municipality (the counts of every case, rows only of
  the cases they are a running partner in); the SWV chooses one municipality of its
  werkgebied and exports its own cases there (counts and rows).
"""

import csv
import io
from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.actor import Actor, actor_of_403
from passend.accounts.rules import GEMEENTEROLLEN, Rolsoort
from passend.core.csvbestand import csv_download, formule_afschermen
from passend.core.forms import NLDesignForm
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.organisaties.models import Gemeente
from passend.verzuim.grafiek import Periodereeks, periodegrafiek
from passend.verzuim.permissions import beleid
from passend.verzuim.rules import schooljaar_grenzen, schooljaar_van
from passend.verzuim.selectors.cijfers import (
    Gebied,
    einde_van_periode_na,
    verzuim_cijfers,
)
from passend.verzuim.selectors.cijfers import (
    leerplichttelling as leerplichttelling_van,
)

OBJECT_RAPPORTAGE = "verzuim-rapportage"
OBJECT_TELLING = "leerplichttelling"
GEEN_DATUM = "Vul een geldige datum in, bijvoorbeeld 1-8-2026."
#: How many school years back the forms offer.
SCHOOLJAREN_TERUG = 6


def eis_rol(request: HttpRequest, actie: str, route: str, *, object_type: str, log: Actie) -> Actor:
    """The actor, if their role may ever do this; else a logged refusal (403)."""
    actor = actor_of_403(request)
    beleid.eis_rol(actor, actie, log_actie=log, object_type=object_type, route=route)
    return actor


def schooljaren(vandaag: date) -> list[str]:
    """The running school year and the ones before it, newest first."""
    begin = int(schooljaar_van(vandaag)[:4])
    return [f"{jaar}-{jaar + 1}" for jaar in range(begin, begin - SCHOOLJAREN_TERUG, -1)]


def _datumveld(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": GEEN_DATUM},
    )


class PeriodeForm(NLDesignForm):
    """The period of the report: a school year, or a period from–to (at most 5 years)."""

    schooljaar = forms.ChoiceField(label="Schooljaar", required=False)
    van = _datumveld("Of een eigen periode: van")
    tot = _datumveld("Tot en met")

    def __init__(self, *args: Any, vandaag: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        jaren = schooljaren(vandaag)
        self.standaard = jaren[0]
        veld = self.fields["schooljaar"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [(j, j) for j in jaren]
        veld.error_messages["invalid_choice"] = "Kies een schooljaar uit de lijst."

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if "van" in self.errors or "tot" in self.errors:
            return gegevens
        if van and not tot:
            self.add_error("tot", "Vul ook de einddatum in, of laat beide datums leeg.")
        elif tot and not van:
            self.add_error("van", "Vul ook de begindatum in, of laat beide datums leeg.")
        elif van and tot:
            if not 2000 <= van.year <= 2100 or not 2000 <= tot.year <= 2100:
                self.add_error("van", "Kies datums tussen 2000 en 2100.")
            elif tot < van:
                self.add_error("tot", "De einddatum ligt vóór de begindatum.")
            elif tot > einde_van_periode_na(van):
                self.add_error(
                    "tot",
                    "Een periode is hoogstens 5 jaar. Kies een latere begindatum of een eerdere einddatum.",
                )
        return gegevens

    def periode(self) -> tuple[date, date]:
        """The chosen period (only on a valid form)."""
        van, tot = self.cleaned_data.get("van"), self.cleaned_data.get("tot")
        if van and tot:
            return van, tot
        return schooljaar_grenzen(self.cleaned_data.get("schooljaar") or self.standaard)


def gebied_van(actor: Actor) -> Gebied:
    """What the actor's report covers: the SWV's region, or the municipality."""
    rol = actor.rol
    if actor.rolsoort == Rolsoort.LEERPLICHTAMBTENAAR:
        assert rol.gemeente is not None
        return Gebied(label=f"gemeente {rol.gemeente.naam}", gemeente=rol.gemeente)
    assert rol.samenwerkingsverband is not None
    return Gebied(
        label=rol.samenwerkingsverband.naam, samenwerkingsverband=rol.samenwerkingsverband
    )


def _trendgrafiek(cijfers: dict[str, Any]) -> str:
    trend = cijfers["trend"]
    return periodegrafiek(
        labels=[k["kwartaal"] for k in trend],
        reeksen=[
            Periodereeks("Thuiszitters", tuple(k["thuiszitters"] for k in trend)),
            Periodereeks("Nieuwe meldingen", tuple(k["nieuw"] for k in trend)),
            Periodereeks("Beëindigde meldingen", tuple(k["beeindigd"] for k in trend)),
        ],
        titel="Verzuim per kwartaal",
        omschrijving=(
            "Per kwartaal het aantal thuiszitters, nieuwe meldingen en beëindigde "
            "meldingen. De tabel onder de grafiek geeft dezelfde cijfers."
        ),
        eenheid="meldingen",
    )


@login_required
@require_GET
def rapportage(request: HttpRequest) -> HttpResponse:
    """Thuiszitters per 1,000 pupils, by kind, school type and board; duration quartiles;
    the trend per quarter. Counts only."""
    route = "verzuim:rapportage"
    actor = eis_rol(request, "rapporteren", route, object_type=OBJECT_RAPPORTAGE, log=Actie.LEZEN)
    vandaag = timezone.localdate()
    form = PeriodeForm(
        request.GET or None, vandaag=vandaag, initial={"schooljaar": schooljaar_van(vandaag)}
    )
    if form.is_bound and not form.is_valid():
        return render(request, "verzuim/rapportage/rapportage.html", {"form": form})
    van, tot = form.periode() if form.is_bound else schooljaar_grenzen(form.standaard)
    gebied = gebied_van(actor)
    cijfers = verzuim_cijfers(gebied=gebied, van=van, tot=tot, peildatum=vandaag)
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type=OBJECT_RAPPORTAGE,
        object_id=actor.organisatie_sleutel,
        leerling_sleutels=cijfers["leerling_sleutels"],
        toegestaan=True,
        reden=f"verzuimrapportage {gebied.label} {van:%d-%m-%Y} t/m {tot:%d-%m-%Y} (alleen aantallen)",
        route=route,
    )
    return render(
        request,
        "verzuim/rapportage/rapportage.html",
        {
            "form": form,
            "cijfers": cijfers,
            "grafiek": _trendgrafiek(cijfers),
            "telling": beleid.mag(actor, "rol:leerplichttelling"),
        },
    )


class LeerplichttellingForm(NLDesignForm):
    """The school year and (for the SWV) the municipality of the Leerplichttelling."""

    schooljaar = forms.ChoiceField(
        label="Schooljaar", error_messages={"required": "Kies een schooljaar."}
    )
    gemeente = forms.ModelChoiceField(
        label="Gemeente",
        queryset=Gemeente.objects.none(),
        error_messages={
            "required": "Kies een gemeente.",
            "invalid_choice": "Kies een gemeente uit de lijst.",
        },
    )

    def __init__(self, *args: Any, vandaag: date, gemeenten: Any | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["schooljaar"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [(j, j) for j in schooljaren(vandaag)]
        veld.error_messages["invalid_choice"] = "Kies een schooljaar uit de lijst."
        if gemeenten is None:
            del self.fields["gemeente"]
        else:
            gemeenteveld = self.fields["gemeente"]
            assert isinstance(gemeenteveld, forms.ModelChoiceField)
            gemeenteveld.queryset = gemeenten


#: The columns of the case rows of the Leerplichttelling.
TELLING_KOLOMMEN = (
    "meldnummer",
    "leerling",
    "geboortejaar",
    "soort",
    "sinds",
    "einde",
    "weken",
    "reden",
    "uitkomst",
    "vestigingscode",
)


def _cel(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, date):
        return waarde.isoformat()
    return formule_afschermen(str(waarde))


def telling_als_csv(telling: dict[str, Any]) -> str:
    """The Leerplichttelling as CSV text: the summary block, an empty line, the cases."""
    uit = io.StringIO(newline="")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    gemeente = telling["gemeente"]
    schrijver.writerow(["Leerplichttelling", _cel(gemeente.naam), telling["schooljaar"]])
    schrijver.writerow(["gemeentecode", _cel(gemeente.code or "")])
    schrijver.writerow(["peildatum", _cel(telling["peildatum"])])
    schrijver.writerow([])
    schrijver.writerow(["onderdeel", "categorie", "aantal"])
    schrijver.writerow(["totaal", "meldingen", telling["aantal"]])
    for label, aantal in telling["per_vorm"]:
        schrijver.writerow(["soort", label, aantal])
    thuis = telling["thuiszitters"]
    schrijver.writerow(["thuiszitters", "totaal", thuis["totaal"]])
    schrijver.writerow(["thuiszitters", "absoluut verzuim", thuis["absoluut"]])
    schrijver.writerow(["thuiszitters", "langdurig relatief verzuim", thuis["langdurig_relatief"]])
    for label, aantal in telling["per_reden"]:
        schrijver.writerow(["reden", label, aantal])
    for label, aantal in telling["per_duur"]:
        schrijver.writerow(["duur", label, aantal])
    schrijver.writerow([])
    schrijver.writerow(TELLING_KOLOMMEN)
    for r in telling["rijen"]:
        schrijver.writerow(
            [
                _cel(r["meldnummer"]),
                _cel(r["leerling"]),
                _cel(r["geboortejaar"]),
                _cel(r["vorm"]),
                _cel(r["sinds"]),
                _cel(r["einde"]),
                _cel(r["weken"]),
                _cel(r["reden"]),
                _cel(r["uitkomst"]),
                _cel(r["vestigingscode"]),
            ]
        )
    return uit.getvalue()


@require_GET
@never_cache
@login_required
def leerplichttelling(request: HttpRequest) -> HttpResponse:
    """The yearly Leerplichttelling of one municipality, as a CSV file."""
    route = "verzuim:leerplichttelling"
    actor = eis_rol(
        request, "leerplichttelling", route, object_type=OBJECT_TELLING, log=Actie.EXPORTEREN
    )
    vandaag = timezone.localdate()
    swv = actor.rol.samenwerkingsverband if actor.rolsoort != Rolsoort.LEERPLICHTAMBTENAAR else None
    gemeenten = swv.werkgebied.order_by("naam") if swv is not None else None
    form = LeerplichttellingForm(
        request.GET if "schooljaar" in request.GET else None,
        vandaag=vandaag,
        gemeenten=gemeenten,
        initial={"schooljaar": schooljaar_van(vandaag)},
    )
    if not form.is_bound or not form.is_valid():
        gemeente_eigen = actor.rol.gemeente if swv is None else None
        return render(
            request,
            "verzuim/rapportage/leerplichttelling.html",
            {"form": form, "gemeente": gemeente_eigen},
        )
    gemeente = form.cleaned_data["gemeente"] if swv is not None else actor.rol.gemeente
    assert gemeente is not None
    telling = leerplichttelling_van(
        gemeente=gemeente,
        schooljaar=form.cleaned_data["schooljaar"],
        peildatum=vandaag,
        samenwerkingsverband=swv,
        # A municipal worker gets rows only of the cases they are a running partner in;
        # the summary stays municipality-wide. The SWV gets every row of its own cases.
        rijen_alleen_voor_partner=actor.gebruiker if actor.rolsoort in GEMEENTEROLLEN else None,
    )
    toegang_vastleggen(
        actor=actor,
        actie=Actie.EXPORTEREN,
        object_type=OBJECT_TELLING,
        object_id=str(gemeente.code or gemeente.pk),
        leerling_sleutels=telling["leerling_sleutels"],
        toegestaan=True,
        reden=(
            f"Leerplichttelling {gemeente.naam} {telling['schooljaar']} "
            f"({telling['aantal']} meldingen, {telling['aantal_rijen']} op leerlingniveau)"
        ),
        route=route,
    )
    tekst = telling_als_csv(telling)
    naam = f"leerplichttelling-{gemeente.code or gemeente.pk}-{telling['schooljaar']}.csv"
    return csv_download(tekst, naam)
