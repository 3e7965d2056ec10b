"""The filters of the KPI dashboard and of the all-SWV table (GET forms).

For the directeur and the functioneel beheerder a period is one to
``MAXIMALE_PERIODE_JAREN`` whole school years up to a chosen one, or an own period from–to
of at most that long; without either, the current school year up to today; the dashboard
narrows on a school board (the boards of the SWV's member locations) and a soort of
location. Whoever sees suppressed figures (the board, the OPR, the national table) chooses
exactly one school year and nothing else: two views together (a filtered and an unfiltered
one, two years and one) could reveal a small cell (see ``selectors/kpi.py``). Asking for
more anyway is an error, not ignored. The all-SWV table narrows on a sector (which only
chooses the SWVs listed). Every field has a Dutch label and Dutch errors.
"""

from datetime import date
from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, QuerySet

from passend.core.forms import NLDesignForm
from passend.core.kalender import schooljaar_grenzen, schooljaar_van
from passend.monitor.rules import Afbakening
from passend.monitor.selectors.kpi import (
    GEEN_FILTERS,
    HELE_SCHOOLJAREN,
    MAXIMALE_PERIODE_JAREN,
    controleer_periode,
)
from passend.organisaties.models import Samenwerkingsverband, Schoolbestuur
from passend.organisaties.rules import SECTOREN_VAN_SOORT, Sector, Soort
from passend.organisaties.selectors import vestigingen_van_swv

GEEN_DATUM = "Vul een geldige datum in, bijvoorbeeld 1-8-2026."
#: How many school years back the forms offer (the running one included).
SCHOOLJAREN_TERUG = 6


def schooljaren(vandaag: date) -> list[str]:
    """The running school year and the ones before it, newest first."""
    begin = int(schooljaar_van(vandaag)[:4])
    return [f"{jaar}-{jaar + 1}" for jaar in range(begin, begin - SCHOOLJAREN_TERUG, -1)]


def schooljaar_tot_vandaag(schooljaar: str, vandaag: date) -> tuple[date, date]:
    """A school year's first and last day; the running school year ends today."""
    van, tot = schooljaar_grenzen(schooljaar)
    return van, (min(tot, vandaag) if van <= vandaag else tot)


def schooljaren_tot_en_met(schooljaar: str, jaren: int, vandaag: date) -> tuple[date, date]:
    """``jaren`` whole school years up to and including ``schooljaar`` (which ends today
    when it is the running one)."""
    eerste = int(schooljaar[:4]) - jaren + 1
    van, _ = schooljaar_grenzen(f"{eerste}-{eerste + 1}")
    _, tot = schooljaar_tot_vandaag(schooljaar, vandaag)
    return van, tot


JAREN_KEUZES = [
    (str(n), f"{n} schooljaar" if n == 1 else f"{n} schooljaren")
    for n in range(1, MAXIMALE_PERIODE_JAREN + 1)
]


def _datumveld(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": GEEN_DATUM},
    )


class BestuurKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.naam} ({obj.bevoegd_gezag_nummer})"


