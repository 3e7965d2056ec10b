"""Forms of the disagreement pages (the Veilig Thuis form is ``forms_veilig_thuis``)."""

from typing import Any

from django import forms

from passend.core.forms import NLDesignForm
from passend.geschillen.models import Routestap
from passend.geschillen.rules import ONDERWERP_VOOR_OUDERS, Onderwerp, Stapuitkomst, Status

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
GEEN_KOPPELING = ("", "Niets van deze lijst")
OUDERS_LEZEN_MEE = "Ouders lezen dit in het portaal."
ONGELDIGE_DATUM = "Vul een geldige datum in (dd-mm-jjjj)."


def datumfouten(verplicht: str = "Vul een datum in.") -> dict[str, str]:
    """Dutch messages of a date field: empty, and not a date."""
    return {"required": verplicht, "invalid": ONGELDIGE_DATUM}


class _Revisie(NLDesignForm):
    revisie = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": "Het formulier is niet volledig verstuurd. Laad de pagina opnieuw.",
            "invalid": "Het formulier is niet volledig verstuurd. Laad de pagina opnieuw.",
            "min_value": "Het formulier is niet volledig verstuurd. Laad de pagina opnieuw.",
        },
    )


class StartenForm(NLDesignForm):
    """The school records the parents' disagreement (or a parent starts one)."""

    onderwerp = forms.ChoiceField(
        label="Waar gaat de onenigheid over?",
        choices=Onderwerp.choices,
        error_messages={
            "required": "Kies waar de onenigheid over gaat.",
            "invalid_choice": "Kies waar de onenigheid over gaat.",
        },
    )
    koppeling = forms.ChoiceField(
        label="Gaat het over een van deze stukken?",
        required=False,
        help_text="Kies het OPP, de aanmelding of de TLV waar de onenigheid over gaat.",
        error_messages={"invalid_choice": "Kies een stuk uit de lijst."},
    )
    omschrijving = forms.CharField(
        label="Wat is het probleem?",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
        error_messages={
            "required": "Schrijf op waar de onenigheid over gaat.",
            "max_length": "De tekst is te lang. Gebruik maximaal 10000 tekens.",
        },
    )

    def __init__(self, *args: Any, keuzes: list[tuple[str, str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        koppeling = self.fields["koppeling"]
        assert isinstance(koppeling, forms.ChoiceField)
        koppeling.choices = [GEEN_KOPPELING, *[(w, tekst) for w, tekst, _ in keuzes]]
        self._objecten = {waarde: obj for waarde, _, obj in keuzes}

    def gekoppeld(self) -> dict[str, Any]:
        """The chosen OPP / aanmelding / TLV as service arguments."""
        waarde = self.cleaned_data.get("koppeling") or ""
        if not waarde:
            return {}
        return {waarde.split(":", 1)[0]: self._objecten[waarde]}


class SchoolStartenForm(StartenForm):
    gestart_op = forms.DateField(
        label="Begonnen op",
        required=False,
        widget=DATUM,
        help_text="Leeg: vandaag. Begon de onenigheid eerder, vul dan die datum in.",
        error_messages=datumfouten(),
    )
    besluit_op = forms.DateField(
        label="Datum van het besluit waar het over gaat (als er een besluit is)",
        required=False,
        widget=DATUM,
        error_messages=datumfouten(),
    )
    ZONDER_VERPLICHT_HINT = frozenset({"gestart_op", "besluit_op"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The school's description is shown to the parents in the portal.
        self.fields["omschrijving"].help_text = OUDERS_LEZEN_MEE


class PortaalStartenForm(StartenForm):
    """B1 language for parents; the child first."""

    leerling = forms.ChoiceField(label="Over welk kind gaat het?")
    field_order = ["leerling", "onderwerp", "koppeling", "omschrijving"]

    def __init__(self, *args: Any, kinderen: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        leerling = self.fields["leerling"]
        assert isinstance(leerling, forms.ChoiceField)
        leerling.choices = [(str(k.sleutel), k.naam) for k in kinderen]
        leerling.error_messages = {
            "required": "Kies over welk kind het gaat.",
            "invalid_choice": "Kies over welk kind het gaat.",
        }
        self.fields[
            "omschrijving"
        ].label = "Vertel in uw eigen woorden waar u het niet mee eens bent"
        onderwerp = self.fields["onderwerp"]
        assert isinstance(onderwerp, forms.ChoiceField)
        onderwerp.choices = list(ONDERWERP_VOOR_OUDERS.items())
        self.fields["koppeling"].help_text = (
            "Kies het plan (OPP), de aanmelding of de aanvraag voor speciaal onderwijs (TLV) "
            "waar het over gaat."
        )


class StapForm(NLDesignForm):
    routestap = forms.ModelChoiceField(
        label="Welke stap begint?",
        queryset=Routestap.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Kies de stap die begint.",
            "invalid_choice": "Kies een stap van de route.",
        },
    )
    begonnen_op = forms.DateField(
        label="Begonnen op",
        widget=DATUM,
        error_messages=datumfouten("Vul de datum in waarop de stap is begonnen."),
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=OUDERS_LEZEN_MEE,
    )

    def __init__(self, *args: Any, route: list[Routestap], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["routestap"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = Routestap.objects.filter(pk__in=[r.pk for r in route]).order_by("volgorde")


class StapAfrondenForm(NLDesignForm):
    afgerond_op = forms.DateField(
        label="Afgerond op",
        widget=DATUM,
        error_messages=datumfouten("Vul de datum in waarop de stap is afgerond."),
    )
    uitkomst = forms.ChoiceField(
        label="Uitkomst",
        choices=Stapuitkomst.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de uitkomst van deze stap.",
            "invalid_choice": "Kies de uitkomst van deze stap.",
        },
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=OUDERS_LEZEN_MEE,
    )


class CommissieForm(_Revisie):
    """The GPO's dates, or for an objection to a TLV (``commissie="LBT"``) the objection's:
    filed with the SWV, advice asked of the LBT, the decision on the objection."""

    ZONDER_VERPLICHT_HINT = frozenset(
        {
            "commissie_ingediend_op",
            "bestuur_antwoord_op",
            "advies_gevraagd_op",
            "oordeel_op",
            "oordeel",
        }
    )

    besluit_op = forms.DateField(
        label="Datum van het besluit",
        widget=DATUM,
        error_messages=datumfouten("Vul de datum van het besluit in."),
    )
    commissie_ingediend_op = forms.DateField(
        label="Ingediend bij de commissie op (als dat al is gebeurd)",
        required=False,
        widget=DATUM,
        error_messages=datumfouten(),
    )
    bestuur_antwoord_op = forms.DateField(
        label="Reactie van het bestuur op (als die er is)",
        required=False,
        widget=DATUM,
        error_messages=datumfouten(),
    )
    advies_gevraagd_op = forms.DateField(
        label="Advies gevraagd aan de LBT op (als dat al is gebeurd)",
        required=False,
        widget=DATUM,
        error_messages=datumfouten(),
    )
    oordeel_op = forms.DateField(
        label="Oordeel van de commissie op (als dat er is)",
        required=False,
        widget=DATUM,
        error_messages=datumfouten(),
    )
    oordeel = forms.CharField(
        label="Het oordeel in het kort (als dat er is)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, commissie: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if commissie == "LBT":
            del self.fields["bestuur_antwoord_op"]
            self.fields["besluit_op"].label = "Datum van het besluit over de TLV"
            self.fields[
                "commissie_ingediend_op"
            ].label = "Bezwaar ingediend bij het samenwerkingsverband op (als dat al is gebeurd)"
            self.fields["oordeel_op"].label = "Beslissing op het bezwaar op (als die er is)"
            self.fields[
                "oordeel"
            ].label = "De beslissing op het bezwaar in het kort (als die er is)"
        else:
            del self.fields["advies_gevraagd_op"]


class AfsluitenForm(_Revisie):
    status = forms.ChoiceField(
        label="Hoe is het afgelopen?",
        choices=[
            (Status.OPGELOST, Status.OPGELOST.label),
            (Status.GESLOTEN, Status.GESLOTEN.label),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies hoe de onenigheid is afgelopen.",
            "invalid_choice": "Kies hoe de onenigheid is afgelopen.",
        },
    )
    afgesloten_op = forms.DateField(
        label="Afgesloten op",
        widget=DATUM,
        error_messages=datumfouten("Vul de datum in waarop de onenigheid is afgesloten."),
    )
    afsluiting = forms.CharField(
        label="Wat is de afspraak of de uitkomst?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=OUDERS_LEZEN_MEE,
        error_messages={"required": "Schrijf op hoe het is afgelopen."},
    )


class IntrekkenForm(_Revisie):
    pass


class RoutestapForm(_Revisie):
    naam = forms.CharField(
        label="Naam van de stap",
        max_length=200,
        error_messages={
            "required": "Geef de stap een naam.",
            "max_length": "De naam is te lang. Gebruik maximaal 200 tekens.",
        },
    )
    uitleg = forms.CharField(
        label="Uitleg voor ouders (B1)",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Leg de stap uit voor ouders."},
    )
    wie = forms.CharField(label="Bij wie", max_length=300, required=False)
    termijn = forms.CharField(label="Termijn", max_length=300, required=False)
