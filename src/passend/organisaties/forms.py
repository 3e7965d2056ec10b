from django import forms

from passend.core.forms import NLDesignForm
from passend.organisaties.rules import Soort


class VestigingZoekForm(NLDesignForm):
    q = forms.CharField(
        label="Naam, plaats, postcode of vestigingscode", required=False, max_length=100
    )
    soort = forms.ChoiceField(
        label="Soort", required=False, choices=[("", "Alle soorten"), *Soort.choices]
    )


class ImportForm(NLDesignForm):
    bestand = forms.FileField(
        label="Vestigingenlijst van DUO (CSV, puntkomma-gescheiden) of GeoJSON",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )
    koppelen = forms.BooleanField(
        label="Koppel nieuwe vestigingen van onze sector aan ons samenwerkingsverband",
        required=False,
        initial=True,
    )
