"""Forms of the TLV pages. Every field has a Dutch label and Dutch error messages. The
request form asks only what Passend cannot know: the soort, and optionally a short note."""

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from passend.core.forms import NLDesignForm, nl_design_widgets
from passend.organisaties.models import School
from passend.toelaatbaarheid.models import Deskundige
from passend.toelaatbaarheid.rules import (
    SOORTEN_MET_CATEGORIE,
    Besluit,
    Conclusie,
    Indiener,
    Regeling,
    Soort,
    Uitkomst,
)

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
VINKJE = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
TE_LANG = "De tekst is te lang. Gebruik maximaal %(limit_value)d tekens."
GEEN_DATUM = "Vul een geldige datum in, zoals 2026-09-01."


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


def _binnen_bereik(datum: date | None) -> None:
    if datum is not None and not 2000 <= datum.year <= 2100:
        raise ValidationError("Kies een datum tussen 2000 en 2100.", code="bereik")


def datumveld(label: str, verplicht: str | None, **kwargs: Any) -> forms.DateField:
    meldingen = {"invalid": GEEN_DATUM}
    if verplicht:
        meldingen["required"] = verplicht
    return forms.DateField(
        label=label,
        required=verplicht is not None,
        widget=DATUM,
        error_messages=meldingen,
        validators=[_binnen_bereik],
        **kwargs,
    )


def keuzeveld(
    label: str, keuzes: Iterable[tuple[Any, str]], verplicht: str, **kwargs: Any
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=list(keuzes),
        error_messages={"required": verplicht, "invalid_choice": verplicht},
        **kwargs,
    )


def maandenveld(label: str, verplicht: str | None) -> forms.IntegerField:
    meldingen = {"invalid": "Vul een heel aantal maanden in."}
    if verplicht:
        meldingen["required"] = verplicht
    return forms.IntegerField(
        label=label,
        required=verplicht is not None,
        min_value=0,
        max_value=240,
        error_messages={
            **meldingen,
            "min_value": "Vul 0 of meer maanden in.",
            "max_value": "Vul hoogstens 240 maanden in.",
        },
    )


SOORT_KEUZES = [("", "Kies de soort onderwijs"), *Soort.choices]


class AanvraagForm(NLDesignForm):
    soort = keuzeveld(
        "Voor welke soort onderwijs vraagt u de TLV aan?",
        SOORT_KEUZES,
        "Kies de soort onderwijs: sbo, so, vso of pro.",
    )
    toelichting = tekstveld(
        "Wat wil de school de commissie nog meegeven (kort)?",
        rijen=3,
        max_length=3000,
    )


class VerlengingForm(AanvraagForm):
    pass


class IntrekkenForm(NLDesignForm):
    reden = tekstveld(
        "Waarom trekt de school de aanvraag in?",
        "Schrijf op waarom de school de aanvraag intrekt.",
        rijen=3,
        max_length=3000,
    )


