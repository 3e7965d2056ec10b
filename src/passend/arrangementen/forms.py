"""Forms of the arrangement pages. Every field has a Dutch label and Dutch error messages;
the rules themselves are checked by the services (and shown on the field they are about)."""

from decimal import Decimal
from typing import Any

from django import forms

from passend.arrangementen.rules import Besluit
from passend.core.bedragen import bedrag_lezen
from passend.core.forms import NLDesignForm

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TE_LANG = "De tekst is te lang. Gebruik maximaal %(limit_value)d tekens."
GEEN_DATUM = "Vul een geldige datum in, zoals 2026-09-01."
GEEN_BEDRAG = "Vul een bedrag in euro's in, zoals 4500 of 4.500,50."


def _tekst(label: str, verplicht: str | None, *, rijen: int = 4, max_length: int = 5000) -> Any:
    meldingen = {"max_length": TE_LANG}
    if verplicht:
        meldingen["required"] = verplicht
    return forms.CharField(
        label=label,
        required=verplicht is not None,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rijen}),
        error_messages=meldingen,
    )


def _datum(label: str, verplicht: str | None) -> forms.DateField:
    meldingen = {"invalid": GEEN_DATUM}
    if verplicht:
        meldingen["required"] = verplicht
    return forms.DateField(
        label=label, widget=DATUM, required=verplicht is not None, error_messages=meldingen
    )


class BedragVeld(forms.Field):
    """An amount in euros as Dutch people type it ('4.500,50'), in a text box; a Decimal
    after cleaning. Not a DecimalField: that one reads only '4500.50' and brings a number
    input."""

    def __init__(self, *, verplicht: str | None = None, **kwargs: Any) -> None:
        meldingen = {"invalid": GEEN_BEDRAG}
        if verplicht:
            meldingen["required"] = verplicht
        super().__init__(
            required=verplicht is not None,
            error_messages=meldingen,
            widget=forms.TextInput(
                attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": "20"}
            ),
            **kwargs,
        )

    def to_python(self, value: Any) -> Decimal | None:
        tekst = "" if value in self.empty_values else str(value).strip()
        if not tekst:
            return None
        bedrag = bedrag_lezen(tekst) if len(tekst) <= 20 else None
        if bedrag is None:
            raise forms.ValidationError(GEEN_BEDRAG, code="invalid")
        return bedrag

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",")
        return value


class AanvraagForm(NLDesignForm):
    """What the school asks for; the rest comes from the OPP."""

    ondersteuning = _tekst(
        "Welke ondersteuning vraagt u?",
        "Beschrijf welke ondersteuning u vraagt.",
        rijen=5,
    )
    van = _datum("Begin van de ondersteuning", "Vul in wanneer de ondersteuning begint.")
    tot = _datum(
        "Einde van de ondersteuning (tot en met)", "Vul in tot wanneer de ondersteuning loopt."
    )
    bedrag = BedragVeld(
        label="Wat kost het? Bedrag in euro's (bijvoorbeeld 4500 of 4.500,50)",
        verplicht="Vul in wat de ondersteuning kost.",
    )
    toelichting = _tekst(
        "Waarom heeft de leerling deze ondersteuning nodig? (motivering)",
        "Leg uit waarom de leerling deze ondersteuning nodig heeft.",
        rijen=6,
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot <= van:
            self.add_error("tot", "De einddatum moet na de begindatum liggen.")
        return gegevens


class AanvullenForm(AanvraagForm):
    aanvulling = _tekst(
        "Wat heeft u aangevuld of veranderd?",
        "Schrijf op wat u heeft aangevuld of veranderd.",
        rijen=4,
    )
    field_order = ["aanvulling", "ondersteuning", "van", "tot", "bedrag", "toelichting"]


class VolledigheidForm(NLDesignForm):
    uitkomst = forms.ChoiceField(
        label="Is de aanvraag compleet?",
        choices=[
            ("", "Kies compleet of onvolledig"),
            ("compleet", "Ja, de aanvraag is compleet: de commissie kan besluiten"),
            ("onvolledig", "Nee, er ontbreekt iets: de school vult aan"),
        ],
        error_messages={
            "required": "Kies of de aanvraag compleet is.",
            "invalid_choice": "Kies of de aanvraag compleet is.",
        },
    )
    # Marked as required (the label says when): only a complete request goes without it.
    ontbreekt = _tekst(
        "Wat ontbreekt er? (alleen als de aanvraag onvolledig is)",
        "Schrijf op wat er ontbreekt, zodat de school kan aanvullen.",
        rijen=4,
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("uitkomst") == "compleet":
            self.errors.pop("ontbreekt", None)
            gegevens["ontbreekt"] = ""
        return gegevens


class BesluitForm(NLDesignForm):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("", "Kies het besluit"), *Besluit.choices],
        error_messages={
            "required": "Kies toegekend, deels toegekend of afgewezen.",
            "invalid_choice": "Kies toegekend, deels toegekend of afgewezen.",
        },
    )
    redenen = _tekst(
        "Redenen van het besluit",
        "Schrijf de redenen van het besluit op.",
        rijen=6,
    )
    # Marked as required (the labels say when): only a refusal goes without them.
    toegekend_bedrag = BedragVeld(
        label="Toegekend bedrag in euro's (niet bij afwijzen)",
        verplicht="Vul het toegekende bedrag in.",
    )
    toegekend_van = _datum(
        "Toegekend vanaf (niet bij afwijzen)", "Vul in vanaf wanneer het arrangement loopt."
    )
    toegekend_tot = _datum(
        "Toegekend tot en met (niet bij afwijzen)", "Vul in tot wanneer het arrangement loopt."
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("besluit") == Besluit.AFGEWEZEN:
            # The form shows the requested amount and period; a refusal grants neither.
            for veld in ("toegekend_bedrag", "toegekend_van", "toegekend_tot"):
                gegevens[veld] = None
                self.errors.pop(veld, None)
        return gegevens


class IntrekkenForm(NLDesignForm):
    reden = _tekst(
        "Waarom trekt u de aanvraag in?",
        "Schrijf op waarom u de aanvraag intrekt.",
        rijen=3,
        max_length=2000,
    )
