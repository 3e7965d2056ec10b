"""Forms of the school and the board: a written registration, the extension, the decision."""

import re
from collections.abc import Sequence
from typing import Any

from django import forms

from passend.core.forms import NLDesignForm
from passend.organisaties.models import Vestiging
from passend.zorgplicht.forms.velden import (
    NIEUW,
    TE_LANG,
    VESTIGINGSCODE,
    VINKJE,
    NieuwKindVelden,
    _binnen_redelijke_jaren,
    _datum,
    _keuze,
    _regel,
    _tekst,
)
from passend.zorgplicht.rules import MAX_VERLENGING_WEKEN, Uitkomst


def _vestigingscodes(tekst: str) -> list[str]:
    return [c.strip().upper() for c in re.split(r"[,;\s]+", tekst) if c.strip()]


class PapierForm(NieuwKindVelden):
    """The school records a written registration (paper or e-mail)."""

    kind = _keuze("Kind", [], "Kies het kind, of 'Een nieuw kind'.")
    vestiging = _keuze("Aangemeld bij vestiging", [], "Kies een vestiging van uw school.")
    ontvangen_op = _datum(
        "Datum waarop de school de aanmelding ontving", "Vul de datum van ontvangst in."
    )
    ondersteuning_verwacht = forms.BooleanField(
        label="De ouders verwachten dat extra ondersteuning nodig is",
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )
    toelichting_ondersteuning = _tekst("Waarom extra ondersteuning (wat de ouders schrijven)")
    andere_scholen = _tekst(
        "Andere scholen waar het kind is aangemeld (zoals de ouders ze noemen)",
        rijen=2,
        max_length=2000,
    )
    andere_vestigingscodes = _regel(
        "Vestigingscodes van die scholen, als u ze weet",
        max_length=300,
        help_text="Bijvoorbeeld 12AB00, 34CD01 (gescheiden door komma's).",
    )
    eerste_voorkeur = forms.BooleanField(
        label="Deze school is de school van eerste voorkeur van de ouders (zorgplicht)",
        required=False,
        initial=True,
        widget=forms.CheckboxInput(attrs=VINKJE),
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
        "vestiging",
        "ontvangen_op",
        "ondersteuning_verwacht",
        "toelichting_ondersteuning",
        "andere_scholen",
        "andere_vestigingscodes",
        "eerste_voorkeur",
    ]

    def __init__(
        self,
        *args: Any,
        leerlingen: Sequence[tuple[str, str]] = (),
        vestigingen: Sequence[Vestiging] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._vestigingen = {v.vestigingscode: v for v in vestigingen}
        kind = self.fields["kind"]
        vestiging = self.fields["vestiging"]
        assert isinstance(kind, forms.ChoiceField) and isinstance(vestiging, forms.ChoiceField)
        kind.choices = [(NIEUW, "Een nieuw kind (nog niet in Passend)"), *leerlingen]
        vestiging.choices = [
            *((v.vestigingscode, f"{v.naam} ({v.vestigingscode})") for v in vestigingen)
        ]

    def clean_vestiging(self) -> Vestiging:
        return self._vestigingen[self.cleaned_data["vestiging"]]

    def clean_andere_vestigingscodes(self) -> list[Vestiging]:
        codes = _vestigingscodes(self.cleaned_data.get("andere_vestigingscodes", ""))
        fout = [c for c in codes if not VESTIGINGSCODE.match(c)]
        if fout:
            raise forms.ValidationError(
                f"Dit is geen vestigingscode: {', '.join(fout)}. Een vestigingscode is zoals 12AB00."
            )
        gevonden = {v.vestigingscode: v for v in Vestiging.objects.filter(vestigingscode__in=codes)}
        onbekend = [c for c in codes if c not in gevonden]
        if onbekend:
            raise forms.ValidationError(f"Onbekende vestigingscode: {', '.join(onbekend)}.")
        return list(gevonden.values())

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("kind") == NIEUW:
            self.nieuw_kind_controleren(gegevens)
        _binnen_redelijke_jaren(self, "ontvangen_op")
        _binnen_redelijke_jaren(self, "geboortedatum")
        return gegevens


class VerlengenForm(NLDesignForm):
    weken = forms.TypedChoiceField(
        label="Verlengen met",
        coerce=int,
        choices=[
            ("", "Kies het aantal weken"),
            *(
                (str(w), f"{w} we{'ek' if w == 1 else 'ken'}")
                for w in range(1, MAX_VERLENGING_WEKEN + 1)
            ),
        ],
        error_messages={
            "required": f"Kies met hoeveel weken (1 tot en met {MAX_VERLENGING_WEKEN}).",
            "invalid_choice": f"Verleng met 1, 2, 3 of {MAX_VERLENGING_WEKEN} weken.",
        },
    )
    reden = forms.CharField(
        label="Waarom heeft de school meer tijd nodig? (Dit staat in de brief aan de ouders.)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Schrijf op waarom de school meer tijd nodig heeft.",
            "max_length": TE_LANG,
        },
    )
    verlengd_op = _datum("Datum van de verlenging (de datum van de brief)", "Vul de datum in.")

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        _binnen_redelijke_jaren(self, "verlengd_op")
        return gegevens


