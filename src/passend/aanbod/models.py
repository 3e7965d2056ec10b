"""The support offer of school locations (DOMAIN.md 2.7), their waiting lists, the
schoolgids text written from the offer, and the region's sociale kaart.

None of these tables holds pupil data: an offer describes a location, a waiting list
counts, the sociale kaart lists organisations. The public guide reads only published
offers, through ``selectors.catalogus``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from passend.aanbod.rules import Faciliteit, Status, schooljaar_geldig
from passend.core.models import TimeStampedModel


class Ondersteuningsgebied(TimeStampedModel):
    """An area of support (lezen/spellen en dyslexie, gedrag, ...). The three areas of the
    coming landelijke norm basisondersteuning are always there; others are data."""

    code = models.SlugField(max_length=40, unique=True)
    naam = models.CharField(max_length=100, unique=True)
    uitleg = models.TextField(
        blank=True, help_text="In gewone woorden voor ouders: waar gaat dit gebied over?"
    )
    landelijke_norm = models.BooleanField(
        default=False, help_text="Een van de gebieden van de landelijke norm basisondersteuning."
    )
    volgorde = models.PositiveSmallIntegerField(default=100)
    actief = models.BooleanField(default=True)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = "ondersteuningsgebied"
        verbose_name_plural = "ondersteuningsgebieden"

    def __str__(self) -> str:
        return self.naam


class Aanbod(TimeStampedModel):
    """One version of a location's support offer for one school year.

    At most one concept and one published version exist per location and school year;
    publishing a concept replaces the published one. ``openbaar`` marks the single version
    per location that the public guide shows (the newest published school year)."""

    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, related_name="aanbod_versies"
    )
    schooljaar = models.CharField(max_length=9, help_text="Bijvoorbeeld 2026-2027")
    versie = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    openbaar = models.BooleanField(default=False, editable=False)
    toelichting = models.TextField(
        blank=True, help_text="Een korte inleiding: hoe werkt de school aan ondersteuning?"
    )
    contact = models.CharField(
        max_length=300,
        blank=True,
        help_text="Bij wie kunnen ouders terecht met vragen over ondersteuning?",
    )
    #: Optimistic lock for edits of a concept: a stale form is refused, never overwrites.
    revisie = models.PositiveIntegerField(default=1)
    bewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    gepubliceerd_op = models.DateTimeField(null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["vestiging", "-schooljaar", "-versie"]
        verbose_name = "aanbod"
        verbose_name_plural = "aanbod"
        constraints = [
            models.UniqueConstraint(
                fields=["vestiging", "schooljaar", "versie"], name="aanbod_versie_uniek"
            ),
            models.UniqueConstraint(
                fields=["vestiging", "schooljaar"],
                condition=Q(status=Status.CONCEPT),
                name="aanbod_een_concept_per_jaar",
            ),
            models.UniqueConstraint(
                fields=["vestiging", "schooljaar"],
                condition=Q(status=Status.GEPUBLICEERD),
                name="aanbod_een_publicatie_per_jaar",
            ),
            models.UniqueConstraint(
                fields=["vestiging"], condition=Q(openbaar=True), name="aanbod_een_openbare_versie"
            ),
            models.CheckConstraint(
                condition=Q(openbaar=False) | Q(status=Status.GEPUBLICEERD),
                name="aanbod_openbaar_is_gepubliceerd",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.GEPUBLICEERD) | Q(gepubliceerd_op__isnull=False),
                name="aanbod_publicatie_gedateerd",
            ),
        ]
        indexes = [models.Index(fields=["openbaar", "vestiging"])]

    def __str__(self) -> str:
        return f"Aanbod {self.vestiging_id} {self.schooljaar} v{self.versie} ({self.status})"

    def clean(self) -> None:
        if not schooljaar_geldig(self.schooljaar):
            raise ValidationError({"schooljaar": "Schrijf het schooljaar als 2026-2027."})


class Gebiedsaanbod(TimeStampedModel):
    """What one offer version says about one area."""

    aanbod = models.ForeignKey(Aanbod, on_delete=models.CASCADE, related_name="gebieden")
    gebied = models.ForeignKey(Ondersteuningsgebied, on_delete=models.PROTECT, related_name="+")
    basisondersteuning = models.TextField(
        blank=True, help_text="Wat krijgt elk kind op deze school?"
    )
    extra_ondersteuning = models.TextField(
        blank=True, help_text="Wat kan de school extra bieden, samen met het samenwerkingsverband?"
    )
    expertise = models.TextField(blank=True, help_text="Welke deskundigheid is op school?")
    #: Codes from ``rules.Faciliteit`` (a list; checked in ``clean``).
    faciliteiten = models.JSONField(default=list, blank=True)
    capaciteit = models.PositiveIntegerField(
        null=True, blank=True, help_text="Aantal plaatsen (voor sbo, so en vso)."
    )

    class Meta:
        ordering = ["aanbod", "gebied__volgorde", "gebied__naam"]
        verbose_name = "aanbod per gebied"
        verbose_name_plural = "aanbod per gebied"
        constraints = [
            models.UniqueConstraint(fields=["aanbod", "gebied"], name="gebiedsaanbod_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.aanbod_id}: {self.gebied_id}"

    def clean(self) -> None:
        bekend = set(Faciliteit.values)
        if not isinstance(self.faciliteiten, list) or not set(self.faciliteiten) <= bekend:
            raise ValidationError({"faciliteiten": "Kies faciliteiten uit de lijst."})

    @property
    def faciliteiten_labels(self) -> list[str]:
        labels = dict(Faciliteit.choices)
        return [str(labels[code]) for code in self.faciliteiten if code in labels]


class Wachtlijststand(TimeStampedModel):
    """The waiting list of an sbo/so/vso location on a date (motion 31497-377): history is
    kept, every figure with its date. ``gebied`` empty means the whole location."""

    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, related_name="wachtlijststanden"
    )
    gebied = models.ForeignKey(
        Ondersteuningsgebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    peildatum = models.DateField()
    aantal_wachtend = models.PositiveIntegerField()
    verwachte_wachttijd_weken = models.PositiveSmallIntegerField(null=True, blank=True)
    capaciteit = models.PositiveIntegerField(null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["vestiging", "peildatum"]
        verbose_name = "wachtlijststand"
        verbose_name_plural = "wachtlijststanden"
        constraints = [
            models.UniqueConstraint(
                fields=["vestiging", "gebied", "peildatum"],
                condition=Q(gebied__isnull=False),
                name="wachtlijst_een_stand_per_gebied_per_dag",
            ),
            models.UniqueConstraint(
                fields=["vestiging", "peildatum"],
                condition=Q(gebied__isnull=True),
                name="wachtlijst_een_stand_per_dag",
            ),
        ]
        indexes = [models.Index(fields=["peildatum"])]

    def __str__(self) -> str:
        return f"Wachtlijst {self.vestiging_id} {self.peildatum}: {self.aantal_wachtend}"


class Schoolgidstekst(TimeStampedModel):
    """The support section of a location's schoolgids for one school year: written by
    Passend from the offer, then editable (one version per school year)."""

    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, related_name="schoolgidsteksten"
    )
    schooljaar = models.CharField(max_length=9)
    tekst = models.TextField()
    #: The offer version and its revision the text was written from.
    bron = models.ForeignKey(Aanbod, on_delete=models.SET_NULL, null=True, related_name="+")
    bron_revisie = models.PositiveIntegerField(null=True, blank=True)
    met_de_hand_aangepast = models.BooleanField(default=False)
    revisie = models.PositiveIntegerField(default=1)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["vestiging", "-schooljaar"]
        verbose_name = "schoolgidstekst"
        verbose_name_plural = "schoolgidsteksten"
        constraints = [
            models.UniqueConstraint(
                fields=["vestiging", "schooljaar"], name="schoolgidstekst_een_per_jaar"
            )
        ]

    def __str__(self) -> str:
        return f"Schoolgidstekst {self.vestiging_id} {self.schooljaar}"


class Voorzieningsoort(models.TextChoices):
    STEUNPUNT = "steunpunt", "Ouder- en jeugdsteunpunt"
    JEUGDHULP = "jeugdhulp", "Jeugdhulp"
    WIJKTEAM = "wijkteam", "Wijkteam of centrum voor jeugd en gezin"
    ZORG = "zorg", "Zorg en therapie"
    ONDERWIJS = "onderwijs", "Onderwijsondersteuning en expertise"
    GEMEENTE = "gemeente", "Gemeente en leerplicht"
    OVERIG = "overig", "Overig"


class Voorziening(TimeStampedModel):
    """An entry of the region's sociale kaart: who, what, for whom, how to reach them.
    Maintained by the samenwerkingsverband; public."""

    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="voorzieningen"
    )
    soort = models.CharField(max_length=20, choices=Voorzieningsoort.choices)
    naam = models.CharField(max_length=200)
    wat = models.TextField(help_text="Wat doet deze organisatie?")
    voor_wie = models.TextField(help_text="Voor wie is het?")
    telefoon = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    adres = models.CharField(max_length=300, blank=True)
    openingstijden = models.CharField(max_length=300, blank=True)
    gemeenten = models.ManyToManyField(
        "organisaties.Gemeente",
        blank=True,
        related_name="+",
        help_text="Leeg: voor het hele gebied van het samenwerkingsverband.",
    )
    gebieden = models.ManyToManyField(Ondersteuningsgebied, blank=True, related_name="+")
    actief = models.BooleanField(default=True)
    revisie = models.PositiveIntegerField(default=1)
    bewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["samenwerkingsverband", "soort", "naam"]
        verbose_name = "voorziening"
        verbose_name_plural = "voorzieningen (sociale kaart)"
        constraints = [
            models.CheckConstraint(
                condition=~Q(telefoon="", email="", website="", adres=""),
                name="voorziening_bereikbaar",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        if not any((self.telefoon, self.email, self.website, self.adres)):
            raise ValidationError(
                "Geef ten minste één manier om contact op te nemen: telefoon, e-mail, website of adres."
            )
