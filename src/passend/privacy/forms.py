from django import forms

from passend.core.forms import NLDesignForm
from passend.core.models import Actie, Resultaat


class LogFilterForm(NLDesignForm):
    leerling = forms.UUIDField(
        label="Leerling (pseudoniem)",
        required=False,
        error_messages={
            "invalid": "Vul het pseudoniem van de leerling in (zoals op de leerlingpagina)."
        },
    )
    gebruiker = forms.CharField(label="Gebruikersnaam", required=False, max_length=150)
    van = forms.DateField(
        label="Vanaf",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Vul een geldige datum in."},
    )
    tot = forms.DateField(
        label="Tot en met",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Vul een geldige datum in."},
    )
    actie = forms.ChoiceField(label="Actie", required=False, choices=[("", "Alle"), *Actie.choices])
    resultaat = forms.ChoiceField(
        label="Resultaat", required=False, choices=[("", "Alle"), *Resultaat.choices]
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data
