"""The dekkend netwerk pages: the SWV's analyses, starting one, its progress and result
(key figures, needs that cannot be met, capacity per location, the map), a what-if and its
comparison with the analysis it changes.

Thin views: one selector or service call (``monitor.selectors.netwerk``,
``monitor.services.netwerk``, which authorise and write the one access-log record), then
render. A role that may never start an analysis gets a logged 403 before any form is shown.
The result is JSON of figures (never a pupil); ``netwerkweergave`` turns it into what the
templates show.
"""

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_POST

from passend.accounts.actor import Actor, actor_of_403
from passend.core.grafiek import Staaf, staafgrafiek
from passend.core.models import Actie
from passend.monitor.forms.netwerk import (
    NIEUWE_LOCATIE_SOORT,
    AnalyseStartenForm,
    WijzigingenFormSet,
    service_fouten_tonen,
)
from passend.monitor.kaart import netwerkkaart
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.monitor.permissions import beleid
from passend.monitor.rules import Wijzigingssoort
from passend.monitor.selectors.netwerk import analyse_voor, analyses_voor, keuzes_voor_wat_als
from passend.monitor.services.netwerk import analyse_starten
from passend.organisaties.rules import Soort

OBJECT_TYPE = "netwerkanalyse"
LIJST_GROOTTE = 25
LOCATIES_PER_PAGINA = 25
#: How often the progress is asked for while an analysis runs (seconds).
VERVERSEN_S = 2


# --- What the pages show of a result (pure: the result's JSON in, rows out) ----------------

SOORTEN: dict[str, str] = {str(w): str(label) for w, label in Soort.choices}
ONBEKEND_GEBIED = "Gebied niet bekend"
#: Pupils without a known municipality are grouped under the region "".
ONBEKENDE_GEMEENTE = "Gemeente onbekend"
SORTERINGEN = {
    "naam": "Naam",
    "vrij": "Meeste vrije plaatsen eerst",
    "vol": "Volste locaties eerst",
}


def _getal(waarde: float | int | None, decimalen: int = 1) -> str:
    """A number in Dutch notation (decimal comma); "–" for unknown."""
    if waarde is None:
        return "–"
    if isinstance(waarde, int):
        return f"{waarde:,}".replace(",", ".")
    return f"{waarde:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _verschil(basis: float | int | None, nieuw: float | int | None) -> str:
    if basis is None or nieuw is None:
        return "–"
    verschil = nieuw - basis
    if verschil == 0:
        return "0"
    teken = "+" if verschil > 0 else "−"
    if isinstance(verschil, int):
        return f"{teken}{_getal(abs(verschil))}"
    return f"{teken}{_getal(abs(round(verschil, 2)), 2)}"


def _gebiedsnaam(resultaat: Mapping[str, Any], code: str) -> str:
    if not code:
        return ONBEKEND_GEBIED
    return str(resultaat.get("gebieden", {}).get(code, code))


def _niveaulabel(resultaat: Mapping[str, Any], niveau: str) -> str:
    return str(resultaat.get("niveaus", {}).get(niveau, niveau))


def straf_km(instellingen: Mapping[str, Any]) -> Any:
    """The penalty (km) the analysis used; the current setting when it did not keep it."""
    return instellingen.get(
        "straf_speciaal_km", settings.PASSEND["DEKKEND_NETWERK_STRAF_SPECIAAL_KM"]
    )


