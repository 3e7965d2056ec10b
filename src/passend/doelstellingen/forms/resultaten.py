"""The choice of scope on the results of a national wave: the national total or one SWV."""

from typing import Any

from django import forms

from passend.core.forms import NLDesignForm
from passend.organisaties.models import Samenwerkingsverband

LANDELIJK = ""
LANDELIJK_LABEL = "Landelijk (alle samenwerkingsverbanden samen)"


class ScopeForm(NLDesignForm):
    """``swv``: empty for the national total, or the code of one SWV the actor may choose
    (the selector's ``keuzes``). The selector decides what may be read; this form only
    shows the choice and an error for a code that is not in the list."""

    ZONDER_VERPLICHT_HINT = frozenset({"swv"})

    swv = forms.ChoiceField(
        label="Uitkomsten van",
        required=False,
        error_messages={"invalid_choice": "Kies een samenwerkingsverband uit de lijst."},
    )

    def __init__(self, *args: Any, keuzes: list[Samenwerkingsverband], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["swv"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [(LANDELIJK, LANDELIJK_LABEL)] + [
            (swv.code, f"{swv.naam} ({swv.code})") for swv in keuzes
        ]
