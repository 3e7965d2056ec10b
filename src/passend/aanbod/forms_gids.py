"""The forms of the public guide: plain GET forms that work without JavaScript. They check
what was typed; where a postcode or place lies is for ``selectors.zoeken``."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings

from passend.aanbod.models import Ondersteuningsgebied, Voorzieningsoort
from passend.aanbod.selectors.zoeken import SCHOOLSOORTEN, pc4_van
from passend.core.forms import NLDesignForm
from passend.organisaties.models import Gemeente

VINKJE = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
RONDJE = {"class": "utrecht-radio-button utrecht-radio-button--html-input"}
GEEN_POSTCODE = "Dit is geen postcode. Schrijf 4 cijfers en 2 letters, zoals 3511 AB. Alleen de 4 cijfers mag ook."
NIETS_INGEVULD = "Vul uw postcode of uw woonplaats in."
ALLEBEI = "Vul een postcode óf een plaats in, niet allebei."
KIES_UIT_DE_LIJST = "Kies uit de lijst."


def zoekstraal_standaard() -> int:
    return int(settings.PASSEND["AANBOD_ZOEKSTRAAL_KM"])


def zoekstraal_maximaal() -> int:
    return int(settings.PASSEND["AANBOD_MAXIMALE_STRAAL_KM"])


class _GemeenteKeuze(forms.TypedChoiceField):
    """A municipality number: the choices depend on the place found, so any number is
    accepted here and ``selectors.zoeken.positie_van_plaats`` checks it."""

    def valid_value(self, value: Any) -> bool:
        return True


class ZoekForm(NLDesignForm):
    """Search nearby schools: postcode or place, what the child needs, kind of school,
    radius. The areas are passed in (the active ones, read once by the view)."""

    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=10,
        help_text="Bijvoorbeeld 3511 AB.",
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text"}),
        error_messages={"max_length": GEEN_POSTCODE},
    )
    plaats = forms.CharField(
        label="Of: woonplaats",
        required=False,
        max_length=100,
        help_text="Bijvoorbeeld Utrecht.",
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        error_messages={"max_length": "Deze plaatsnaam is te lang."},
    )
    #: Only shown when a place name is used in several municipalities.
    gemeente = _GemeenteKeuze(
        label="Welke plaats bedoelt u?",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[],
        widget=forms.RadioSelect(attrs=RONDJE),
        error_messages={"invalid_choice": KIES_UIT_DE_LIJST},
    )
    nodig = forms.MultipleChoiceField(
        label="Wat heeft uw kind nodig?",
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple(attrs=VINKJE),
        error_messages={"invalid_choice": KIES_UIT_DE_LIJST},
    )
    soort = forms.MultipleChoiceField(
        label="Soort school",
        required=False,
        choices=[(code, label) for code, (label, _) in SCHOOLSOORTEN.items()],
        widget=forms.CheckboxSelectMultiple(attrs=VINKJE),
        error_messages={"invalid_choice": KIES_UIT_DE_LIJST},
    )
    straal = forms.IntegerField(
        label="Hoe ver mag de school zijn? (in kilometers)",
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(
        self,
        *args: Any,
        gebieden: Sequence[Ondersteuningsgebied] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.gebieden = {gebied.code: gebied for gebied in gebieden}
        nodig = self.fields["nodig"]
        assert isinstance(nodig, forms.MultipleChoiceField)
        nodig.choices = [(gebied.code, gebied.naam) for gebied in gebieden]
        maximaal = zoekstraal_maximaal()
        straal = self.fields["straal"]
        straal.initial = zoekstraal_standaard()
        straal.widget.attrs.update({"min": 1, "max": maximaal})
        melding = f"Kies een afstand van 1 tot {maximaal} kilometer, in hele kilometers."
        straal.error_messages.update(
            {"invalid": melding, "min_value": melding, "max_value": melding}
        )
        self.straal_melding = melding

    def plaatskeuzes_tonen(self, keuzes: Sequence[Any]) -> None:
        """Ask which place is meant: one radio button per municipality."""
        veld = self.fields["gemeente"]
        assert isinstance(veld, forms.TypedChoiceField)
        veld.choices = [
            (keuze.gemeente_id, f"{keuze.omschrijving} ({_scholen(keuze.aantal_locaties)})")
            for keuze in keuzes
        ]

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data.get("postcode", "").strip()
        if postcode and pc4_van(postcode) is None:
            raise forms.ValidationError(GEEN_POSTCODE)
        return postcode

    def clean_straal(self) -> int:
        straal = self.cleaned_data.get("straal")
        if straal is None:
            return zoekstraal_standaard()
        if not 1 <= straal <= zoekstraal_maximaal():
            raise forms.ValidationError(self.straal_melding)
        return int(straal)

    def clean(self) -> dict[str, Any]:
        super().clean()
        gegevens = self.cleaned_data
        postcode, plaats = gegevens.get("postcode"), (gegevens.get("plaats") or "").strip()
        gegevens["plaats"] = plaats
        if "postcode" in self.errors:
            return gegevens
        if postcode and plaats:
            self.add_error("plaats", ALLEBEI)
        elif not postcode and not plaats:
            self.add_error("postcode", NIETS_INGEVULD)
        return gegevens

    @property
    def gekozen_gebieden(self) -> list[Ondersteuningsgebied]:
        return [self.gebieden[code] for code in self.cleaned_data.get("nodig", [])]


def _scholen(aantal: int) -> str:
    return "1 school" if aantal == 1 else f"{aantal} scholen"


class SocialeKaartForm(NLDesignForm):
    """Filter the sociale kaart by municipality, area and kind (all optional)."""

    gemeente = forms.ModelChoiceField(
        label="Gemeente",
        required=False,
        queryset=Gemeente.objects.none(),
        empty_label="Alle gemeenten",
        error_messages={"invalid_choice": KIES_UIT_DE_LIJST},
    )
    gebied = forms.ModelChoiceField(
        label="Waar gaat het over?",
        required=False,
        queryset=Ondersteuningsgebied.objects.none(),
        to_field_name="code",
        empty_label="Alle onderwerpen",
        error_messages={"invalid_choice": KIES_UIT_DE_LIJST},
    )
    soort = forms.ChoiceField(
        label="Soort hulp",
        required=False,
        choices=[("", "Alle soorten hulp")]
        + [
            (waarde, label)
            for waarde, label in Voorzieningsoort.choices
            if waarde != Voorzieningsoort.STEUNPUNT
        ],
        error_messages={"invalid_choice": KIES_UIT_DE_LIJST},
    )

    def __init__(self, *args: Any, gemeenten: Any, gebieden: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        gemeente = self.fields["gemeente"]
        gebied = self.fields["gebied"]
        assert isinstance(gemeente, forms.ModelChoiceField)
        assert isinstance(gebied, forms.ModelChoiceField)
        gemeente.queryset = gemeenten
        gebied.queryset = gebieden
