"""Forms of the disagreement pages (the Veilig Thuis form is ``forms_veilig_thuis``)."""

from typing import Any

from django import forms

from passend.core.forms import NLDesignForm
from passend.geschillen.models import Routestap
from passend.geschillen.rules import Onderwerp, Stapuitkomst, Status

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
GEEN_KOPPELING = ("", "Niets van deze lijst")


class _Revisie(NLDesignForm):
    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class StartenForm(NLDesignForm):
    """The school records the parents' disagreement (or a parent starts one)."""

    onderwerp = forms.ChoiceField(label="Waar gaat de onenigheid over?", choices=Onderwerp.choices)
    koppeling = forms.ChoiceField(
        label="Gaat het over een van deze stukken?",
        required=False,
        help_text="Kies het OPP, de aanmelding of de TLV waar de onenigheid over gaat.",
    )
    omschrijving = forms.CharField(
        label="Wat is het probleem?",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
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
    )
    besluit_op = forms.DateField(
        label="Datum van het besluit waar het over gaat (als er een besluit is)",
        required=False,
        widget=DATUM,
    )
    ZONDER_VERPLICHT_HINT = frozenset({"gestart_op", "besluit_op"})


class PortaalStartenForm(StartenForm):
    """B1 language for parents; the child first."""

    leerling = forms.ChoiceField(label="Over welk kind gaat het?")
    field_order = ["leerling", "onderwerp", "koppeling", "omschrijving"]

    def __init__(self, *args: Any, kinderen: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        leerling = self.fields["leerling"]
        assert isinstance(leerling, forms.ChoiceField)
        leerling.choices = [(str(k.sleutel), k.naam) for k in kinderen]
        self.fields[
            "omschrijving"
        ].label = "Vertel in uw eigen woorden waar u het niet mee eens bent"


class StapForm(NLDesignForm):
    routestap = forms.ModelChoiceField(
        label="Welke stap begint?", queryset=Routestap.objects.none(), empty_label=None
    )
    begonnen_op = forms.DateField(label="Begonnen op", widget=DATUM)
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, route: list[Routestap], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["routestap"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = Routestap.objects.filter(pk__in=[r.pk for r in route]).order_by("volgorde")


class StapAfrondenForm(NLDesignForm):
    afgerond_op = forms.DateField(label="Afgerond op", widget=DATUM)
    uitkomst = forms.ChoiceField(
        label="Uitkomst", choices=Stapuitkomst.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 4})
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

    besluit_op = forms.DateField(label="Datum van het besluit", widget=DATUM)
    commissie_ingediend_op = forms.DateField(
        label="Ingediend bij de commissie op (als dat al is gebeurd)", required=False, widget=DATUM
    )
    bestuur_antwoord_op = forms.DateField(
        label="Reactie van het bestuur op (als die er is)", required=False, widget=DATUM
    )
    advies_gevraagd_op = forms.DateField(
        label="Advies gevraagd aan de LBT op (als dat al is gebeurd)", required=False, widget=DATUM
    )
    oordeel_op = forms.DateField(
        label="Oordeel van de commissie op (als dat er is)", required=False, widget=DATUM
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
    )
    afgesloten_op = forms.DateField(label="Afgesloten op", widget=DATUM)
    afsluiting = forms.CharField(
        label="Wat is de afspraak of de uitkomst?", widget=forms.Textarea(attrs={"rows": 4})
    )


class IntrekkenForm(_Revisie):
    pass


class RoutestapForm(NLDesignForm):
    naam = forms.CharField(label="Naam van de stap", max_length=200)
    uitleg = forms.CharField(
        label="Uitleg voor ouders (B1)", widget=forms.Textarea(attrs={"rows": 4})
    )
    wie = forms.CharField(label="Bij wie", max_length=300, required=False)
    termijn = forms.CharField(label="Termijn", max_length=300, required=False)
