"""Forms of the verzuim pages. Every field has a Dutch label and Dutch error messages; the
services check the rules again (and the forms show their errors per field)."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from passend.core.forms import NLDesignForm
from passend.verzuim.models import Partner
from passend.verzuim.rules import Partnersoort, Reden, Uitkomst, Verzuimsoort

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TE_LANG = "De tekst is te lang. Gebruik maximaal %(limit_value)d tekens."
GEEN_DATUM = "Vul een geldige datum in, zoals 2026-09-01."
ONVOLLEDIG = (
    "Het formulier is niet volledig verstuurd. Open de pagina opnieuw en probeer het nog eens."
)


def _binnen_bereik(datum: date | None) -> None:
    if datum is not None and not 1990 <= datum.year <= 2100:
        raise ValidationError("Kies een datum tussen 1990 en 2100.", code="bereik")


def datumveld(label: str, verplicht: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DATUM,
        error_messages={"required": verplicht, "invalid": GEEN_DATUM},
        validators=[_binnen_bereik],
        **kwargs,
    )


def tekstveld(
    label: str, verplicht: str | None = None, *, rijen: int = 4, max_length: int = 5000
) -> forms.CharField:
    meldingen = {"max_length": TE_LANG}
    if verplicht:
        meldingen["required"] = verplicht
    return forms.CharField(
        label=label,
        required=verplicht is not None,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rijen}),
        error_messages=meldingen,
    )


def regelveld(label: str, verplicht: str | None, *, max_length: int = 200) -> forms.CharField:
    meldingen = {"max_length": TE_LANG}
    if verplicht:
        meldingen["required"] = verplicht
    return forms.CharField(
        label=label, required=verplicht is not None, max_length=max_length, error_messages=meldingen
    )


def keuzeveld(label: str, keuzes: Iterable[tuple[Any, str]], verplicht: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", "Maak een keuze"), *keuzes],
        error_messages={"required": verplicht, "invalid_choice": verplicht},
    )


class PersoonKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class PartnerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.naam} ({obj.get_soort_display()})"


def persoonveld(label: str, queryset: QuerySet[Any], *, verplicht: str | None = None) -> Any:
    melding = verplicht or "Kies een persoon uit de lijst."
    return PersoonKeuze(
        label=label,
        queryset=queryset,
        required=verplicht is not None,
        empty_label="Nog niet gekozen" if verplicht is None else "Maak een keuze",
        error_messages={"required": melding, "invalid_choice": "Kies een persoon uit de lijst."},
    )


def urenveld() -> forms.IntegerField:
    return forms.IntegerField(
        label="Gemiste uren in de laatste 4 schoolweken",
        required=False,
        min_value=0,
        max_value=1000,
        error_messages={
            "invalid": "Vul een heel aantal uren in.",
            "min_value": "Vul 0 of meer uren in.",
            "max_value": "Vul hoogstens 1000 uren in.",
        },
    )


class RevisieForm(NLDesignForm):
    """A form about the case itself: carries the revision that was read."""

    revisie = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": ONVOLLEDIG,
            "invalid": ONVOLLEDIG,
            "min_value": ONVOLLEDIG,
        },
    )


class MeldenForm(NLDesignForm):
    """Report verzuim of a known pupil (the pupil's school, SWV and municipality are known)."""

    soort = keuzeveld(
        "Soort verzuim",
        [
            (Verzuimsoort.RELATIEF, Verzuimsoort.RELATIEF.label),
            (Verzuimsoort.VRIJSTELLING_5A, Verzuimsoort.VRIJSTELLING_5A.label),
        ],
        "Kies de soort verzuim.",
    )
    sinds = datumveld("Eerste dag van het verzuim", "Vul de eerste dag van het verzuim in.")
    reden = keuzeveld("Reden", Reden.choices, "Kies de reden van het verzuim.")
    gemiste_uren = urenveld()
    toelichting = tekstveld("Toelichting")

    def __init__(self, *args: Any, leerplichtambtenaren: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leerplichtambtenaar"] = persoonveld(
            "Leerplichtambtenaar van de gemeente", leerplichtambtenaren
        )
        self.order_fields(["soort", "sinds", "reden", "gemiste_uren", "leerplichtambtenaar"])


class NieuwKindForm(NLDesignForm):
    """Report absoluut verzuim of a child that is not enrolled: the child's details."""

    voornamen = regelveld("Voornamen van het kind", "Vul de voornamen van het kind in.")
    achternaam = regelveld("Achternaam van het kind", "Vul de achternaam van het kind in.")
    geboortedatum = datumveld("Geboortedatum", "Vul de geboortedatum van het kind in.")
    postcode = regelveld("Postcode van het woonadres", "Vul de postcode in.", max_length=7)
    sinds = datumveld(
        "Sinds wanneer staat het kind nergens ingeschreven?",
        "Vul in sinds wanneer het kind nergens staat ingeschreven.",
    )
    reden = keuzeveld("Reden", Reden.choices, "Kies de reden van het verzuim.")
    toelichting = tekstveld("Toelichting")

    def __init__(
        self,
        *args: Any,
        gemeenten: QuerySet[Any],
        leerplichtambtenaren: QuerySet[Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["woongemeente"] = forms.ModelChoiceField(
            label="Woongemeente",
            queryset=gemeenten,
            empty_label="Maak een keuze",
            error_messages={
                "required": "Kies de gemeente waar het kind woont.",
                "invalid_choice": "Kies een gemeente uit de lijst.",
            },
        )
        self.fields["leerplichtambtenaar"] = persoonveld(
            "Leerplichtambtenaar van de gemeente", leerplichtambtenaren
        )
        self.order_fields(
            [
                "voornamen",
                "achternaam",
                "geboortedatum",
                "postcode",
                "woongemeente",
                "sinds",
                "reden",
                "leerplichtambtenaar",
            ]
        )


class WijzigenForm(RevisieForm):
    sinds = datumveld("Eerste dag van het verzuim", "Vul de eerste dag van het verzuim in.")
    reden = keuzeveld("Reden", Reden.choices, "Kies de reden van het verzuim.")
    gemiste_uren = urenveld()
    toelichting = tekstveld("Toelichting")


class PartnerForm(NLDesignForm):
    soort = keuzeveld("Soort partner", Partnersoort.choices, "Kies de soort partner.")
    naam = regelveld("Naam (als de partner geen inlog in Passend heeft)", None)
    organisatie = regelveld("Organisatie", None)
    van = datumveld("Doet mee vanaf", "Vul in vanaf wanneer de partner meedoet.")
    ZONDER_VERPLICHT_HINT = frozenset({"naam", "gebruiker"})

    def __init__(self, *args: Any, medewerkers: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["gebruiker"] = persoonveld(
            "Medewerker van de gemeente met een inlog (leerplicht of jeugdhulp)", medewerkers
        )
        self.order_fields(["soort", "gebruiker", "naam", "organisatie", "van"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("gebruiker") and not (data.get("naam") or "").strip():
            self.add_error("naam", "Kies een medewerker of vul de naam van de partner in.")
        return data


class PartnerBeeindigenForm(NLDesignForm):
    tot = datumveld("Laatste dag van de deelname", "Vul de laatste dag van de deelname in.")


class ActieForm(NLDesignForm):
    omschrijving = tekstveld("Wat moet er gebeuren?", "Beschrijf de actie.", rijen=3)
    deadline = datumveld("Deadline", "Vul de deadline in.")

    def __init__(self, *args: Any, partners: QuerySet[Partner], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"] = PartnerKeuze(
            label="Wie voert de actie uit?",
            queryset=partners,
            empty_label="Maak een keuze",
            error_messages={
                "required": "Kies wie de actie uitvoert.",
                "invalid_choice": "Kies een partner uit de lijst.",
            },
        )
        self.order_fields(["omschrijving", "eigenaar", "deadline"])


class AfrondenForm(NLDesignForm):
    afgerond_op = datumveld("Afgerond op", "Vul de dag in waarop de actie is afgerond.")


class DoorbraakForm(RevisieForm):
    aanpak = tekstveld(
        "Aanpak: wat gaan onderwijs, gemeente en zorg samen doen?", "Beschrijf de aanpak.", rijen=6
    )
    uiterlijk = datumveld("Uiterlijk klaar op", "Vul de deadline van het plan in.")
    doorzettingsmacht = regelveld(
        "Wie heeft de doorzettingsmacht?", "Vul in wie de doorzettingsmacht heeft."
    )


class OnderwijsconsulentForm(RevisieForm):
    op = datumveld("Ingeschakeld op", "Vul de dag in waarop de onderwijsconsulent is ingeschakeld.")
    naam = regelveld("Naam van de onderwijsconsulent", "Vul de naam van de onderwijsconsulent in.")


class AanbodForm(RevisieForm):
    aanbod_op = datumveld(
        "Aanbod afgesproken op", "Vul de dag in waarop het aanbod is afgesproken."
    )
    omschrijving = tekstveld("Welk aanbod?", "Beschrijf het aanbod.", rijen=3)


class BeeindigenForm(RevisieForm):
    einde = datumveld("Laatste dag van het verzuim", "Vul de laatste dag van het verzuim in.")
    uitkomst = keuzeveld("Uitkomst", Uitkomst.choices, "Kies de uitkomst.")
