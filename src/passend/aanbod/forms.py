"""Forms of the school's aanbod pages: the offer of a location for a school year, a
waiting-list figure, the schoolgids text. Every field has a plain Dutch (B1) label and
Dutch error messages; the rules themselves are checked by the services and shown on the
field they are about."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.validators import MaxLengthValidator

from passend.aanbod.models import Aanbod, Ondersteuningsgebied, Schoolgidstekst
from passend.aanbod.rules import (
    MAXIMALE_CONTACTLENGTE,
    MAXIMALE_TEKSTLENGTE,
    Faciliteit,
    heeft_inhoud,
)
from passend.aanbod.services.aanbod import Gebiedsinvoer
from passend.core.forms import NLDesignForm, nl_design_widgets

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TE_LANG = "De tekst is te lang. Gebruik maximaal %(limit_value)d tekens."
GEEN_GETAL = "Vul een heel getal in, zoals 12."
NIET_NEGATIEF = "Vul 0 of meer in."
TE_GROOT = "Dit getal is te groot. Vul maximaal %(limit_value)d in."
VERLOPEN = "Het formulier is niet compleet. Open de pagina opnieuw en probeer het nog eens."


def _tekst(
    label: str, *, hint: str = "", rijen: int = 4, max_length: int = MAXIMALE_TEKSTLENGTE
) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rijen}),
        error_messages={"max_length": TE_LANG},
    )


def _getal(
    label: str, *, hint: str = "", verplicht: str | None = None, maximaal: int = 100_000
) -> forms.IntegerField:
    meldingen = {
        "invalid": GEEN_GETAL,
        "min_value": NIET_NEGATIEF,
        "max_value": TE_GROOT,
    }
    if verplicht:
        meldingen["required"] = verplicht
    return forms.IntegerField(
        label=label,
        help_text=hint,
        required=verplicht is not None,
        min_value=0,
        max_value=maximaal,
        error_messages=meldingen,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _revisie() -> forms.IntegerField:
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": VERLOPEN, "invalid": VERLOPEN},
    )


class MetRevisie(NLDesignForm):
    """A form opened on one revision of a row (optimistic lock). An error on a hidden field
    cannot be shown next to it, so it is shown at the top of the form."""

    def full_clean(self) -> None:
        super().full_clean()
        fouten = self.errors
        for veld in self.hidden_fields():
            meldingen = fouten.pop(veld.name, None)
            if meldingen:
                bovenaan = fouten.setdefault(NON_FIELD_ERRORS, self.error_class())
                bovenaan.extend(m for m in meldingen if m not in bovenaan)


class AanbodForm(MetRevisie):
    """The concept of a location's offer for a school year: an introduction, a contact,
    and per active area what every child gets, what the school adds with the SWV, the
    expertise present, facilities and (sbo/so/vso) the number of places."""

    toelichting = _tekst(
        "Inleiding",
        hint="Vertel in een paar zinnen hoe uw school werkt aan ondersteuning.",
        rijen=4,
    )
    contact = forms.CharField(
        label="Bij wie kunnen ouders terecht met vragen over ondersteuning?",
        help_text="Bijvoorbeeld: de intern begeleider, via de administratie (telefoon of e-mail).",
        required=False,
        max_length=MAXIMALE_CONTACTLENGTE,
        error_messages={"max_length": TE_LANG},
    )
    revisie = _revisie()

    def __init__(
        self,
        *args: Any,
        gebieden: Sequence[Ondersteuningsgebied],
        met_capaciteit: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.gebieden = list(gebieden)
        self.met_capaciteit = met_capaciteit
        for gebied in self.gebieden:
            code = gebied.code
            self.fields[f"basis_{code}"] = _tekst(
                "Wat krijgt elk kind? (basisondersteuning)",
                hint="De hulp die alle kinderen op uw school kunnen krijgen.",
            )
            self.fields[f"extra_{code}"] = _tekst(
                "Wat kan de school extra bieden? (extra ondersteuning)",
                hint="Hulp die de school samen met het samenwerkingsverband regelt.",
            )
            self.fields[f"expertise_{code}"] = _tekst(
                "Welke kennis en deskundigen zijn er op school?",
                hint="Bijvoorbeeld: een leesspecialist, een gedragsspecialist.",
                rijen=3,
            )
            self.fields[f"faciliteiten_{code}"] = forms.MultipleChoiceField(
                label="Wat is er op school voor dit onderwerp?",
                choices=Faciliteit.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Kies alleen uit de lijst."},
            )
            if met_capaciteit:
                self.fields[f"capaciteit_{code}"] = _getal(
                    "Aantal plaatsen",
                    hint="Hoeveel kinderen kan de school hiervoor opvangen?",
                )
        # Widgets of the fields added above get their NL Design classes too.
        nl_design_widgets(self)

    @staticmethod
    def beginwaarden(aanbod: Aanbod) -> dict[str, Any]:
        """The form's values from a concept (its areas prefetched)."""
        waarden: dict[str, Any] = {
            "toelichting": aanbod.toelichting,
            "contact": aanbod.contact,
            "revisie": aanbod.revisie,
        }
        for rij in aanbod.gebieden.all():
            code = rij.gebied.code
            waarden[f"basis_{code}"] = rij.basisondersteuning
            waarden[f"extra_{code}"] = rij.extra_ondersteuning
            waarden[f"expertise_{code}"] = rij.expertise
            waarden[f"faciliteiten_{code}"] = list(rij.faciliteiten)
            waarden[f"capaciteit_{code}"] = rij.capaciteit
        return waarden

    def clean(self) -> dict[str, Any]:
        gegevens = self.cleaned_data
        for gebied in self.gebieden:
            code = gebied.code
            teksten = (
                gegevens.get(f"basis_{code}", ""),
                gegevens.get(f"extra_{code}", ""),
                gegevens.get(f"expertise_{code}", ""),
            )
            iets_gekozen = bool(gegevens.get(f"faciliteiten_{code}")) or (
                gegevens.get(f"capaciteit_{code}") is not None
            )
            if iets_gekozen and not heeft_inhoud(*teksten):
                self.add_error(
                    f"basis_{code}",
                    "Schrijf ook iets over dit onderwerp. Zonder tekst bewaren wij de "
                    "keuzes hieronder niet.",
                )
        return gegevens

    def gebiedsinvoer(self) -> list[Gebiedsinvoer]:
        """What the school wrote per area, for ``aanbod_opslaan`` (after ``is_valid``)."""
        gegevens = self.cleaned_data
        return [
            Gebiedsinvoer(
                gebied_id=gebied.pk,
                basisondersteuning=gegevens.get(f"basis_{gebied.code}", ""),
                extra_ondersteuning=gegevens.get(f"extra_{gebied.code}", ""),
                expertise=gegevens.get(f"expertise_{gebied.code}", ""),
                faciliteiten=tuple(gegevens.get(f"faciliteiten_{gebied.code}") or ()),
                capaciteit=gegevens.get(f"capaciteit_{gebied.code}")
                if self.met_capaciteit
                else None,
            )
            for gebied in self.gebieden
        ]

    def per_gebied(self) -> list[dict[str, Any]]:
        """The bound fields grouped per area, for the template (one fieldset per area).
        ``open``: the area is shown unfolded (a norm area, one with content or an error)."""
        delen = []
        for gebied in self.gebieden:
            velden = {
                "basis": self[f"basis_{gebied.code}"],
                "extra": self[f"extra_{gebied.code}"],
                "expertise": self[f"expertise_{gebied.code}"],
                "faciliteiten": self[f"faciliteiten_{gebied.code}"],
                "capaciteit": self[f"capaciteit_{gebied.code}"] if self.met_capaciteit else None,
            }
            gevuld = any(
                veld is not None and (veld.errors or veld.value() not in (None, "", []))
                for veld in velden.values()
            )
            delen.append(
                {
                    **velden,
                    "gebied": gebied,
                    "gevuld": gevuld,
                    "open": gevuld or gebied.landelijke_norm,
                }
            )
        return delen


