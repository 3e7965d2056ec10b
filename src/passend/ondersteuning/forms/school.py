"""Forms of the school's OPP pages (intern begeleider / ondersteuningscoördinator,
schoolleider). Every field has a Dutch label and Dutch error messages."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone

from passend.aanbod.models import Ondersteuningsgebied
from passend.core.forms import NLDesignForm
from passend.ondersteuning.rules import (
    Besluit,
    Einde,
    FactorSoort,
    Hoorwijze,
    Uitstroombestemming,
)

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
VINKJE = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
TE_LANG = "De tekst is te lang. Gebruik maximaal %(limit_value)d tekens."
GEEN_DATUM = "Vul een geldige datum in, zoals 2026-09-01."


def _tekst(
    label: str, verplicht: str | None = None, *, rijen: int = 4, max_length: int = 5000
) -> forms.CharField:
    """An open text field; ``verplicht`` is the message when it is left empty (None: optional)."""
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


def _regel(label: str, verplicht: str, *, max_length: int) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages={"required": verplicht, "max_length": TE_LANG},
    )


def _datum(label: str, verplicht: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DATUM,
        error_messages={"required": verplicht, "invalid": GEEN_DATUM},
        **kwargs,
    )


def _keuze(label: str, keuzes: Any, verplicht: str, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=keuzes,
        error_messages={"required": verplicht, "invalid_choice": verplicht},
        **kwargs,
    )


def _niet_in_de_toekomst(form: forms.Form, veld: str, melding: str) -> None:
    datum = form.cleaned_data.get(veld)
    if datum is not None and datum > timezone.localdate():
        form.add_error(veld, melding)


class StartenForm(NLDesignForm):
    start_extra_ondersteuning = _datum(
        "Startdatum van de extra ondersteuning",
        "Vul de startdatum van de extra ondersteuning in.",
    )


class OppForm(NLDesignForm):
    """The draft's own fields, with the version token for optimistic locking."""

    uitstroombestemming = _keuze(
        "Verwachte uitstroombestemming",
        [("", "Nog niet gekozen"), *Uitstroombestemming.choices],
        "Kies een uitstroombestemming uit de lijst.",
        required=False,
    )
    uitstroomperspectief = _tekst("Toelichting op het uitstroomperspectief", rijen=4)
    onderbouwing = _tekst("Onderbouwing van het uitstroomperspectief", rijen=6)
    ondersteuningsgebied = forms.ModelChoiceField(
        label="Waar gaat de ondersteuning vooral over?",
        queryset=Ondersteuningsgebied.objects.none(),  # set in __init__
        required=False,
        empty_label="Nog niet gekozen",
        help_text=(
            "Kies het gebied waar de extra hulp het meest over gaat, bijvoorbeeld lezen of "
            "gedrag. Gaat de hulp over meer dingen? Kies dan het belangrijkste. Het "
            "samenwerkingsverband telt hiermee hoeveel hulp er per gebied nodig is."
        ),
        error_messages={"invalid_choice": "Kies een gebied uit de lijst."},
    )
    start_extra_ondersteuning = _datum(
        "Startdatum van de extra ondersteuning",
        "Vul de startdatum van de extra ondersteuning in.",
    )
    leerling_handelingsbekwaam = forms.BooleanField(
        label="Als de leerling 18 jaar of ouder is: de leerling is handelingsbekwaam en beslist zelf over het handelingsdeel",
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )
    versie = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, gebied_nu: int | None = None, **kwargs: Any) -> None:
        """``gebied_nu``: the draft's current area (by id), kept as a choice even when it is
        no longer active, so that saving the other fields never fails on it."""
        super().__init__(*args, **kwargs)
        veld = self.fields["ondersteuningsgebied"]
        assert isinstance(veld, forms.ModelChoiceField)
        keuzes = Q(actief=True) if gebied_nu is None else Q(actief=True) | Q(pk=gebied_nu)
        veld.queryset = Ondersteuningsgebied.objects.filter(keuzes).order_by("volgorde", "naam")


class FactorForm(NLDesignForm):
    soort = _keuze(
        "Soort factor",
        [("", "Kies belemmerend of bevorderend"), *FactorSoort.choices],
        "Kies of de factor belemmerend of bevorderend is.",
    )
    omschrijving = _tekst("Omschrijving", "Beschrijf de factor.", rijen=3, max_length=3000)


class DoelForm(NLDesignForm):
    doel = _tekst("Doel", "Beschrijf het doel.", rijen=2, max_length=3000)
    aanpak = _tekst("Aanpak (interventie)", "Beschrijf de aanpak.", rijen=3, max_length=3000)
    door_wie = _regel("Door wie", "Vul in wie de aanpak uitvoert.", max_length=200)
    frequentie = _regel(
        "Hoe vaak", "Vul in hoe vaak, bijvoorbeeld 2 keer per week.", max_length=200
    )
    van = _datum("Van", "Vul de begindatum in.")
    tot = _datum("Tot en met", "Vul de einddatum in.")
    evaluatiewijze = _regel(
        "Hoe wordt het geëvalueerd", "Vul in hoe het doel wordt geëvalueerd.", max_length=300
    )
    afwijking_programma = _tekst("Afwijking van het reguliere programma", rijen=2, max_length=3000)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return gegevens


