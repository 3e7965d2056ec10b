"""Forms of preparing and running a survey wave. They check the shape of what was typed; the
services check the rules (one wave per year, one nulmeting, member schools) and their
errors are shown per field (``fouten_naar_formulier``)."""

from typing import Any, cast

from django import forms

from passend.core.forms import NLDesignForm
from passend.doelstellingen.rules import Doelstelling, Respondentgroep, Schaal
from passend.doelstellingen.services.meting import (
    EERSTE_JAAR,
    LAATSTE_JAAR,
    MAXIMAAL_CODES,
    MAXIMAAL_CODES_PER_SCHOOL,
)

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
VERPLICHT = "Dit veld is verplicht."


class _Revisie(NLDesignForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": VERPLICHT})


class MetingForm(NLDesignForm):
    naam = forms.CharField(
        label="Naam van de meting",
        max_length=200,
        error_messages={"required": "Geef de meting een naam."},
    )
    open_van = forms.DateField(
        label="Open vanaf",
        widget=DATUM,
        error_messages={"required": "Vul de begindatum in.", "invalid": "Vul een datum in."},
    )
    open_tot = forms.DateField(
        label="Open tot en met",
        widget=DATUM,
        error_messages={"required": "Vul de einddatum in.", "invalid": "Vul een datum in."},
    )
    is_nulmeting = forms.BooleanField(
        label="Dit is de nulmeting (het ijkpunt waarmee latere metingen worden vergeleken)",
        required=False,
    )
    ZONDER_VERPLICHT_HINT = frozenset({"is_nulmeting"})


class MetingNieuwForm(MetingForm):
    jaar = forms.IntegerField(
        label="Jaar",
        min_value=EERSTE_JAAR,
        max_value=LAATSTE_JAAR,
        error_messages={
            "required": "Vul het jaar in.",
            "invalid": "Vul een jaar in cijfers in.",
            "min_value": f"Kies een jaar vanaf {EERSTE_JAAR}.",
            "max_value": f"Kies een jaar tot en met {LAATSTE_JAAR}.",
        },
    )
    groepen = forms.MultipleChoiceField(
        label="Groepen respondenten",
        choices=Respondentgroep.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Elke groep krijgt een eigen vragenlijst met de standaardvragen.",
        error_messages={"required": "Kies ten minste één groep respondenten."},
    )
    field_order = ["naam", "jaar", "open_van", "open_tot", "is_nulmeting", "groepen"]


class MetingWijzigenForm(MetingForm, _Revisie):
    pass


class RevisieForm(_Revisie):
    """Open or close a wave: only the revisie of the page the person saw."""


class VraagForm(_Revisie):
    respondentgroep = forms.ChoiceField(
        label="Vragenlijst (groep)", error_messages={"required": "Kies een groep."}
    )
    doelstelling = forms.TypedChoiceField(
        label="Doelstelling",
        choices=Doelstelling.choices,
        coerce=int,
        error_messages={"required": "Kies een doelstelling."},
    )
    code = forms.CharField(
        label="Code",
        max_length=40,
        help_text="Een vaste code om de vraag over de jaren te vergelijken, bijvoorbeeld "
        "OU.D4.eigen.",
        error_messages={"required": "Geef de vraag een code."},
    )
    tekst = forms.CharField(
        label="Vraag of stelling",
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf de vraag of stelling."},
    )
    schaal = forms.ChoiceField(
        label="Antwoordschaal",
        choices=Schaal.choices,
        error_messages={"required": "Kies een antwoordschaal."},
    )

    def __init__(self, *args: Any, groepen: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["respondentgroep"]).choices = groepen


#: The two ways of making codes: for one school (or the SWV), or for every school of the SWV.
EEN_SCHOOL, ALLE_SCHOLEN = "een", "alle"


class UitnodigingenForm(NLDesignForm):
    bereik = forms.ChoiceField(
        label="Voor wie",
        choices=[
            (EEN_SCHOOL, "Voor één school (of, bij andere groepen, het samenwerkingsverband)"),
            (ALLE_SCHOLEN, "Voor alle scholen van het samenwerkingsverband"),
        ],
        initial=EEN_SCHOOL,
        required=False,
        widget=forms.RadioSelect,
    )
    respondentgroep = forms.ChoiceField(
        label="Groep respondenten", error_messages={"required": "Kies een groep."}
    )
    vestiging = forms.TypedChoiceField(
        label="School (vestiging)",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Alleen voor leerlingen, ouders, leraren, intern begeleiders en schoolleiders, "
        "en alleen bij codes voor één school.",
    )
    samenwerkingsverband = forms.TypedChoiceField(
        label="Samenwerkingsverband",
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.HiddenInput,
    )
    aantal = forms.IntegerField(
        label="Aantal codes",
        min_value=1,
        max_value=MAXIMAAL_CODES,
        help_text=f"Bij alle scholen: het aantal per school (maximaal "
        f"{MAXIMAAL_CODES_PER_SCHOOL}).",
        error_messages={
            "required": "Vul het aantal codes in.",
            "invalid": "Vul een aantal in cijfers in.",
            "min_value": "Maak ten minste 1 code.",
            "max_value": f"Maak maximaal {MAXIMAAL_CODES} codes tegelijk.",
        },
    )
    ZONDER_VERPLICHT_HINT = frozenset({"bereik", "vestiging", "samenwerkingsverband"})

    def __init__(
        self,
        *args: Any,
        groepen: list[tuple[str, str]],
        vestigingen: list[tuple[int | str, str]],
        swvs: list[tuple[int | str, str]] | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["respondentgroep"]).choices = groepen
        cast(forms.ChoiceField, self.fields["vestiging"]).choices = [
            ("", "Geen school"),
            *vestigingen,
        ]
        if swvs is None:
            del self.fields["samenwerkingsverband"]
        else:
            # A national wave: the SWV was chosen in the first step (kept in a hidden field).
            cast(forms.ChoiceField, self.fields["samenwerkingsverband"]).choices = [
                ("", "Kies"),
                *swvs,
            ]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        gegevens["bereik"] = gegevens.get("bereik") or EEN_SCHOOL
        aantal = gegevens.get("aantal")
        if (
            gegevens.get("bereik") == ALLE_SCHOLEN
            and aantal is not None
            and aantal > MAXIMAAL_CODES_PER_SCHOOL
        ):
            self.add_error(
                "aantal",
                f"Maak bij alle scholen maximaal {MAXIMAAL_CODES_PER_SCHOOL} codes per school.",
            )
        return gegevens


class SwvKiezenForm(NLDesignForm):
    """The first step of codes for a national wave: which SWV (its schools are listed next)."""

    samenwerkingsverband = forms.TypedChoiceField(
        label="Samenwerkingsverband",
        coerce=int,
        error_messages={
            "required": "Kies het samenwerkingsverband.",
            "invalid_choice": "Kies een samenwerkingsverband uit de lijst.",
        },
    )

    def __init__(self, *args: Any, swvs: list[tuple[int | str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["samenwerkingsverband"]).choices = [
            ("", "Kies"),
            *swvs,
        ]
