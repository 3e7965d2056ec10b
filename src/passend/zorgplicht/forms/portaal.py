"""The portal form: a parent registers their child (plain language, B1)."""

from collections.abc import Sequence
from typing import Any

from django import forms

from passend.core.forms import NLDesignForm
from passend.organisaties.models import Vestiging
from passend.zorgplicht.forms.velden import (
    JA_NEE,
    NIEUW,
    NieuwKindVelden,
    _binnen_redelijke_jaren,
    _keuze,
    _tekst,
)


class OuderAanmeldForm(NieuwKindVelden):
    """The portal: a parent registers their child (plain language)."""

    kind = _keuze("Welk kind meldt u aan?", [], "Kies welk kind u aanmeldt.", rondjes=True)
    school = _keuze("Bij welke school meldt u uw kind aan?", [], "Kies een school uit de lijst.")
    ondersteuning_verwacht = _keuze(
        "Denkt u dat uw kind extra hulp nodig heeft op school?",
        JA_NEE,
        "Kies ja of nee.",
        rondjes=True,
    )
    toelichting_ondersteuning = _tekst("Waarom denkt u dat? Wat heeft uw kind nodig?", rijen=4)
    andere_scholen = _tekst(
        "Heeft u uw kind ook bij een andere school aangemeld? Schrijf dan hier welke school.",
        rijen=2,
        max_length=2000,
    )
    eerste_voorkeur = _keuze(
        "Is dit de school waar u het liefst wilt dat uw kind naartoe gaat?",
        JA_NEE,
        "Kies ja of nee.",
        rondjes=True,
    )

    field_order = [
        "kind",
        "voornamen",
        "roepnaam",
        "tussenvoegsel",
        "achternaam",
        "geboortedatum",
        "postcode",
        "woongemeente",
        "school",
        "ondersteuning_verwacht",
        "toelichting_ondersteuning",
        "andere_scholen",
        "eerste_voorkeur",
    ]

    def __init__(
        self,
        *args: Any,
        kinderen: Sequence[tuple[str, str]] = (),
        scholen: Sequence[Vestiging] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._scholen = {v.vestigingscode: v for v in scholen}
        kind = self.fields["kind"]
        school = self.fields["school"]
        assert isinstance(kind, forms.ChoiceField) and isinstance(school, forms.ChoiceField)
        kind.choices = [*kinderen, (NIEUW, "Een ander kind (nog niet bekend bij een school)")]
        school.choices = [
            ("", "Kies een school"),
            *((v.vestigingscode, f"{v.naam} – {v.plaats or 'plaats onbekend'}") for v in scholen),
        ]

    def clean_school(self) -> Vestiging:
        return self._scholen[self.cleaned_data["school"]]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("kind") == NIEUW:
            self.nieuw_kind_controleren(gegevens)
        if (
            gegevens.get("ondersteuning_verwacht") == "ja"
            and not gegevens.get("toelichting_ondersteuning", "").strip()
        ):
            self.add_error(
                "toelichting_ondersteuning",
                "Schrijf kort op waarom uw kind extra hulp nodig heeft.",
            )
        _binnen_redelijke_jaren(self, "geboortedatum")
        return gegevens


class SchoolZoekForm(NLDesignForm):
    zoek = forms.CharField(
        label="Zoek een school op naam of plaats", required=False, max_length=100
    )