def uitkomst(resultaat: Mapping[str, Any], instellingen: Mapping[str, Any]) -> dict[str, Any]:
    """The key figures and the tables of needs that cannot be met, with names."""
    afstanden = resultaat.get("afstanden_km") or {}
    return {
        "vraag": resultaat.get("aantal_vraag", 0),
        "geplaatst": resultaat.get("aantal_geplaatst", 0),
        "niet_geplaatst": resultaat.get("aantal_niet_geplaatst", 0),
        "regulier": resultaat.get("regulier_geplaatst", 0),
        "speciaal": resultaat.get("speciaal_geplaatst", 0),
        "kosten_km": _getal(resultaat.get("doelwaarde_km"), 1),
        "gemiddeld": _getal(afstanden.get("gemiddeld")),
        "p90": _getal(afstanden.get("p90")),
        "max": _getal(afstanden.get("max")),
        "bewezen_optimaal": bool(resultaat.get("bewezen_optimaal")),
        "straf_km": _getal(straf_km(instellingen)).removesuffix(",0"),
        "per_gebied": [
            {**rij, "naam": _gebiedsnaam(resultaat, rij["gebied"])}
            for rij in resultaat.get("per_gebied", [])
        ],
        "per_niveau": [
            {**rij, "naam": _niveaulabel(resultaat, rij["niveau"])}
            for rij in resultaat.get("per_niveau", [])
        ],
        "per_regio": [
            {**rij, "naam": rij["regio"] or ONBEKENDE_GEMEENTE}
            for rij in resultaat.get("per_regio", [])
        ],
        "niet_geplaatst_rijen": [
            {
                "regio": rij["regio"] or ONBEKENDE_GEMEENTE,
                "gebied": _gebiedsnaam(resultaat, rij["gebied"]),
                "niveau": _niveaulabel(resultaat, rij["niveau"]),
                "aantal": rij["aantal"],
            }
            for rij in resultaat.get("niet_geplaatst", [])
        ],
        "heeft_kaartpunten": bool(resultaat.get("locaties") or resultaat.get("vraagpunten")),
        # Pupils who count but have no home point: left out of the optimisation, said here.
        "zonder_woonplek": int(resultaat.get("zonder_woonplek") or 0),
    }


def sorteringen() -> list[tuple[str, str]]:
    return list(SORTERINGEN.items())


def locatierijen(resultaat: Mapping[str, Any], sortering: str) -> tuple[list[dict[str, Any]], str]:
    """Every location's places, used and free, sorted as asked (an unknown order: by name)."""
    if sortering not in SORTERINGEN:
        sortering = "naam"
    rijen = [
        {
            "naam": loc.get("naam") or loc.get("id", ""),
            "code": loc.get("vestigingscode") or loc.get("id", ""),
            "soort": SOORTEN.get(loc.get("soort", ""), loc.get("soort", "")),
            "capaciteit": loc.get("capaciteit", 0),
            "gebruikt": loc.get("gebruikt", 0),
            "vrij": loc.get("vrij", 0),
            "stand": (
                "geen plaatsen"
                if not loc.get("capaciteit")
                else "vol"
                if loc.get("vrij", 0) <= 0
                else "vrije plaatsen"
            ),
        }
        for loc in resultaat.get("locaties", [])
    ]
    if sortering == "vrij":
        rijen.sort(key=lambda r: (-r["vrij"], r["naam"]))
    elif sortering == "vol":
        rijen.sort(key=lambda r: (r["vrij"], -r["gebruikt"], r["naam"]))
    else:
        rijen.sort(key=lambda r: (str(r["naam"]).lower(), r["code"]))
    return rijen, sortering


