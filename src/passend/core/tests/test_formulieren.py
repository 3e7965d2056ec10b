"""Forms in NL Design System style: an input with an error is described by that error and
still by its hint (WCAG 1.3.1, 3.3.2), whichever app the form is from."""

from django import forms

from passend.core.forms import NLDesignForm


class Voorbeeld(NLDesignForm):
    met_uitleg = forms.CharField(label="Met uitleg", help_text="Zo vult u het in.")
    zonder_uitleg = forms.CharField(label="Zonder uitleg")
    eigen_uitleg = forms.CharField(
        label="Eigen uitleg",
        help_text="Staat elders op de pagina.",
        widget=forms.TextInput(attrs={"aria-describedby": "elders"}),
    )
    keuzes = forms.MultipleChoiceField(
        label="Keuzes",
        help_text="Kies er een of meer.",
        choices=[("a", "A"), ("b", "B")],
        widget=forms.CheckboxSelectMultiple,
    )


def _beschreven(form: Voorbeeld, naam: str) -> str | None:
    return form[naam].build_widget_attrs({}).get("aria-describedby") or form.fields[
        naam
    ].widget.attrs.get("aria-describedby")


def test_zonder_fout_koppelt_django_de_uitleg():
    form = Voorbeeld()
    assert _beschreven(form, "met_uitleg") == "id_met_uitleg_helptext"
    assert _beschreven(form, "zonder_uitleg") is None
    assert _beschreven(form, "eigen_uitleg") == "elders"


def test_met_een_fout_eerst_de_fout_en_dan_de_uitleg():
    form = Voorbeeld(data={})
    assert not form.is_valid()
    assert _beschreven(form, "met_uitleg") == "id_met_uitleg-fout id_met_uitleg_helptext"
    assert _beschreven(form, "zonder_uitleg") == "id_zonder_uitleg-fout"
    assert _beschreven(form, "eigen_uitleg") == "id_eigen_uitleg-fout elders"
    # A group of checkboxes is described by its fieldset, not per box.
    assert _beschreven(form, "keuzes") == "id_keuzes-fout"
    assert form.fields["met_uitleg"].widget.attrs["aria-invalid"] == "true"


def test_een_later_toegevoegde_fout_herhaalt_niets():
    form = Voorbeeld(data={"met_uitleg": "a", "zonder_uitleg": "b", "eigen_uitleg": "c"})
    assert not form.is_valid()  # keuzes is required
    form.add_error("met_uitleg", "Dit klopt niet.")
    form.add_error("met_uitleg", "Dit ook niet.")
    assert _beschreven(form, "met_uitleg") == "id_met_uitleg-fout id_met_uitleg_helptext"
    assert str(form["met_uitleg"]).count("aria-describedby") == 1
