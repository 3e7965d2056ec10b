"""The public list of every ouder- en jeugdsteunpunt (measure 7): no log-in, no pupil data,
works without JavaScript (a GET form)."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from passend.core.forms import NLDesignForm
from passend.organisaties.models import Gemeente
from passend.organisaties.rules import Sector
from passend.steunpunt.selectors.openbaar import gemeenten_met_swv, steunpunten_overzicht


class FilterForm(NLDesignForm):
    ZONDER_VERPLICHT_HINT = frozenset({"gemeente", "sector"})

    gemeente = forms.ModelChoiceField(
        label="Gemeente",
        queryset=Gemeente.objects.none(),
        required=False,
        empty_label="Alle gemeenten",
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    sector = forms.ChoiceField(
        label="Soort onderwijs",
        required=False,
        choices=[("", "Basis- en voortgezet onderwijs"), *Sector.choices],
        error_messages={"invalid_choice": "Kies een soort onderwijs uit de lijst."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["gemeente"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = gemeenten_met_swv()


@require_GET
def overzicht(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    gemeente, sector = None, None
    if form.is_bound and form.is_valid():
        gemeente, sector = form.cleaned_data["gemeente"], form.cleaned_data["sector"] or None
    lijst = steunpunten_overzicht(gemeente=gemeente, sector=sector) if not form.errors else []
    return render(
        request,
        "steunpunt/openbaar.html",
        {"form": form, "lijst": lijst, "gefilterd": bool(gemeente or sector)},
    )
