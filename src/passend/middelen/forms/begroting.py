"""Forms of the budget pages. Amounts are typed as Dutch people write them ("1.234.567,89");
the services check everything again (the API and the import use them too)."""

from decimal import Decimal
from typing import Any

from django import forms

from passend.arrangementen.forms import BedragVeld
from passend.core.forms import NLDesignForm
from passend.middelen.rules import BEREKENDE_POSTEN, Postsoort

INVOERSOORTEN = [
    (str(code), str(label)) for code, label in Postsoort.choices if code not in BEREKENDE_POSTEN
]


class TekenBedragVeld(BedragVeld):
    """An amount that may be negative ("-1.250,00"): the reserves can be a deficit."""

    def to_python(self, value: Any) -> Decimal | None:
        tekst = "" if value in self.empty_values else str(value).strip()
        for minteken in ("-", "\u2212"):
            if tekst.startswith(minteken):
                bedrag = super().to_python(tekst[len(minteken) :])
                return None if bedrag is None else -bedrag
        return super().to_python(tekst)


BRUTO_HULP = (
    "Vul baten (rijksbijdragen en andere baten) bruto in: vóór afdrachten. Passend trekt "
    "de afdrachten voor sbo, so en vso er zelf van af."
)


class RevisieForm(NLDesignForm):
    """A button form (compute, adopt, delete): only the revisie the page was opened with."""

    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class BegrotingNieuwForm(NLDesignForm):
    ZONDER_VERPLICHT_HINT = frozenset({"bedrag_per_leerling"})

    jaar = forms.IntegerField(
        label="Kalenderjaar",
        min_value=2015,
        max_value=2100,
        error_messages={
            "required": "Vul het kalenderjaar in, bijvoorbeeld 2026.",
            "invalid": "Vul het kalenderjaar in als getal, bijvoorbeeld 2026.",
            "min_value": "Kies een kalenderjaar vanaf 2015.",
            "max_value": "Kies een kalenderjaar tot en met 2100.",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    bedrag_per_leerling = BedragVeld(
        label="Toewijzing aan scholen per leerling (euro, niet verplicht)",
        help_text="Laat leeg als u geen vast bedrag per leerling aan de scholen toewijst.",
    )


class PostForm(NLDesignForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    soort = forms.ChoiceField(
        label="Soort post",
        choices=[("", "Kies een soort"), *INVOERSOORTEN],
        error_messages={
            "required": "Kies een soort post.",
            "invalid_choice": "Kies een soort post uit de lijst.",
        },
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        max_length=200,
        required=False,
        error_messages={"max_length": "Gebruik maximaal 200 tekens."},
    )
    bedrag = BedragVeld(label="Bedrag (euro)", verplicht="Vul een bedrag in.", help_text=BRUTO_HULP)
    ZONDER_VERPLICHT_HINT = frozenset({"omschrijving"})


class ReserveForm(NLDesignForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    eigen_vermogen = TekenBedragVeld(
        label="Eigen vermogen op 31 december (euro)",
        help_text="De reserves van het samenwerkingsverband aan het eind van het jaar. Is er "
        "een tekort, zet dan een minteken ervoor, bijvoorbeeld -25.000,00.",
    )
    toelichting_reserve = forms.CharField(
        label="Toelichting op het eigen vermogen",
        required=False,
        max_length=10_000,
        help_text="Verplicht als het eigen vermogen boven de signaleringswaarde ligt: "
        "waarom, en wat u ermee gaat doen.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Gebruik maximaal 10.000 tekens."},
    )
    bedrag_per_leerling = BedragVeld(
        label="Toewijzing aan scholen per leerling (euro)",
        help_text="Laat leeg als u geen vast bedrag per leerling toewijst. Bereken de posten "
        "daarna opnieuw.",
    )
    ZONDER_VERPLICHT_HINT = frozenset({"toelichting_reserve"})


class VaststellenForm(NLDesignForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    datum = forms.DateField(
        label="Datum van vaststelling",
        help_text="Bijvoorbeeld 15-12-2025.",
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Vul de datum van vaststelling in.",
            "invalid": "Vul een datum in als 15-12-2025.",
        },
        widget=forms.DateInput(format="%d-%m-%Y", attrs={"autocomplete": "off"}),
    )


class ImportForm(NLDesignForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    bestand = forms.FileField(
        label="CSV-bestand met de posten",
        help_text="Kolommen soort;omschrijving;bedrag. Het bestand vervangt alle ingevoerde "
        "posten; de berekende posten blijven.",
        error_messages={
            "required": "Kies een bestand.",
            "empty": "Het bestand is leeg.",
            "invalid": "Kies een bestand.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bestand"].widget.attrs["accept"] = ".csv,text/csv"