class AntwoordenForm(NLDesignForm):
    """One text field per extra question of the SWV (``vraag_<id>``); a required question
    must be answered here too."""

    def __init__(self, *args: Any, vragen: Iterable[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for regel in vragen:
            vraag = regel["vraag"]
            if not vraag.actief:
                continue
            naam = f"vraag_{vraag.pk}"
            veld = tekstveld(
                regel["tekst"],
                "Beantwoord deze vraag: het samenwerkingsverband heeft het antwoord nodig."
                if regel["verplicht"]
                else None,
                rijen=3,
                max_length=5000,
            )
            veld.help_text = regel["toelichting"]
            if veld.help_text:
                veld.widget.attrs["aria-describedby"] = f"id_{naam}-uitleg"
            veld.initial = regel["antwoord"].antwoord if regel["antwoord"] else ""
            self.fields[naam] = veld
        nl_design_widgets(self)


class CompleetForm(NLDesignForm):
    compleet_op = datumveld("Datum waarop de aanvraag compleet was", "Vul de datum in.")


if TYPE_CHECKING:
    # The stubs make ModelChoiceField generic in its model; Django's own class is not
    # subscriptable at run time.
    _Deskundigeveld = forms.ModelChoiceField[Deskundige]
else:
    _Deskundigeveld = forms.ModelChoiceField


class DeskundigeKeuze(_Deskundigeveld):
    def label_from_instance(self, obj: Deskundige) -> str:
        return f"{obj.naam} ({obj.beroep})"


class AdviesForm(NLDesignForm):
    deskundige = DeskundigeKeuze(
        label="Deskundige",
        queryset=Deskundige.objects.none(),
        empty_label="Kies een deskundige uit de pool",
        error_messages={
            "required": "Kies de deskundige die advies gaf.",
            "invalid_choice": "Kies een deskundige uit de lijst.",
        },
    )
    conclusie = keuzeveld(
        "Conclusie van de deskundige",
        [("", "Kies de conclusie"), *Conclusie.choices],
        "Kies of de deskundige de leerling toelaatbaar vindt.",
    )
    toelichting = tekstveld("Het advies", "Schrijf het advies op.", rijen=5)
    datum = datumveld("Datum van het advies", "Vul de datum van het advies in.")

    def __init__(self, *args: Any, deskundigen: QuerySet[Deskundige], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["deskundige"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = deskundigen


class _Besluitvelden(NLDesignForm):
    """What a decision and a beslissing op bezwaar share; each adds its own date."""

    besluit = keuzeveld(
        "Besluit", [("", "Kies het besluit"), *Besluit.choices], "Kies: toekennen of afwijzen."
    )
    schoolsoort = keuzeveld(
        "Schooltype (bij toekennen)",
        SOORT_KEUZES,
        "Kies het schooltype.",
        required=False,
    )
    bekostigingscategorie = forms.TypedChoiceField(
        label="Bekostigingscategorie (alleen bij so en vso)",
        choices=[],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Kies een categorie uit de lijst."},
    )
    ingangsdatum = datumveld("Ingangsdatum (bij toekennen)", None)
    einddatum = datumveld("Einddatum (bij toekennen)", None)
    motivering = tekstveld(
        "Redenen van het besluit", "Schrijf de redenen van het besluit op.", rijen=6
    )

    def __init__(self, *args: Any, regeling: Regeling, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["bekostigingscategorie"]
        assert isinstance(veld, forms.TypedChoiceField)
        veld.choices = [
            ("", "Geen (sbo en pro)"),
            *((c, regeling.categorie_label(c).capitalize()) for c in (1, 2, 3)),
        ]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("besluit") == Besluit.TOEGEKEND:
            if not gegevens.get("schoolsoort"):
                self.add_error("schoolsoort", "Kies het schooltype.")
            elif (
                gegevens["schoolsoort"] in SOORTEN_MET_CATEGORIE
                and gegevens.get("bekostigingscategorie") is None
            ):
                self.add_error(
                    "bekostigingscategorie",
                    "Kies de bekostigingscategorie: bij so en vso is die verplicht.",
                )
            for veld in ("ingangsdatum", "einddatum"):
                if not gegevens.get(veld) and veld not in self.errors:
                    self.add_error(veld, "Vul deze datum in.")
        ingang, einde = gegevens.get("ingangsdatum"), gegevens.get("einddatum")
        if ingang and einde and einde <= ingang:
            self.add_error("einddatum", "De einddatum moet na de ingangsdatum liggen.")
        return gegevens


class BesluitForm(_Besluitvelden):
    besluit_op = datumveld("Datum van het besluit", "Vul de datum van het besluit in.")


class BeslissingOpBezwaarForm(_Besluitvelden):
    """The new decision after a gegrond bezwaar: the same fields as the decision, with the
    date of the beslissing op bezwaar."""

    besluit = keuzeveld(
        "Nieuwe beslissing",
        [("", "Kies de beslissing"), *Besluit.choices],
        "Kies: toekennen of afwijzen.",
    )
    motivering = tekstveld(
        "Redenen van de beslissing op bezwaar",
        "Schrijf de redenen van de beslissing op.",
        rijen=6,
    )
    beslist_op = datumveld(
        "Datum van de beslissing op bezwaar", "Vul de datum van de beslissing in."
    )


class BezwaarForm(NLDesignForm):
    indiener = keuzeveld(
        "Wie maakt bezwaar",
        [("", "Kies wie bezwaar maakt"), *Indiener.choices],
        "Kies wie bezwaar maakt: de ouders of het schoolbestuur.",
    )
    ingediend_op = datumveld("Datum van het bezwaarschrift", "Vul de datum van het bezwaar in.")
    omschrijving = tekstveld("Waar gaat het bezwaar over", "Schrijf op waar het bezwaar over gaat.")


class AdviesGevraagdForm(NLDesignForm):
    adviesaanvraag_op = datumveld(
        "Datum waarop het advies is gevraagd", "Vul de datum van de adviesaanvraag in."
    )


class AdviesOntvangenForm(NLDesignForm):
    advies_ontvangen_op = datumveld("Datum waarop het advies binnenkwam", "Vul de datum in.")
    advies = tekstveld("Advies van de commissie", "Schrijf het advies van de commissie op.")


class UitkomstForm(NLDesignForm):
    uitkomst = keuzeveld(
        "Uitkomst", [("", "Kies de uitkomst"), *Uitkomst.choices], "Kies de uitkomst."
    )
    uitkomst_op = datumveld("Datum", "Vul de datum van de uitkomst in.")
    toelichting = tekstveld("Toelichting", "Schrijf een korte toelichting.", rijen=3)

    def __init__(self, *args: Any, alleen_intrekken: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if alleen_intrekken:
            veld = self.fields["uitkomst"]
            assert isinstance(veld, forms.ChoiceField)
            veld.choices = [("", "Kies de uitkomst"), (Uitkomst.INGETROKKEN, "Ingetrokken")]


class DeskundigeForm(NLDesignForm):
    naam = regelveld("Naam", "Vul de naam van de deskundige in.")
    beroep = regelveld("Beroep", "Vul het beroep in, bijvoorbeeld orthopedagoog.", max_length=100)
    gebruiker = forms.TypedChoiceField(
        label="Eigen inlog in Passend",
        choices=[],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Kies iemand uit de lijst."},
    )
    school = forms.ModelChoiceField(
        label="Werkt (ook) op deze school",
        queryset=School.objects.none(),
        required=False,
        empty_label="Geen school",
        error_messages={"invalid_choice": "Kies een school uit de lijst."},
    )

    def __init__(
        self,
        *args: Any,
        gebruikers: Iterable[tuple[int, str]] = (),
        scholen: QuerySet[School] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["gebruiker"]
        assert isinstance(veld, forms.TypedChoiceField)
        veld.choices = [("", "Geen eigen inlog"), *gebruikers]
        school = self.fields["school"]
        assert isinstance(school, forms.ModelChoiceField)
        school.queryset = scholen if scholen is not None else School.objects.none()


class DeskundigeWijzigenForm(NLDesignForm):
    naam = regelveld("Naam", "Vul de naam van de deskundige in.")
    beroep = regelveld("Beroep", "Vul het beroep in.", max_length=100)
    school = forms.ModelChoiceField(
        label="Werkt (ook) op deze school",
        queryset=School.objects.none(),
        required=False,
        empty_label="Geen school",
        error_messages={"invalid_choice": "Kies een school uit de lijst."},
    )
    actief = forms.BooleanField(
        label="Actief in de pool", required=False, widget=forms.CheckboxInput(attrs=VINKJE)
    )
    versie = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, scholen: QuerySet[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        school = self.fields["school"]
        assert isinstance(school, forms.ModelChoiceField)
        school.queryset = scholen


class RegelingForm(NLDesignForm):
    tweede_deskundigen = tekstveld(
        "Beroepen van de tweede deskundige (één per regel)",
        "Noem minstens één beroep.",
        rijen=6,
        max_length=2000,
    )
    categorie_1 = regelveld("Naam van categorie 1", "Geef categorie 1 een naam.", max_length=40)
    categorie_2 = regelveld("Naam van categorie 2", "Geef categorie 2 een naam.", max_length=40)
    categorie_3 = regelveld("Naam van categorie 3", "Geef categorie 3 een naam.", max_length=40)
    minimale_duur_maanden = maandenveld(
        "Minimale duur van een TLV (maanden)", "Vul de minimale duur in."
    )
    maximale_duur_maanden = maandenveld("Maximale duur van een TLV (maanden)", None)
    einde_signaal_maanden = maandenveld(
        "TLV's tonen die binnen zoveel maanden aflopen", "Vul het aantal maanden in."
    )
    bezwaar_indienen_bij = tekstveld(
        "Bezwaar indienen bij (naam en adres, staat in de besluitbrief)",
        "Vul in bij wie ouders en scholen bezwaar maken.",
        rijen=3,
        max_length=500,
    )
    bezwaaradviescommissie = regelveld(
        "Bezwaaradviescommissie", "Vul de naam van de commissie in.", max_length=300
    )
    versie = forms.CharField(widget=forms.HiddenInput, required=False)

    @staticmethod
    def initieel(regeling: Regeling, versie: str) -> dict[str, Any]:
        return {
            "tweede_deskundigen": "\n".join(regeling.tweede_deskundigen),
            "categorie_1": regeling.categorie_labels[0],
            "categorie_2": regeling.categorie_labels[1],
            "categorie_3": regeling.categorie_labels[2],
            "minimale_duur_maanden": regeling.minimale_duur_maanden,
            "maximale_duur_maanden": regeling.maximale_duur_maanden,
            "einde_signaal_maanden": regeling.einde_signaal_maanden,
            "bezwaar_indienen_bij": regeling.bezwaar_indienen_bij,
            "bezwaaradviescommissie": regeling.bezwaaradviescommissie,
            "versie": versie,
        }


class VraagForm(NLDesignForm):
    """An extra question of the SWV's request form."""

    tekst = regelveld("Vraag", "Schrijf de vraag op.", max_length=300)
    toelichting = regelveld("Uitleg bij de vraag (niet verplicht)", None, max_length=500)
    verplicht = forms.BooleanField(
        label="De school moet deze vraag beantwoorden",
        required=False,
        widget=forms.CheckboxInput(attrs=VINKJE),
    )


class VraagWijzigenForm(VraagForm):
    versie = forms.CharField(widget=forms.HiddenInput)


class PeriodeForm(NLDesignForm):
    """The period of a report or export (GET)."""

    van = datumveld("Van", "Vul de begindatum in.")
    tot = datumveld("Tot en met", "Vul de einddatum in.")

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if isinstance(van, date) and isinstance(tot, date) and tot < van:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return gegevens
