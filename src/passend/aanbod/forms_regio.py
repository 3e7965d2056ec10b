"""Forms of the samenwerkingsverband's pages: the region overview's filter, the period of
the waiting lists, the CSV import and export, and a Voorziening of the sociale kaart."""

import datetime
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError

from passend.aanbod.models import Voorzieningsoort
from passend.aanbod.selectors.regio import EXPORTKEUZES
from passend.core.forms import NLDesignForm
from passend.organisaties.rules import Soort

#: The largest CSV file the import reads (a region of 300 locations × 9 areas is ~2 MB).
MAXIMALE_BESTANDSGROOTTE = 10 * 1024 * 1024
#: The longest period the waiting-list page (and its CSV) shows at once: five years.
MAXIMALE_PERIODE = datetime.timedelta(days=366 * 5)
VINKJE = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}


def schooljaarkeuzes(schooljaren: tuple[str, ...]) -> list[tuple[str, str]]:
    labels = ("lopend schooljaar", "volgend schooljaar")
    return [(jaar, f"{jaar} ({label})") for jaar, label in zip(schooljaren, labels, strict=False)]


class RegioFilterForm(NLDesignForm):
    """The overview's school year and, optionally, one soort of school."""

    schooljaar = forms.ChoiceField(label="Schooljaar")
    soort = forms.ChoiceField(
        label="Soort school", required=False, choices=[("", "Alle soorten"), *Soort.choices]
    )

    def __init__(self, *args: Any, schooljaren: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["schooljaar"]).choices = schooljaarkeuzes(schooljaren)


class PeriodeForm(NLDesignForm):
    """The period of the waiting lists (both dates included)."""

    van = forms.DateField(
        label="Van",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een datum in, zoals 2026-08-01."},
    )
    tot = forms.DateField(
        label="Tot en met",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een datum in, zoals 2027-07-31."},
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot:
            if tot < van:
                self.add_error("tot", "Deze datum ligt vóór de begindatum.")
            elif tot - van > MAXIMALE_PERIODE:
                self.add_error("tot", "Kies een periode van hoogstens vijf jaar.")
        return gegevens


class ImportForm(NLDesignForm):
    bestand = forms.FileField(
        label="CSV-bestand met het aanbod (puntkomma's als scheidingsteken)",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )
    publiceren = forms.BooleanField(
        label="Direct publiceren (anders komt het aanbod klaar te staan als concept)",
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )

    def clean_bestand(self) -> Any:
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAXIMALE_BESTANDSGROOTTE:
            raise ValidationError(
                "Het bestand is groter dan 10 MB. Splits het in kleinere bestanden."
            )
        return bestand


class ExportForm(NLDesignForm):
    schooljaar = forms.ChoiceField(label="Schooljaar")
    welke = forms.ChoiceField(
        label="Welke versie",
        choices=list(EXPORTKEUZES.items()),
        initial="werkversie",
    )

    def __init__(self, *args: Any, schooljaren: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["schooljaar"]).choices = schooljaarkeuzes(schooljaren)


class VoorzieningForm(NLDesignForm):
    """A Voorziening of the sociale kaart; ``revisie`` is the version the form was opened
    with (a stale one is refused by the service)."""

    revisie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    soort = forms.ChoiceField(
        label="Soort",
        choices=Voorzieningsoort.choices,
        error_messages={"required": "Kies een soort.", "invalid_choice": "Kies een soort."},
    )
    naam = forms.CharField(
        label="Naam", max_length=200, error_messages={"required": "Vul de naam in."}
    )
    wat = forms.CharField(
        label="Wat doet deze organisatie?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf op wat deze organisatie doet."},
    )
    voor_wie = forms.CharField(
        label="Voor wie is het?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf op voor wie het is."},
    )
    telefoon = forms.CharField(label="Telefoon", max_length=30, required=False)
    email = forms.EmailField(
        label="E-mail",
        required=False,
        error_messages={"invalid": "Vul een e-mailadres in, zoals info@voorbeeld.nl."},
    )
    website = forms.URLField(
        label="Website",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Vul een webadres in, zoals https://www.voorbeeld.nl."},
    )
    adres = forms.CharField(label="Adres", max_length=300, required=False)
    openingstijden = forms.CharField(label="Openingstijden", max_length=300, required=False)
    gemeenten = forms.MultipleChoiceField(
        label="Voor welke gemeenten? (niets gekozen: het hele gebied van het samenwerkingsverband)",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=VINKJE),
    )
    gebieden = forms.MultipleChoiceField(
        label="Bij welke ondersteuningsgebieden helpt deze organisatie?",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=VINKJE),
    )

    def __init__(
        self,
        *args: Any,
        gemeenten: list[tuple[int, str]],
        gebieden: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["gemeenten"]).choices = [
            (str(pk), naam) for pk, naam in gemeenten
        ]
        cast(forms.ChoiceField, self.fields["gebieden"]).choices = [
            (str(pk), naam) for pk, naam in gebieden
        ]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if not any(gegevens.get(veld) for veld in ("telefoon", "email", "website", "adres")):
            raise ValidationError(
                "Geef ten minste één manier om contact op te nemen: telefoon, e-mail, website "
                "of adres."
            )
        return gegevens


class ActiverenForm(forms.Form):
    revisie = forms.IntegerField(min_value=1)
    actief = forms.TypedChoiceField(
        choices=[("1", "actief"), ("0", "niet actief")], coerce=lambda waarde: waarde == "1"
    )