class PeriodeForm(NLDesignForm):
    """The period: whole school years up to a chosen one, or an own period from–to; without
    ``vrije_periode`` (suppressed figures) exactly one school year."""

    ZONDER_VERPLICHT_HINT = frozenset(
        {"schooljaar", "jaren", "van", "tot", "bestuur", "soort", "sector"}
    )

    schooljaar = forms.ChoiceField(
        label="Schooljaar (tot en met)",
        required=False,
        help_text="Het lopende schooljaar telt tot en met vandaag.",
    )
    jaren = forms.ChoiceField(
        label="Aantal schooljaren",
        required=False,
        choices=JAREN_KEUZES,
        help_text="Het gekozen schooljaar en de schooljaren ervoor.",
        error_messages={"invalid_choice": "Kies 1 tot 5 schooljaren."},
    )
    van = _datumveld("Of een eigen periode: van")
    tot = _datumveld("Tot en met")

    def __init__(
        self, *args: Any, vandaag: date, vrije_periode: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag
        self.vrije_periode = vrije_periode
        jaren = schooljaren(vandaag)
        self.standaard = jaren[0]
        veld = self.fields["schooljaar"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [(j, j) for j in jaren]
        veld.error_messages["invalid_choice"] = "Kies een schooljaar uit de lijst."
        if not vrije_periode:
            del self.fields["van"]
            del self.fields["tot"]
            del self.fields["jaren"]
            veld.label = "Schooljaar"

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if not self.vrije_periode:
            if (
                self.data.get("van")
                or self.data.get("tot")
                or self.data.get("jaren") not in (None, "", "1")
            ):
                self.add_error(None, HELE_SCHOOLJAREN)
            return gegevens
        if "van" in self.errors or "tot" in self.errors:
            return gegevens
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and not tot:
            self.add_error("tot", "Vul ook de einddatum in, of laat beide datums leeg.")
        elif tot and not van:
            self.add_error("van", "Vul ook de begindatum in, of laat beide datums leeg.")
        elif van and tot:
            if not 2000 <= van.year <= 2100 or not 2000 <= tot.year <= 2100:
                self.add_error("van", "Kies datums tussen 2000 en 2100.")
            elif tot < van:
                self.add_error("tot", "De einddatum ligt vóór de begindatum.")
            else:
                try:
                    controleer_periode(van, tot)
                except ValueError:
                    self.add_error(
                        "tot",
                        f"Een periode is hoogstens {MAXIMALE_PERIODE_JAREN} jaar. Kies een "
                        "latere begindatum of een eerdere einddatum.",
                    )
        return gegevens

    def periode(self) -> tuple[date, date]:
        """The chosen period (on a valid or an unbound form)."""
        gegevens = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot:
            return van, tot
        return schooljaren_tot_en_met(
            gegevens.get("schooljaar") or self.standaard,
            int(gegevens.get("jaren") or 1) if self.vrije_periode else 1,
            self.vandaag,
        )

    def afbakening(self) -> Afbakening:
        return Afbakening()

    def parameters(self) -> dict[str, str]:
        """The filters as they were asked (for the download links: the same figures)."""
        if not self.is_bound:
            return {}
        return {naam: str(self.data.get(naam)) for naam in self.fields if self.data.get(naam)}


def besturen_van(samenwerkingsverband: Samenwerkingsverband, peildatum: date) -> QuerySet[Any]:
    """The boards of the SWV's member locations on ``peildatum``."""
    leden = vestigingen_van_swv(samenwerkingsverband=samenwerkingsverband, peildatum=peildatum)
    return Schoolbestuur.objects.filter(
        Exists(leden.filter(school__bestuur=OuterRef("pk")).values("pk"))
    ).order_by("naam", "bevoegd_gezag_nummer")


class DashboardForm(PeriodeForm):
    """The dashboard of one SWV: period, school board and soort of location."""

    bestuur = BestuurKeuze(
        label="Schoolbestuur",
        queryset=Schoolbestuur.objects.none(),
        required=False,
        empty_label="Alle schoolbesturen",
        error_messages={"invalid_choice": "Kies een schoolbestuur uit de lijst."},
    )
    soort = forms.ChoiceField(label="Soort school", required=False)

    def __init__(
        self,
        *args: Any,
        samenwerkingsverband: Samenwerkingsverband,
        onderdrukt: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, vrije_periode=not onderdrukt, **kwargs)
        self.met_filters = not onderdrukt
        if onderdrukt:
            del self.fields["bestuur"]
            del self.fields["soort"]
            return
        bestuur = self.fields["bestuur"]
        assert isinstance(bestuur, forms.ModelChoiceField)
        bestuur.queryset = besturen_van(samenwerkingsverband, self.vandaag)
        soort = self.fields["soort"]
        assert isinstance(soort, forms.ChoiceField)
        soort.choices = [("", "Alle soorten")] + [
            (waarde, label)
            for waarde, label in Soort.choices
            if samenwerkingsverband.sector in SECTOREN_VAN_SOORT[waarde]
        ]
        soort.error_messages["invalid_choice"] = "Kies een soort school uit de lijst."

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean()
        if not self.met_filters and (self.data.get("bestuur") or self.data.get("soort")):
            self.add_error(None, GEEN_FILTERS)
        return gegevens

    def afbakening(self) -> Afbakening:
        gegevens = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        bestuur = gegevens.get("bestuur")
        return Afbakening(
            bestuur_id=bestuur.pk if bestuur is not None else None,
            soort=gegevens.get("soort") or None,
        )


class LandelijkForm(PeriodeForm):
    """Every SWV side by side (always suppressed): one school year and a sector."""

    sector = forms.ChoiceField(
        label="Sector",
        required=False,
        choices=[("", "Beide sectoren"), *Sector.choices],
        error_messages={"invalid_choice": "Kies een sector uit de lijst."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, vrije_periode=False, **kwargs)

    def afbakening(self) -> Afbakening:
        gegevens = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        return Afbakening(sector=gegevens.get("sector") or None)
