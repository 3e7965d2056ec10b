"""The filters of the KPI dashboard and of the all-SWV table (GET forms).

A period is a school year, or an own period from–to of at most
``MAXIMALE_PERIODE_JAREN`` years; without either, the current school year up to today. The
dashboard narrows on a school board (the boards of the SWV's member locations) and a soort
of location; the all-SWV table on a sector. Every field has a Dutch label and Dutch errors.
"""

from datetime import date
from typing import Any

from django import forms
from django.db.models import Exists, OuterRef, QuerySet

from passend.core.forms import NLDesignForm
from passend.core.kalender import schooljaar_grenzen, schooljaar_van
from passend.monitor.rules import Afbakening
from passend.monitor.selectors.kpi import MAXIMALE_PERIODE_JAREN, controleer_periode
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
    """The period: a school year, or an own period from–to."""

    ZONDER_VERPLICHT_HINT = frozenset({"schooljaar", "van", "tot", "bestuur", "soort", "sector"})

    schooljaar = forms.ChoiceField(
        label="Schooljaar",
        required=False,
        help_text="Het lopende schooljaar telt tot en met vandaag.",
    )
    van = _datumveld("Of een eigen periode: van")
    tot = _datumveld("Tot en met")

    def __init__(self, *args: Any, vandaag: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag
        jaren = schooljaren(vandaag)
        self.standaard = jaren[0]
        veld = self.fields["schooljaar"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [(j, j) for j in jaren]
        veld.error_messages["invalid_choice"] = "Kies een schooljaar uit de lijst."

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
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
        return schooljaar_tot_vandaag(gegevens.get("schooljaar") or self.standaard, self.vandaag)

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
        self, *args: Any, samenwerkingsverband: Samenwerkingsverband, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
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

    def afbakening(self) -> Afbakening:
        gegevens = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        bestuur = gegevens.get("bestuur")
        return Afbakening(
            bestuur_id=bestuur.pk if bestuur is not None else None,
            soort=gegevens.get("soort") or None,
        )


class LandelijkForm(PeriodeForm):
    """Every SWV side by side: period and sector."""

    sector = forms.ChoiceField(
        label="Sector",
        required=False,
        choices=[("", "Beide sectoren"), *Sector.choices],
        error_messages={"invalid_choice": "Kies een sector uit de lijst."},
    )

    def afbakening(self) -> Afbakening:
        gegevens = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        return Afbakening(sector=gegevens.get("sector") or None)
