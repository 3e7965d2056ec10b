"""Forms of the plan pages: a new plan, a new version, the OPR's consent, the OOGO with a
municipality. The services check everything again (the API uses them too)."""

from collections.abc import Sequence
from typing import Any, ClassVar

from django import forms

from passend.core.forms import NLDesignForm
from passend.middelen.rules import Instemmingsuitkomst, Oogouitkomst
from passend.organisaties.models import Gemeente

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(NLDesignForm):
    soort = forms.ChoiceField(label="Soort plan")
    titel = forms.CharField(label="Titel", max_length=200)
    periode_van = forms.DateField(label="Eerste dag", widget=DATUM)
    periode_tot = forms.DateField(
        label="Laatste dag",
        widget=DATUM,
        help_text="Een ondersteuningsplan loopt hoogstens 4 jaar.",
    )

    def __init__(self, *args: Any, soorten: Sequence[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["soort"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = list(soorten)


class VersieForm(NLDesignForm):
    ZONDER_VERPLICHT_HINT: ClassVar[frozenset[str]] = frozenset({"vastgesteld_op"})

    samenvatting = forms.CharField(
        label="Wat is er nieuw in deze versie?", widget=forms.Textarea(attrs={"rows": 5})
    )
    vastgesteld_op = forms.DateField(
        label="Vastgesteld op (als het bestuur deze versie al heeft vastgesteld)",
        required=False,
        widget=DATUM,
    )
    revisie = forms.IntegerField(widget=forms.HiddenInput)


class InstemmingForm(NLDesignForm):
    datum = forms.DateField(label="Datum van het besluit van de OPR", widget=DATUM)
    uitkomst = forms.ChoiceField(
        label="Besluit", choices=Instemmingsuitkomst.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class OogoForm(NLDesignForm):
    gemeente = forms.ModelChoiceField(label="Gemeente", queryset=Gemeente.objects.none())
    datum = forms.DateField(label="Datum van het overleg", widget=DATUM)
    uitkomst = forms.ChoiceField(
        label="Uitkomst", choices=Oogouitkomst.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, swv_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["gemeente"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = Gemeente.objects.filter(samenwerkingsverbanden__id=swv_id).order_by("naam")
