from typing import Any

from django import forms
from django.db.models import QuerySet

from passend.core.forms import NLDesignForm
from passend.organisaties.models import Gemeente, Vestiging


class ZoekForm(NLDesignForm):
    q = forms.CharField(label="Zoek op naam of postcode", required=False, max_length=100)


class InschrijvenForm(NLDesignForm):
    voornamen = forms.CharField(max_length=200, error_messages={"required": "Vul de voornamen in."})
    roepnaam = forms.CharField(max_length=100, required=False)
    tussenvoegsel = forms.CharField(max_length=20, required=False)
    achternaam = forms.CharField(
        max_length=200, error_messages={"required": "Vul de achternaam in."}
    )
    geboortedatum = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Vul de geboortedatum in.",
            "invalid": "Vul een geldige datum in, zoals 2015-03-01.",
        },
    )
    postcode = forms.CharField(
        label="Postcode woonadres", max_length=7, error_messages={"required": "Vul de postcode in."}
    )
    vestiging = forms.ModelChoiceField(
        queryset=Vestiging.objects.none(),
        error_messages={
            "required": "Kies een vestiging.",
            "invalid_choice": "Kies een vestiging van uw school.",
        },
    )
    van = forms.DateField(
        label="Ingeschreven vanaf",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Vul de datum van inschrijving in.",
            "invalid": "Vul een geldige datum in.",
        },
    )

    def __init__(
        self, *args: Any, vestigingen: QuerySet[Vestiging] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["vestiging"]
        if vestigingen is not None and isinstance(veld, forms.ModelChoiceField):
            veld.queryset = vestigingen


class WijzigenForm(NLDesignForm):
    voornamen = forms.CharField(max_length=200, error_messages={"required": "Vul de voornamen in."})
    roepnaam = forms.CharField(max_length=100, required=False)
    tussenvoegsel = forms.CharField(max_length=20, required=False)
    achternaam = forms.CharField(
        max_length=200, error_messages={"required": "Vul de achternaam in."}
    )
    postcode = forms.CharField(
        label="Postcode woonadres", max_length=7, error_messages={"required": "Vul de postcode in."}
    )
    woongemeente = forms.ModelChoiceField(
        queryset=Gemeente.objects.order_by("naam"),
        required=False,
        empty_label="Onbekend",
        help_text="Bij een eerste inschrijving bepaalt de woongemeente welk "
        "samenwerkingsverband over een toelaatbaarheidsverklaring beslist.",
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    versie = forms.CharField(widget=forms.HiddenInput)
