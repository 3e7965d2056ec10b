"""The form to record a Veilig Thuis report (the checks are the service's: measure 12)."""

from typing import Any

from django import forms

from passend.core.forms import NLDesignForm
from passend.geschillen.rules import MELDCODE_STAPPEN

VINKJE = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
DATUM = {"type": "date"}


class VeiligThuisMeldingForm(NLDesignForm):
    gemeld_op = forms.DateField(
        label="Datum van de melding",
        widget=forms.DateInput(attrs=DATUM, format="%Y-%m-%d"),
        error_messages={
            "required": "Vul de datum van de melding in.",
            "invalid": "Vul een datum in, zoals 14-03-2026.",
        },
    )
    signalen = forms.CharField(
        label="Signalen van een onveilige thuissituatie: wat zag of hoorde u, wanneer en van wie?",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Beschrijf de signalen van een onveilige thuissituatie."},
    )
    meldcode_stappen = forms.MultipleChoiceField(
        label="Welke stappen van de meldcode zijn gezet?",
        choices=MELDCODE_STAPPEN,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=VINKJE),
        error_messages={"invalid_choice": "Kies alleen stappen van de meldcode."},
    )
    bevestiging = forms.BooleanField(
        label=(
            "Ik bevestig dat deze melding berust op signalen van een onveilige thuissituatie "
            "en niet op de onenigheid met de ouders."
        ),
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )

    def __init__(self, *args: Any, onenigheid_open: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not onenigheid_open:
            # Only asked while a disagreement is open (the service checks it again).
            del self.fields["bevestiging"]