class PublicerenForm(MetRevisie):
    """Publishing the concept as it was shown (its revision)."""

    revisie = _revisie()


class WachtlijstForm(NLDesignForm):
    """A new figure of the waiting list of an sbo/so/vso location."""

    peildatum = forms.DateField(
        label="Datum van de telling",
        help_text="Op welke dag telde u de wachtlijst? Niet later dan vandaag.",
        widget=DATUM,
        error_messages={
            "required": "Vul de datum van de telling in.",
            "invalid": "Vul een geldige datum in, zoals 2026-10-01.",
        },
    )
    gebied = forms.ModelChoiceField(
        label="Voor welk onderwerp?",
        help_text="Laat leeg als de telling voor de hele vestiging is.",
        queryset=Ondersteuningsgebied.objects.filter(actief=True).order_by("volgorde", "naam"),
        required=False,
        empty_label="De hele vestiging",
        error_messages={"invalid_choice": "Kies een onderwerp uit de lijst."},
    )
    aantal_wachtend = _getal(
        "Aantal kinderen op de wachtlijst",
        verplicht="Vul in hoeveel kinderen wachten. Wacht er niemand? Vul dan 0 in.",
        maximaal=10_000,
    )
    verwachte_wachttijd_weken = _getal(
        "Verwachte wachttijd in weken",
        hint="Hoe lang wacht een kind dat nu op de lijst komt, ongeveer?",
        maximaal=520,
    )
    capaciteit = _getal(
        "Aantal plaatsen",
        hint="Hoeveel kinderen kan de vestiging opvangen?",
    )


class SchoolgidstekstForm(MetRevisie):
    """The schoolgids text, edited by hand. ``maximum``: the longest text (at least what
    Passend can write from an offer, ``selectors.school.schoolgidstekst_maximum``)."""

    tekst = forms.CharField(
        label="Tekst voor de schoolgids",
        help_text=(
            "Een regel die begint met ## of ### wordt een kopje. Een regel die begint met - "
            "wordt een opsommingsteken. Laat een lege regel tussen alinea's. Zet een \\ "
            "vooraan een regel die gewone tekst moet blijven, zoals \\- 3 keer per week."
        ),
        widget=forms.Textarea(attrs={"rows": 24}),
        error_messages={
            "required": "De tekst is leeg. Schrijf een tekst of laat Passend hem opnieuw maken.",
            "max_length": TE_LANG,
        },
    )
    revisie = _revisie()

    def __init__(self, *args: Any, maximum: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["tekst"]
        assert isinstance(veld, forms.CharField)
        veld.max_length = maximum
        veld.validators.append(MaxLengthValidator(maximum))
        veld.widget.attrs["maxlength"] = str(maximum)

    @staticmethod
    def beginwaarden(tekst: Schoolgidstekst) -> dict[str, Any]:
        return {"tekst": tekst.tekst, "revisie": tekst.revisie}


class OpstellenForm(MetRevisie):
    """Write (or write again) the schoolgids text from the offer; over a text that was
    edited by hand only with an explicit confirmation. ``revisie``: the revision of the
    text the page showed (0: there was none), so a text someone else changed meanwhile is
    never replaced unseen."""

    overschrijven = forms.BooleanField(
        label="Ja, vervang mijn aangepaste tekst door een nieuwe tekst uit het aanbod",
        required=False,
    )
    revisie = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={"required": VERLOPEN, "invalid": VERLOPEN, "min_value": VERLOPEN},
    )
