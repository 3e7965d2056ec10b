"""Forms of the dekkend netwerk pages: start an analysis, and a what-if (up to five
changes, each one form of a formset).

The forms check what a person can get wrong on the page (a missing location, a negative
number of places); the service checks the rest (that the location belongs to the SWV, that
the area is offered there) and its errors are put back on the form that caused them.
"""

import re
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet, formset_factory

from passend.core.forms import NLDesignForm, fouten_naar_formulier
from passend.monitor.rules import Wijzigingssoort

W = Wijzigingssoort

MAX_WIJZIGINGEN = 5
#: The key of a new location's soort in an "openen" change ("soort" names the change).
NIEUWE_LOCATIE_SOORT = "soort_locatie"

#: Which fields each kind of change needs.
NODIG: dict[str, tuple[str, ...]] = {
    W.CAPACITEIT: ("vestiging", "niveau", "gebied", "capaciteit"),
    W.GEBIED_TOEVOEGEN: ("vestiging", "niveau", "gebied", "capaciteit"),
    W.GEBIED_VERWIJDEREN: ("vestiging", "niveau", "gebied"),
    W.SLUITEN: ("vestiging",),
    W.OPENEN: ("naam", "locatiesoort", "bij_vestiging", "niveau", "gebied", "capaciteit"),
}
MELDINGEN = {
    "vestiging": "Kies de vestiging.",
    "niveau": "Kies het niveau van de plaatsen.",
    "gebied": "Kies het ondersteuningsgebied.",
    "capaciteit": "Vul het aantal plaatsen in.",
    "naam": "Vul de naam van de nieuwe locatie in.",
    "locatiesoort": "Kies de soort school van de nieuwe locatie.",
    "bij_vestiging": "Kies waar de nieuwe locatie komt.",
}


class AnalyseStartenForm(NLDesignForm):
    naam = forms.CharField(
        label="Naam van de analyse",
        max_length=200,
        help_text="Bijvoorbeeld: Huidige situatie oktober. U vindt de analyse later terug onder deze naam.",
        error_messages={"required": "Geef de analyse een naam."},
    )


def _met_leeg(keuzes: list[tuple[str, str]], leeg: str) -> list[tuple[str, str]]:
    return [("", leeg), *keuzes]