def vergelijking(basis: Mapping[str, Any], nieuw: Mapping[str, Any]) -> dict[str, Any]:
    """The what-if beside its basis: the key figures and the needs not met per area, each
    with the difference (what-if minus basis)."""

    def rij(label: str, b: Any, n: Any, decimalen: int = 1) -> dict[str, str]:
        return {
            "label": label,
            "basis": _getal(b, decimalen),
            "nieuw": _getal(n, decimalen),
            "verschil": _verschil(b, n),
        }

    ba, na = basis.get("afstanden_km") or {}, nieuw.get("afstanden_km") or {}
    kerncijfers = [
        rij("Leerlingen geplaatst", basis.get("aantal_geplaatst"), nieuw.get("aantal_geplaatst")),
        rij(
            "Leerlingen niet geplaatst",
            basis.get("aantal_niet_geplaatst"),
            nieuw.get("aantal_niet_geplaatst"),
        ),
        rij(
            "Geplaatst in het regulier onderwijs",
            basis.get("regulier_geplaatst"),
            nieuw.get("regulier_geplaatst"),
        ),
        rij(
            "Geplaatst in het speciaal onderwijs",
            basis.get("speciaal_geplaatst"),
            nieuw.get("speciaal_geplaatst"),
        ),
        rij("Totale kosten (km)", basis.get("doelwaarde_km"), nieuw.get("doelwaarde_km")),
        rij("Gemiddelde afstand (km)", ba.get("gemiddeld"), na.get("gemiddeld"), 2),
        rij("90 procent reist niet verder dan (km)", ba.get("p90"), na.get("p90"), 2),
        rij("Grootste afstand (km)", ba.get("max"), na.get("max"), 2),
    ]
    open_basis = {r["gebied"]: r["niet_geplaatst"] for r in basis.get("per_gebied", [])}
    open_nieuw = {r["gebied"]: r["niet_geplaatst"] for r in nieuw.get("per_gebied", [])}
    gebieden = sorted(
        set(open_basis) | set(open_nieuw),
        key=lambda g: _gebiedsnaam(nieuw, g).lower(),
    )
    per_gebied = [
        rij(_gebiedsnaam(nieuw, g), open_basis.get(g, 0), open_nieuw.get(g, 0))
        for g in gebieden
        if open_basis.get(g, 0) or open_nieuw.get(g, 0)
    ]
    return {"kerncijfers": kerncijfers, "per_gebied": per_gebied}


def vergelijkingsgrafiek(basis: Netwerkanalyse, nieuw: Netwerkanalyse) -> SafeString:
    """Bars of the main counts of the basis and the what-if (the same as the table)."""
    b, n = basis.resultaat or {}, nieuw.resultaat or {}
    staven = [
        Staaf(label, (int(b.get(sleutel, 0) or 0), int(n.get(sleutel, 0) or 0)))
        for label, sleutel in (
            ("Geplaatst", "aantal_geplaatst"),
            ("Niet geplaatst", "aantal_niet_geplaatst"),
            ("Regulier geplaatst", "regulier_geplaatst"),
            ("Speciaal geplaatst", "speciaal_geplaatst"),
        )
    ]
    return staafgrafiek(
        staven=staven,
        reeksnamen=("Huidig: " + basis.naam[:40], "Wat als: " + nieuw.naam[:40]),
        maximum=max(int(b.get("aantal_vraag", 0) or 0), int(n.get("aantal_vraag", 0) or 0)),
        titel="Plaatsing in de huidige situatie en in de wat-als-analyse",
        omschrijving=(
            "Staafdiagram: per uitkomst het aantal leerlingen in de analyse "
            f"{basis.naam} en in de wat-als-analyse {nieuw.naam}, van alle leerlingen met "
            "een ondersteuningsbehoefte. Dezelfde cijfers staan in de tabel."
        ),
        sleutel="vergelijking",
    )


def wijzigingen_in_woorden(
    wijzigingen: Sequence[Mapping[str, Any]], resultaat: Mapping[str, Any]
) -> list[str]:
    """Each change of a what-if as a sentence, with the names of locations and areas."""
    namen = {
        str(loc.get("vestigingscode") or loc.get("id")): loc.get("naam") or loc.get("id")
        for loc in resultaat.get("locaties", [])
    }

    def vestiging(code: Any) -> str:
        return f"{namen.get(str(code), code)} ({code})"

    def plaats(w: Mapping[str, Any]) -> str:
        return (
            f"{_niveaulabel(resultaat, w.get('niveau', ''))}, "
            f"{_gebiedsnaam(resultaat, w.get('gebied', ''))}"
        )

    zinnen = []
    for w in wijzigingen:
        soort = w.get("soort")
        if soort == Wijzigingssoort.CAPACITEIT:
            zinnen.append(
                f"{vestiging(w.get('vestiging'))}: het aantal plaatsen voor {plaats(w)} "
                f"wordt {w.get('capaciteit')}."
            )
        elif soort == Wijzigingssoort.GEBIED_TOEVOEGEN:
            zinnen.append(
                f"{vestiging(w.get('vestiging'))} biedt voortaan {plaats(w)} aan, met "
                f"{w.get('capaciteit')} plaatsen."
            )
        elif soort == Wijzigingssoort.GEBIED_VERWIJDEREN:
            zinnen.append(f"{vestiging(w.get('vestiging'))} biedt {plaats(w)} niet meer aan.")
        elif soort == Wijzigingssoort.SLUITEN:
            zinnen.append(f"{vestiging(w.get('vestiging'))} gaat dicht.")
        elif soort == Wijzigingssoort.OPENEN:
            locatiesoort = w.get(NIEUWE_LOCATIE_SOORT, "")
            plaatsen = "; ".join(
                f"{p.get('capaciteit')} plaatsen voor {plaats(p)}" for p in w.get("plaatsen", [])
            )
            zinnen.append(
                f"Nieuwe locatie {w.get('naam')} ({SOORTEN.get(locatiesoort, locatiesoort)}) op "
                f"het adres van {vestiging(w.get('bij_vestiging'))}, met {plaatsen}."
            )
        else:
            zinnen.append(f"Onbekende wijziging: {soort}.")
    return zinnen


