"""core/_veld.html (the field of most forms): the hint is shown with the id Django links the
input to, a group of radio buttons is a fieldset with a legend described by its error, and
the form's ZONDER_VERPLICHT_HINT leaves "(niet verplicht)" off."""

from typing import Any, ClassVar

from django import forms
from django.template.loader import render_to_string
from django.test.html import Element, parse_html

from passend.core.forms import NLDesignForm


class Formulier(NLDesignForm):
    ZONDER_VERPLICHT_HINT: ClassVar[frozenset[str]] = frozenset({"zoek"})

    naam = forms.CharField(label="Naam", help_text="Zoals in het paspoort.")
    keuze = forms.ChoiceField(
        label="Soort",
        choices=[("a", "Eerste"), ("b", "Tweede")],
        widget=forms.RadioSelect,
        help_text="Kies er één.",
    )
    zoek = forms.CharField(label="Zoeken", required=False)
    opmerking = forms.CharField(label="Opmerking", required=False)
    vinkje = forms.BooleanField(label="Akkoord", required=False, help_text="Lees eerst.")


class Soep:
    """A small query layer over django.test.html's parsed tree (no HTML library needed)."""

    def __init__(self, html: str) -> None:
        self.elementen: list[Element] = []
        self._loop(parse_html(html))

    def _loop(self, knoop: Any) -> None:
        if isinstance(knoop, Element):
            if knoop.name:
                self.elementen.append(knoop)
            for kind in knoop.children:
                self._loop(kind)

    def alle(self, naam: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elementen
            if e.name == naam and all(dict(e.attributes).get(k) == v for k, v in attrs.items())
        ]

    def een(self, naam: str, **attrs: str) -> Element:
        (element,) = self.alle(naam, **attrs)
        return element

    def met_id(self, id_: str) -> Element | None:
        gevonden = [e for e in self.elementen if dict(e.attributes).get("id") == id_]
        return gevonden[0] if gevonden else None


def attr(element: Element, naam: str) -> str:
    return str(dict(element.attributes).get(naam, ""))


def tekst(element: Element | None) -> str:
    assert element is not None

    def _tekst(knoop: Any) -> str:
        if isinstance(knoop, str):
            return knoop
        return " ".join(_tekst(k) for k in knoop.children)

    return " ".join(_tekst(element).split())


def _html(form: Any, sjabloon: str = "core/_formulier.html") -> Soep:
    if sjabloon == "core/_formulier.html":
        return Soep(form.render())
    return Soep("".join(render_to_string(sjabloon, {"veld": veld}) for veld in form))


def test_hint_staat_er_met_het_id_waar_het_invoerveld_naar_verwijst() -> None:
    soep = _html(Formulier())
    invoer = soep.een("input", name="naam")
    hint = soep.met_id(attr(invoer, "aria-describedby"))
    assert tekst(hint) == "Zoals in het paspoort."
    assert hint is not None and "utrecht-form-field-description" in attr(hint, "class")


def test_hint_blijft_gekoppeld_naast_de_fout() -> None:
    soep = _html(Formulier(data={"keuze": "a"}))
    ids = attr(soep.een("input", name="naam"), "aria-describedby").split()
    assert ids == ["id_naam-fout", "id_naam_helptext"]
    for i in ids:
        assert soep.met_id(i) is not None


def test_keuzerondjes_staan_in_een_fieldset_met_legend_en_fout() -> None:
    soep = _html(Formulier(data={"naam": "Test", "keuze": "x"}))
    (groep,) = soep.alle("fieldset")
    binnen = Soep(str(groep))
    assert tekst(binnen.een("legend")) == "Soort"
    assert not soep.alle("label", **{"for": ""})
    assert [attr(i, "value") for i in binnen.alle("input", type="radio")] == ["a", "b"]
    assert attr(groep, "aria-describedby").split() == ["id_keuze-fout", "id_keuze_helptext"]
    assert "Selecteer een geldige keuze" in tekst(binnen.met_id("id_keuze-fout"))
    assert tekst(binnen.met_id("id_keuze_helptext")) == "Kies er één."


def test_zonder_verplicht_hint_wordt_gevolgd() -> None:
    soep = _html(Formulier())
    labels = {attr(label, "for"): tekst(label) for label in soep.alle("label")}
    assert labels["id_zoek"] == "Zoeken"
    assert labels["id_opmerking"] == "Opmerking (niet verplicht)"
    assert labels["id_naam"] == "Naam"


def test_een_los_vinkje_toont_zijn_hint() -> None:
    soep = _html(Formulier(), "core/_veld_keuze.html")
    vinkje = soep.een("input", name="vinkje")
    assert tekst(soep.met_id(attr(vinkje, "aria-describedby"))) == "Lees eerst."