class WijzigingForm(NLDesignForm):
    """One change of a what-if. Every field but the kind is optional here: which ones are
    needed depends on the kind (``NODIG``)."""

    ZONDER_VERPLICHT_HINT = frozenset(
        {
            "soort",
            "vestiging",
            "niveau",
            "gebied",
            "capaciteit",
            "naam",
            "locatiesoort",
            "bij_vestiging",
        }
    )

    soort = forms.ChoiceField(
        label="Wat verandert er?",
        choices=W.choices,
        widget=forms.RadioSelect(
            attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}
        ),
        required=False,
    )
    vestiging = forms.ChoiceField(
        label="Vestiging",
        required=False,
        help_text="Niet nodig bij een nieuwe locatie.",
    )
    niveau = forms.ChoiceField(
        label="Niveau van de plaatsen",
        required=False,
        help_text="Niet nodig bij het sluiten van een locatie.",
    )
    gebied = forms.ChoiceField(
        label="Ondersteuningsgebied",
        required=False,
        help_text="Niet nodig bij het sluiten van een locatie.",
    )
    capaciteit = forms.IntegerField(
        label="Aantal plaatsen",
        required=False,
        min_value=0,
        max_value=100_000,
        help_text="Het nieuwe aantal plaatsen (bij een nieuw gebied of een nieuwe locatie meer dan 0).",
        error_messages={
            "invalid": "Vul een heel getal in.",
            "min_value": "Het aantal plaatsen kan niet kleiner zijn dan 0.",
            "max_value": "Het aantal plaatsen is te groot.",
        },
    )
    naam = forms.CharField(
        label="Naam van de nieuwe locatie",
        required=False,
        max_length=200,
        help_text="Alleen bij een nieuwe locatie.",
    )
    locatiesoort = forms.ChoiceField(
        label="Soort school van de nieuwe locatie",
        required=False,
        help_text="Alleen bij een nieuwe locatie.",
    )
    bij_vestiging = forms.ChoiceField(
        label="De nieuwe locatie komt op het adres van",
        required=False,
        help_text="Alleen bij een nieuwe locatie: de afstanden worden vanaf dit adres berekend.",
    )

    def __init__(self, *args: Any, keuzes: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        vestigingen = list(keuzes.get("vestigingen", []))
        for veld, keuzelijst, leeg in (
            ("vestiging", vestigingen, "Kies een vestiging"),
            ("bij_vestiging", vestigingen, "Kies een vestiging"),
            ("niveau", keuzes.get("niveaus", []), "Kies een niveau"),
            ("gebied", keuzes.get("gebieden", []), "Kies een gebied"),
            ("locatiesoort", keuzes.get("soorten", []), "Kies een soort"),
        ):
            cast(forms.ChoiceField, self.fields[veld]).choices = _met_leeg(list(keuzelijst), leeg)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        soort = gegevens.get("soort")
        if not soort:
            if any(gegevens.get(v) not in (None, "") for v in MELDINGEN):
                self.add_error(
                    "soort", "Kies wat er verandert, of maak de velden van deze wijziging leeg."
                )
            return gegevens
        for veld in NODIG[soort]:
            if gegevens.get(veld) in (None, "") and veld not in self.errors:
                self.add_error(veld, MELDINGEN[veld])
        capaciteit = gegevens.get("capaciteit")
        if soort in (W.GEBIED_TOEVOEGEN, W.OPENEN) and capaciteit is not None and capaciteit <= 0:
            self.add_error("capaciteit", "Geef meer dan 0 plaatsen.")
        return gegevens

    @property
    def leeg(self) -> bool:
        return not self.cleaned_data.get("soort")

    def wijziging(self) -> dict[str, Any]:
        """The change as the service takes it (monitor.rules.Wijzigingssoort)."""
        d = self.cleaned_data
        soort = d["soort"]
        if soort == W.SLUITEN:
            return {"soort": soort, "vestiging": d["vestiging"]}
        if soort == W.GEBIED_VERWIJDEREN:
            return {
                "soort": soort,
                "vestiging": d["vestiging"],
                "niveau": d["niveau"],
                "gebied": d["gebied"],
            }
        if soort == W.OPENEN:
            return {
                "soort": soort,
                "naam": d["naam"],
                NIEUWE_LOCATIE_SOORT: d["locatiesoort"],
                "bij_vestiging": d["bij_vestiging"],
                "plaatsen": [
                    {"niveau": d["niveau"], "gebied": d["gebied"], "capaciteit": d["capaciteit"]}
                ],
            }
        return {
            "soort": soort,
            "vestiging": d["vestiging"],
            "niveau": d["niveau"],
            "gebied": d["gebied"],
            "capaciteit": d["capaciteit"],
        }


if TYPE_CHECKING:  # django-stubs makes BaseFormSet generic; at run time it is not.
    _FormSet = BaseFormSet[WijzigingForm]
else:
    _FormSet = BaseFormSet


class BasisWijzigingenFormSet(_FormSet):
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        if not any(not f.leeg for f in self.forms if f.cleaned_data):
            raise ValidationError("Vul minstens één wijziging in.")

    def wijzigingen(self) -> tuple[list[dict[str, Any]], list[int]]:
        """The filled-in changes in order, and for each the index of its form (for errors)."""
        wijzigingen, formnummers = [], []
        for index, form in enumerate(self.forms):
            if form.cleaned_data and not form.leeg:
                wijzigingen.append(form.wijziging())
                formnummers.append(index)
        return wijzigingen, formnummers


# formset_factory builds a subclass of ``formset``; django-stubs types it as the base class.
WijzigingenFormSet = cast(
    type[BasisWijzigingenFormSet],
    formset_factory(
        WijzigingForm,
        formset=BasisWijzigingenFormSet,
        extra=MAX_WIJZIGINGEN,
        max_num=MAX_WIJZIGINGEN,
        absolute_max=MAX_WIJZIGINGEN,
        validate_max=True,
    ),
)

_WIJZIGING_NUMMER = re.compile(r"^Wijziging (\d+)\b")


def service_fouten_tonen(
    fout: ValidationError,
    *,
    form: forms.Form,
    formset: BasisWijzigingenFormSet | None,
    formnummers: list[int],
) -> None:
    """Put the service's errors where they belong: "naam" on the name, each message about
    "Wijziging N" on the form of the N-th filled-in change, the rest at the top."""
    if not hasattr(fout, "error_dict"):
        fouten_naar_formulier(form, fout)
        return
    overig: dict[str, list[str]] = {}
    for veld, meldingen in fout.message_dict.items():
        if veld != "wijzigingen":
            overig[veld] = meldingen
            continue
        for melding in meldingen:
            nummer = _WIJZIGING_NUMMER.match(melding)
            index = int(nummer.group(1)) - 1 if nummer else -1
            if formset is not None and 0 <= index < len(formnummers):
                formset.forms[formnummers[index]].add_error(None, melding)
            else:
                form.add_error(None, melding)
    if overig:
        fouten_naar_formulier(form, ValidationError(overig))
