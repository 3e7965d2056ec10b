"""Forms of the OPP portal: parents and the pupil, in plain words (B1, child-friendly)."""

from typing import Any

from django import forms

from passend.core.forms import NLDesignForm, nl_design_widgets
from passend.ondersteuning.rules import Besluit

RADIO = "utrecht-radio-button utrecht-radio-button--html-input"


class PortaalForm(NLDesignForm):
    """Keeps inputs linked to their errors also for errors added after validation (by the
    view: a wrong password, or a message from a service)."""

    #: Field name -> id of the explanation printed next to it in the template.
    uitleg: dict[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._aria_bijwerken()

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        self._aria_bijwerken()

    def full_clean(self) -> None:
        super().full_clean()
        self._aria_bijwerken()

    def _aria_bijwerken(self) -> None:
        nl_design_widgets(self)
        fouten = getattr(self, "_errors", None) or {}
        for naam, uitleg_id in self.uitleg.items():
            beschreven = f"{self[naam].auto_id}-fout {uitleg_id}" if naam in fouten else uitleg_id
            self.fields[naam].widget.attrs["aria-describedby"] = beschreven


class ZienswijzeForm(PortaalForm):
    tekst = forms.CharField(
        label="Wat vindt u van het plan? Wat wilt u dat de school weet?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Schrijf op wat u van het plan vindt.",
            "max_length": "Uw tekst is te lang. Gebruik maximaal %(limit_value)d tekens.",
        },
    )


class InstemmenForm(PortaalForm):
    uitleg = {"toelichting": "uitleg-toelichting", "wachtwoord": "uitleg-wachtwoord"}

    besluit = forms.ChoiceField(
        label="Wat is uw besluit?",
        choices=[(Besluit.GEGEVEN, "Ik stem in"), (Besluit.GEWEIGERD, "Ik stem niet in")],
        widget=forms.RadioSelect(attrs={"class": RADIO}),
        error_messages={"required": "Kies of u instemt of niet."},
    )
    toelichting = forms.CharField(
        label="Waarom bent u het niet eens?",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": "Uw tekst is te lang. Gebruik maximaal %(limit_value)d tekens."
        },
    )
    wachtwoord = forms.CharField(
        label="Vul uw wachtwoord opnieuw in",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Vul uw wachtwoord in. Zo weten we zeker dat u het bent."},
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if (
            gegevens.get("besluit") == Besluit.GEWEIGERD
            and not gegevens.get("toelichting", "").strip()
        ):
            self.add_error("toelichting", "Schrijf kort op waarom u het niet eens bent.")
        return gegevens


class MeningForm(PortaalForm):
    """'Wat vind jij?': three open questions; at least one (the service checks)."""

    wat_gaat_goed = forms.CharField(
        label="Wat gaat goed op school?",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    wat_is_moeilijk = forms.CharField(
        label="Wat vind je moeilijk?",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    wat_wil_ik = forms.CharField(
        label="Wat wil je? Wat helpt jou?",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.error_messages["max_length"] = "Je tekst is te lang. Maak hem wat korter."