class OverlegForm(NLDesignForm):
    datum = _datum("Datum van het overleg", "Vul de datum van het overleg in.")
    deelnemers = _regel("Wie waren erbij", "Vul in wie er bij het overleg waren.", max_length=500)
    samenvatting = _tekst(
        "Samenvatting", "Schrijf een korte samenvatting van het overleg.", rijen=4
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        _niet_in_de_toekomst(self, "datum", "Het overleg kan niet in de toekomst liggen.")
        return gegevens


class InstemmingPapierForm(NLDesignForm):
    """A decision a parent with gezag (or the adult pupil) gave on paper."""

    door = _keuze("Wie besliste", [], "Kies wie het besluit nam.")
    besluit = _keuze(
        "Besluit",
        [("", "Kies het besluit"), *Besluit.choices],
        "Kies of er is ingestemd of niet.",
    )
    datum = _datum("Datum van het besluit (op papier)", "Vul de datum van het besluit in.")
    toelichting = _tekst("Toelichting", rijen=3)

    def __init__(
        self, *args: Any, beslissers: Sequence[tuple[Any, str]] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._beslissers = {str(gebruiker.pk): gebruiker for gebruiker, _label in beslissers}
        door = self.fields["door"]
        assert isinstance(door, forms.ChoiceField)
        door.choices = [
            ("", "Kies een ouder of de leerling"),
            *((str(gebruiker.pk), label) for gebruiker, label in beslissers),
        ]

    def clean_door(self) -> Any:
        return self._beslissers[self.cleaned_data["door"]]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        _niet_in_de_toekomst(
            self, "datum", "De datum van het besluit kan niet in de toekomst liggen."
        )
        if (
            gegevens.get("besluit") == Besluit.GEWEIGERD
            and not gegevens.get("toelichting", "").strip()
        ):
            self.add_error("toelichting", "Schrijf kort op waarom er niet is ingestemd.")
        return gegevens


class MeningSamenForm(NLDesignForm):
    """Hoorrecht: the school writes down the pupil's view, gathered with the pupil."""

    hoorwijze = _keuze(
        "Hoe is de mening opgehaald",
        [("", "Kies hoe"), *((w.value, w.label) for w in Hoorwijze if w != Hoorwijze.ZELF)],
        "Kies hoe de mening van de leerling is opgehaald.",
    )
    toelichting_hoorwijze = forms.CharField(
        label="Toelichting op hoe de mening is opgehaald",
        required=False,
        max_length=300,
        error_messages={"max_length": TE_LANG},
    )
    wat_gaat_goed = _tekst("Wat gaat goed?", rijen=3, max_length=3000)
    wat_is_moeilijk = _tekst("Wat is moeilijk?", rijen=3, max_length=3000)
    wat_wil_ik = _tekst("Wat wil de leerling? Wat helpt?", rijen=3, max_length=3000)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        vragen = ("wat_gaat_goed", "wat_is_moeilijk", "wat_wil_ik")
        if not self.errors and not any(gegevens.get(v, "").strip() for v in vragen):
            self.add_error("wat_gaat_goed", "Vul minstens één van de drie vragen in.")
        if (
            gegevens.get("hoorwijze") == Hoorwijze.ANDERS
            and not gegevens.get("toelichting_hoorwijze", "").strip()
        ):
            self.add_error("toelichting_hoorwijze", "Beschrijf hoe de mening is opgehaald.")
        return gegevens


class ReactieForm(NLDesignForm):
    reactie_school = _tekst(
        "Wat doet de school met deze mening?",
        "Schrijf op wat de school met de mening van de leerling doet.",
        rijen=3,
    )


class EvaluatieForm(NLDesignForm):
    datum = _datum("Datum van de evaluatie", "Vul de datum van de evaluatie in.")
    deelnemers = _regel("Wie waren erbij", "Vul in wie er bij de evaluatie waren.", max_length=500)
    ouders_aanwezig = forms.BooleanField(
        label="De ouders waren erbij", required=False, widget=forms.CheckboxInput(attrs=VINKJE)
    )
    leerling_gehoord = forms.BooleanField(
        label="De leerling is gehoord", required=False, widget=forms.CheckboxInput(attrs=VINKJE)
    )
    conclusie = _tekst("Conclusie", "Schrijf de conclusie van de evaluatie op.", rijen=5)
    terugkeer_regulier_besproken = forms.BooleanField(
        label="Besproken of de leerling terug kan naar het regulier onderwijs",
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )

    def __init__(self, *args: Any, speciaal_onderwijs: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not speciaal_onderwijs:
            del self.fields["terugkeer_regulier_besproken"]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        _niet_in_de_toekomst(self, "datum", "De evaluatie kan niet in de toekomst liggen.")
        return gegevens


class BeeindigenForm(NLDesignForm):
    einddatum = _datum("Einddatum van de extra ondersteuning", "Vul de einddatum in.")
    reden = _keuze(
        "Reden van beëindigen",
        [("", "Kies een reden"), *Einde.choices],
        "Kies een reden.",
    )

    def __init__(self, *args: Any, start: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._start = start

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        einddatum = gegevens.get("einddatum")
        if einddatum and self._start and einddatum < self._start:
            self.add_error(
                "einddatum",
                f"De einddatum ligt vóór de start van de extra ondersteuning "
                f"({self._start:%d-%m-%Y}).",
            )
        return gegevens