class BesluitForm(NLDesignForm):
    # Required for some outcomes only: the label says which, not "niet verplicht".
    ZONDER_VERPLICHT_HINT = frozenset(
        {"toelichting", "ingangsdatum", "geplaatst_bij", "geplaatst_op"}
    )

    uitkomst = _keuze("Besluit", Uitkomst.choices, "Kies een besluit.", rondjes=True)
    uitkomst_op = _datum("Datum van het besluit", "Vul de datum van het besluit in.")
    toelichting = _tekst(
        "Toelichting (staat in de brief aan de ouders; verplicht als de groep vol is)",
        rijen=4,
    )
    ingangsdatum = _datum(
        "Bij toelating: eerste schooldag (de leerling wordt vanaf die dag ingeschreven)"
    )
    opp = _keuze(
        "Bij toelating met extra ondersteuning: het OPP van de leerling",
        [],
        "Kies een OPP uit de lijst.",
        required=False,
    )
    geplaatst_bij = _regel(
        "Bij 'een andere school heeft het kind toegelaten': vestigingscode van die school",
        max_length=6,
        help_text="Bijvoorbeeld 12AB00.",
    )
    geplaatst_op = _datum("Datum waarop die school het kind toeliet")

    def __init__(self, *args: Any, opps: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._opps = {str(o.sleutel): o for o in opps}
        veld = self.fields["opp"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [
            ("", "Geen OPP koppelen"),
            *(
                (
                    str(o.sleutel),
                    f"OPP versie {o.versie} ({o.get_status_display().lower()}), {o.vestiging.naam}",
                )
                for o in opps
            ),
        ]

    def clean_opp(self) -> Any:
        sleutel = self.cleaned_data.get("opp")
        return self._opps.get(sleutel) if sleutel else None

    def clean_geplaatst_bij(self) -> Vestiging | None:
        code = self.cleaned_data.get("geplaatst_bij", "").strip().upper()
        if not code:
            return None
        if not VESTIGINGSCODE.match(code):
            raise forms.ValidationError("Een vestigingscode is zoals 12AB00.")
        vestiging = Vestiging.objects.filter(vestigingscode=code).first()
        if vestiging is None:
            raise forms.ValidationError(f"Er is geen school met vestigingscode {code}.")
        return vestiging

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        for veld in ("uitkomst_op", "ingangsdatum", "geplaatst_op"):
            _binnen_redelijke_jaren(self, veld)
        return gegevens


class LeerlingZoekForm(NLDesignForm):
    ZONDER_VERPLICHT_HINT = frozenset({"zoek"})

    zoek = forms.CharField(
        label="Staat het kind al in Passend? Zoek op naam of postcode",
        required=False,
        max_length=100,
    )
