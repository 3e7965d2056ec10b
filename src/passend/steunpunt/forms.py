"""Forms of the steunpunt: a contact, the period of the signals report, a parent's consent."""

from datetime import date
from typing import Any

from django import forms

from passend.core.forms import NLDesignForm
from passend.leerlingen.models import Leerling
from passend.steunpunt.rules import Doorverwijzing, Kanaal, Thema, Wie

ANONIEM = ""


class ContactForm(NLDesignForm):
    ZONDER_VERPLICHT_HINT = frozenset({"leerling"})

    revisie = forms.IntegerField(
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid": "Open het formulier opnieuw: de versie klopt niet."},
    )
    datum = forms.DateField(
        label="Datum van het contact",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Vul de datum in.", "invalid": "Vul een geldige datum in."},
    )
    kanaal = forms.ChoiceField(
        label="Hoe was het contact?",
        choices=[("", "Kies…"), *Kanaal.choices],
        error_messages={
            "required": "Kies hoe het contact was.",
            "invalid_choice": "Kies uit de lijst hoe het contact was.",
        },
    )
    wie = forms.ChoiceField(
        label="Wie zocht contact?",
        choices=[("", "Kies…"), *Wie.choices],
        error_messages={
            "required": "Kies wie contact zocht.",
            "invalid_choice": "Kies uit de lijst wie contact zocht.",
        },
    )
    themas = forms.MultipleChoiceField(
        label="Thema's",
        choices=Thema.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies ten minste één thema.",
            "invalid_choice": "Kies alleen thema's uit de lijst.",
            "invalid_list": "Kies alleen thema's uit de lijst.",
        },
    )
    leerling = forms.ChoiceField(
        label="Gekoppeld aan een kind",
        required=False,
        help_text="Alleen kinderen van wie een ouder het steunpunt toestemming gaf. Anders: anoniem.",
        error_messages={
            "invalid_choice": "Kies een kind uit de lijst, of 'Nee, anoniem'. Alleen kinderen "
            "met toestemming van een ouder staan in de lijst."
        },
    )
    samenvatting = forms.CharField(
        label="Korte samenvatting",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf kort waar het contact over ging."},
    )
    signaal = forms.CharField(
        label="Signaal voor het bestuur (niet verplicht)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wat moet het beleid hiervan leren? Noem geen namen: het bestuur leest dit.",
    )
    doorverwijzing = forms.ChoiceField(
        label="Doorverwezen naar",
        choices=Doorverwijzing.choices,
        initial=Doorverwijzing.GEEN,
        error_messages={
            "required": "Kies een doorverwijzing, of 'Geen'.",
            "invalid_choice": "Kies een doorverwijzing uit de lijst, of 'Geen'.",
        },
    )

    def __init__(self, *args: Any, kinderen: list[Leerling], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["leerling"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [
            (ANONIEM, "Nee, anoniem"),
            *[(str(k.pk), f"{k.naam} (geboren {k.geboortedatum:%d-%m-%Y})") for k in kinderen],
        ]

    def leerling_id(self) -> int | None:
        waarde = self.cleaned_data.get("leerling") or ANONIEM
        return None if waarde == ANONIEM else int(waarde)


class PeriodeForm(NLDesignForm):
    van = forms.DateField(
        label="Van",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Vul de begindatum in.",
            "invalid": "Vul een geldige datum in.",
        },
    )
    tot = forms.DateField(
        label="Tot en met",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Vul de einddatum in.", "invalid": "Vul een geldige datum in."},
    )

    def __init__(self, *args: Any, standaard: tuple[date, date], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"van": standaard[0], "tot": standaard[1]})
        super().__init__(*args, **kwargs)


class ToestemmingForm(NLDesignForm):
    """Give (``actie=geven``: ``kind`` is '<leerling>-<swv>') or withdraw
    (``actie=intrekken``: ``toestemming`` is the consent's id)."""

    actie = forms.ChoiceField(
        choices=[("geven", "geven"), ("intrekken", "intrekken")],
        widget=forms.HiddenInput,
        error_messages={
            "required": "Kies opnieuw wat u wilt doen.",
            "invalid_choice": "Kies opnieuw wat u wilt doen.",
        },
    )
    kind = forms.CharField(required=False, widget=forms.HiddenInput)
    toestemming = forms.IntegerField(
        required=False,
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "Kies opnieuw welke toestemming u wilt intrekken.",
            "min_value": "Kies opnieuw welke toestemming u wilt intrekken.",
        },
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("actie") == "geven":
            delen = (gegevens.get("kind") or "").split("-")
            # Only ASCII digits: str.isdigit() also accepts '²' (int() refuses it) and
            # isdecimal() accepts other scripts' digits.
            if len(delen) != 2 or not all(d.isascii() and d.isdecimal() for d in delen):
                self.add_error(None, "Kies bij welk kind u toestemming geeft.")
            else:
                gegevens["leerling_id"], gegevens["swv_id"] = int(delen[0]), int(delen[1])
        elif gegevens.get("actie") == "intrekken" and not gegevens.get("toestemming"):
            self.add_error(None, "Kies welke toestemming u wilt intrekken.")
        return gegevens
