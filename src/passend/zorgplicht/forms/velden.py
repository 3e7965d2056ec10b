"""What the registration forms share: field makers with Dutch messages, and the fields of a
child that is not in Passend yet."""

import re
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from passend.core.forms import NLDesignForm
from passend.organisaties.models import Gemeente
from passend.zorgplicht.services import NieuwKind

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
VINKJE = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
RONDJE = {"class": "utrecht-radio-button utrecht-radio-button--html-input"}
TE_LANG = "De tekst is te lang. Gebruik maximaal %(limit_value)d tekens."
GEEN_DATUM = "Vul een geldige datum in, zoals 2026-09-01."
NIEUW = "nieuw"
JA_NEE = [("ja", "Ja"), ("nee", "Nee")]
VESTIGINGSCODE = re.compile(r"^\d{2}[A-Z]{2}\d{2}$")


def _tekst(label: str, *, rijen: int = 3, max_length: int = 3000, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rijen}),
        error_messages={"max_length": TE_LANG},
        **kwargs,
    )


def _regel(
    label: str, *, max_length: int, verplicht: str | None = None, **kwargs: Any
) -> forms.CharField:
    meldingen = {"max_length": TE_LANG}
    if verplicht:
        meldingen["required"] = verplicht
    return forms.CharField(
        label=label,
        required=verplicht is not None,
        max_length=max_length,
        error_messages=meldingen,
        **kwargs,
    )


def _datum(label: str, verplicht: str | None = None, **kwargs: Any) -> forms.DateField:
    meldingen = {"invalid": GEEN_DATUM}
    if verplicht:
        meldingen["required"] = verplicht
    return forms.DateField(
        label=label,
        required=verplicht is not None,
        widget=DATUM,
        error_messages=meldingen,
        **kwargs,
    )


def _keuze(
    label: str, keuzes: Any, verplicht: str, *, rondjes: bool = False, **kwargs: Any
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=keuzes,
        widget=forms.RadioSelect(attrs=RONDJE) if rondjes else forms.Select,
        error_messages={"required": verplicht, "invalid_choice": verplicht},
        **kwargs,
    )


def _binnen_redelijke_jaren(form: forms.Form, veld: str) -> None:
    datum = form.cleaned_data.get(veld)
    if datum is not None and not 2000 <= datum.year <= 2100:
        form.add_error(veld, "Kies een datum tussen 2000 en 2100.")


class NieuwKindVelden(NLDesignForm):
    """The fields of a child that is not in Passend yet (required only for a new child)."""

    voornamen = _regel("Voornamen van het kind", max_length=200)
    roepnaam = _regel("Roepnaam", max_length=100)
    tussenvoegsel = _regel("Tussenvoegsel", max_length=20)
    achternaam = _regel("Achternaam van het kind", max_length=200)
    geboortedatum = _datum("Geboortedatum")
    postcode = _regel("Postcode van het woonadres", max_length=7)
    woongemeente = forms.ModelChoiceField(
        label="Woonplaats (gemeente)",
        queryset=Gemeente.objects.order_by("naam"),
        required=False,
        empty_label="Kies een gemeente",
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    NIEUW_KIND_VELDEN = (
        "voornamen",
        "roepnaam",
        "tussenvoegsel",
        "achternaam",
        "geboortedatum",
        "postcode",
        "woongemeente",
    )
    NIEUW_VERPLICHT = {
        "voornamen": "Vul de voornamen van het kind in.",
        "achternaam": "Vul de achternaam van het kind in.",
        "geboortedatum": "Vul de geboortedatum van het kind in.",
        "postcode": "Vul de postcode in, zoals 1234 AB.",
        "woongemeente": "Kies de gemeente waar het kind woont.",
    }
    # Required for a new child only: the template says so instead of "niet verplicht".
    ZONDER_VERPLICHT_HINT = frozenset(NIEUW_VERPLICHT)

    def velden_nieuw_kind(self) -> list[Any]:
        return [self[naam] for naam in self.NIEUW_KIND_VELDEN]

    def overige_velden(self) -> list[Any]:
        return [v for v in self.visible_fields() if v.name not in self.NIEUW_KIND_VELDEN]

    def nieuw_kind_controleren(self, gegevens: dict[str, Any]) -> None:
        for veld, melding in self.NIEUW_VERPLICHT.items():
            if not gegevens.get(veld) and veld not in self.errors:
                self.add_error(veld, melding)
        geboren = gegevens.get("geboortedatum")
        if geboren is not None and not (date(1990, 1, 1) <= geboren <= timezone.localdate()):
            self.add_error("geboortedatum", "Vul een geboortedatum in die klopt.")

    def nieuw_kind(self) -> NieuwKind:
        g = self.cleaned_data
        return NieuwKind(
            voornamen=g["voornamen"],
            achternaam=g["achternaam"],
            geboortedatum=g["geboortedatum"],
            postcode=g["postcode"],
            woongemeente=g["woongemeente"],
            roepnaam=g.get("roepnaam", ""),
            tussenvoegsel=g.get("tussenvoegsel", ""),
        )