def _mag_berekenen(actor: Actor) -> bool:
    return beleid.mag(actor, "rol:netwerk_berekenen")


def _eis_berekenen(request: HttpRequest, route: str) -> Actor:
    """The actor, if their role may start analyses; else a logged refusal (403)."""
    actor = actor_of_403(request)
    beleid.eis_rol(
        actor,
        "netwerk_berekenen",
        log_actie=Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN,
        object_type=OBJECT_TYPE,
        route=route,
    )
    return actor


def naar_analyse(analyse: Netwerkanalyse) -> HttpResponse:
    return redirect("monitor:netwerk-analyse", sleutel=analyse.sleutel)


@login_required
def netwerk(request: HttpRequest) -> HttpResponse:
    """The SWV's analyses, newest first, a page at a time."""
    route = "monitor:netwerk"
    actor = actor_of_403(request)
    analyses = analyses_voor(actor=actor, route=route)
    pagina = Paginator(analyses, LIJST_GROOTTE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "monitor/netwerk/lijst.html",
        {"pagina": pagina, "mag_berekenen": _mag_berekenen(actor)},
    )


@login_required
def starten(request: HttpRequest) -> HttpResponse:
    """Start an analysis of the current situation."""
    route = "monitor:netwerk-starten"
    actor = _eis_berekenen(request, route)
    vandaag = timezone.localdate()
    form = AnalyseStartenForm(
        request.POST if request.method == "POST" else None,
        initial={"naam": f"Huidige situatie {vandaag.day}-{vandaag.month}-{vandaag.year}"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            analyse = analyse_starten(
                actor=actor,
                naam=form.cleaned_data["naam"],
                wijzigingen=[],
                basis=None,
                route=route,
            )
        except ValidationError as fout:
            service_fouten_tonen(fout, form=form, formset=None, formnummers=[])
        else:
            messages.success(request, "De analyse is gestart.")
            return naar_analyse(analyse)
    return render(request, "monitor/netwerk/starten.html", {"form": form})


@login_required
def analyse(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """One analysis: its progress while it runs, its result when it is done, the error when
    it failed; a what-if beside the analysis it changes."""
    route = "monitor:netwerk-analyse"
    actor = actor_of_403(request)
    analyse = analyse_voor(actor=actor, sleutel=sleutel, route=route)
    context: dict[str, Any] = {
        "analyse": analyse,
        "mag_berekenen": _mag_berekenen(actor),
        "verversen_s": VERVERSEN_S,
        "bezig": analyse.status in (Analysestatus.WACHTRIJ, Analysestatus.BEZIG),
    }
    basis = analyse.basis
    if analyse.status == Analysestatus.KLAAR and analyse.resultaat is not None:
        resultaat = analyse.resultaat
        sortering = request.GET.get("sorteer", "")
        rijen, sortering = locatierijen(resultaat, sortering)
        context.update(
            uitkomst=uitkomst(resultaat, analyse.instellingen),
            locaties=Paginator(rijen, LOCATIES_PER_PAGINA).get_page(request.GET.get("pagina")),
            sortering=sortering,
            sorteringen=sorteringen(),
            querystring=f"sorteer={sortering}",
            kaart=netwerkkaart(
                resultaat,
                titel=f"Kaart van de analyse {analyse.naam}",
                soorten=SOORTEN,
            ),
        )
        if (
            basis is not None
            and basis.status == Analysestatus.KLAAR
            and basis.resultaat is not None
        ):
            context.update(
                vergelijking=vergelijking(basis.resultaat, resultaat),
                vergelijkingsgrafiek=vergelijkingsgrafiek(basis, analyse),
            )
    if basis is not None:
        context["wijzigingen"] = wijzigingen_in_woorden(analyse.wijzigingen, basis.resultaat or {})
    return render(request, "monitor/netwerk/analyse.html", context)


@login_required
def voortgang(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The progress fragment (htmx polls it); when the analysis is no longer running, the
    page is told to reload (``HX-Refresh``) and shows the result or the error."""
    route = "monitor:netwerk-voortgang"
    actor = actor_of_403(request)
    analyse = analyse_voor(actor=actor, sleutel=sleutel, route=route)
    antwoord = render(
        request,
        "monitor/netwerk/_voortgang.html",
        {
            "analyse": analyse,
            "bezig": analyse.status in (Analysestatus.WACHTRIJ, Analysestatus.BEZIG),
        },
    )
    if analyse.status not in (Analysestatus.WACHTRIJ, Analysestatus.BEZIG):
        antwoord["HX-Refresh"] = "true"
    return antwoord


@login_required
@require_POST
def opnieuw(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """Start a failed analysis again: the same name, changes and basis, as a new analysis."""
    route = "monitor:netwerk-opnieuw"
    actor = _eis_berekenen(request, route)
    oud = analyse_voor(actor=actor, sleutel=sleutel, route=route, actie="netwerk_berekenen")
    if oud.status != Analysestatus.MISLUKT:
        messages.info(request, "Deze analyse is niet mislukt; er is niets opnieuw gestart.")
        return naar_analyse(oud)
    try:
        nieuw = analyse_starten(
            actor=actor,
            naam=oud.naam,
            wijzigingen=list(oud.wijzigingen),
            basis=oud.basis,
            route=route,
        )
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
        return naar_analyse(oud)
    messages.success(request, "De analyse is opnieuw gestart.")
    return naar_analyse(nieuw)


@login_required
def wat_als(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """A what-if of a finished analysis: up to five changes, then a new analysis beside it."""
    route = "monitor:netwerk-wat-als"
    actor = _eis_berekenen(request, route)
    basis = analyse_voor(actor=actor, sleutel=sleutel, route=route, actie="netwerk_berekenen")
    if basis.status != Analysestatus.KLAAR:
        messages.info(request, "Een wat-als-analyse kan pas als deze analyse klaar is.")
        return naar_analyse(basis)
    keuzes = keuzes_voor_wat_als(actor=actor)
    post = request.POST if request.method == "POST" else None
    form = AnalyseStartenForm(post, initial={"naam": f"Wat als: {basis.naam}"}, prefix="analyse")
    formset = WijzigingenFormSet(post, form_kwargs={"keuzes": keuzes}, prefix="wijziging")
    if post is not None and form.is_valid() and formset.is_valid():
        wijzigingen, formnummers = formset.wijzigingen()
        try:
            nieuw = analyse_starten(
                actor=actor,
                naam=form.cleaned_data["naam"],
                wijzigingen=wijzigingen,
                basis=basis,
                route=route,
            )
        except ValidationError as fout:
            service_fouten_tonen(fout, form=form, formset=formset, formnummers=formnummers)
        else:
            messages.success(request, "De wat-als-analyse is gestart.")
            return naar_analyse(nieuw)
    return render(
        request,
        "monitor/netwerk/wat_als.html",
        {
            "basis": basis,
            "form": form,
            "formset": formset,
            "fouten": post is not None
            and bool(form.errors or any(formset.errors) or formset.non_form_errors()),
            "eerdere_wijzigingen": wijzigingen_in_woorden(basis.wijzigingen, basis.resultaat or {}),
        },
    )
