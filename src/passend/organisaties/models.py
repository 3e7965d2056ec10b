"""Who is who: gemeenten, samenwerkingsverbanden, schoolbesturen, scholen, vestigingen."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from passend.core.models import TimeStampedModel
from passend.organisaties.rules import (
    BEVOEGD_GEZAG_NUMMER,
    BRIN,
    VESTIGINGSCODE,
    Sector,
    Soort,
    normaliseer_swv_code,
    sector_van_swv_code,
    soort_mag_in_sector,
)


class Gemeente(TimeStampedModel):
    code = models.CharField("gemeentecode (CBS)", max_length=4, unique=True, null=True, blank=True)
    naam = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name_plural = "gemeenten"

    def __str__(self) -> str:
        return self.naam


class Samenwerkingsverband(TimeStampedModel):
    code = models.CharField("code", max_length=6, unique=True, help_text="Bijvoorbeeld PO2401")
    naam = models.CharField(max_length=200)
    sector = models.CharField(max_length=2, choices=Sector.choices)
    werkgebied = models.ManyToManyField(
        Gemeente,
        blank=True,
        related_name="samenwerkingsverbanden",
        help_text="De gemeenten waarvoor dit SWV de woonregio is (per sector één SWV).",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = "samenwerkingsverband"
        verbose_name_plural = "samenwerkingsverbanden"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(sector="PO", code__startswith="PO") | Q(sector="VO", code__startswith="VO")
                ),
                name="swv_code_past_bij_sector",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"

    def clean(self) -> None:
        code = normaliseer_swv_code(self.code or "")
        if code is None:
            raise ValidationError({"code": "Gebruik een code als PO2401 of VO2401."})
        self.code = code
        self.sector = sector_van_swv_code(code)


class Schoolbestuur(TimeStampedModel):
    bevoegd_gezag_nummer = models.CharField(max_length=6, unique=True)
    naam = models.CharField(max_length=200)

    class Meta:
        ordering = ["naam"]
        verbose_name = "schoolbestuur"
        verbose_name_plural = "schoolbesturen"

    def __str__(self) -> str:
        return f"{self.naam} ({self.bevoegd_gezag_nummer})"

    def clean(self) -> None:
        if not BEVOEGD_GEZAG_NUMMER.match(self.bevoegd_gezag_nummer or ""):
            raise ValidationError(
                {"bevoegd_gezag_nummer": "Een bevoegd-gezagnummer is 1 tot 6 cijfers."}
            )


class School(TimeStampedModel):
    """An institution with a BRIN number; its locations are Vestigingen."""

    brin = models.CharField("BRIN", max_length=4, unique=True)
    naam = models.CharField(max_length=200)
    bestuur = models.ForeignKey(
        Schoolbestuur, on_delete=models.PROTECT, null=True, blank=True, related_name="scholen"
    )

    class Meta:
        ordering = ["naam"]
        verbose_name_plural = "scholen"

    def __str__(self) -> str:
        return f"{self.naam} ({self.brin})"

    def clean(self) -> None:
        if not BRIN.match(self.brin or ""):
            raise ValidationError(
                {"brin": "Een BRIN-nummer is 2 cijfers en 2 letters, zoals 12AB."}
            )


class BestuurLidmaatschap(TimeStampedModel):
    """History: which board held a school (bevoegd gezag) when."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="bestuurshistorie")
    bestuur = models.ForeignKey(Schoolbestuur, on_delete=models.PROTECT, related_name="+")
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["school", "van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")), name="bestuur_tot_na_van"
            ),
            models.UniqueConstraint(
                fields=["school"],
                condition=Q(tot__isnull=True),
                name="een_lopend_bestuur_per_school",
            ),
        ]


class Vestiging(TimeStampedModel):
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="vestigingen")
    vestigingscode = models.CharField(max_length=6, unique=True, help_text="BRIN + volgnummer")
    naam = models.CharField(max_length=200)
    soort = models.CharField(max_length=10, choices=Soort.choices)
    onderwijsstructuur = models.CharField(max_length=60, blank=True)
    denominatie = models.CharField(max_length=100, blank=True)
    straat = models.CharField(max_length=200, blank=True)
    huisnummer = models.CharField(max_length=20, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    plaats = models.CharField(max_length=100, blank=True)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="vestigingen"
    )
    provincie = models.CharField(max_length=40, blank=True)
    internetadres = models.CharField(max_length=300, blank=True)
    breedtegraad = models.FloatField(null=True, blank=True)
    lengtegraad = models.FloatField(null=True, blank=True)
    leerlingenaantal = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name_plural = "vestigingen"
        indexes = [
            models.Index(fields=["soort"]),
            models.Index(fields=["postcode"]),
            # The public guide's nearby search pre-filters on a coordinate box.
            models.Index(fields=["breedtegraad", "lengtegraad"], name="vestiging_coordinaten"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(breedtegraad__isnull=True)
                | Q(breedtegraad__gte=-90, breedtegraad__lte=90),
                name="breedtegraad_geldig",
            ),
            models.CheckConstraint(
                condition=Q(lengtegraad__isnull=True)
                | Q(lengtegraad__gte=-180, lengtegraad__lte=180),
                name="lengtegraad_geldig",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.vestigingscode})"

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.plaats}".strip(" ,")

    def clean(self) -> None:
        if not VESTIGINGSCODE.match(self.vestigingscode or ""):
            raise ValidationError(
                {
                    "vestigingscode": "Een vestigingscode is het BRIN-nummer plus 2 cijfers, zoals 12AB00."
                }
            )
        if self.school_id and self.vestigingscode[:4] != self.school.brin:
            raise ValidationError(
                {
                    "vestigingscode": "De vestigingscode begint niet met het BRIN-nummer van de school."
                }
            )


class SwvLidmaatschap(TimeStampedModel):
    """History: to which samenwerkingsverband of its sector a location belonged when."""

    vestiging = models.ForeignKey(
        Vestiging, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    samenwerkingsverband = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.PROTECT, related_name="lidmaatschappen"
    )
    sector = models.CharField(max_length=2, choices=Sector.choices)
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["vestiging", "van"]
        verbose_name = "lidmaatschap van een samenwerkingsverband"
        verbose_name_plural = "lidmaatschappen van samenwerkingsverbanden"
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")), name="swv_tot_na_van"
            ),
            models.UniqueConstraint(
                fields=["vestiging", "sector"],
                condition=Q(tot__isnull=True),
                name="een_lopend_swv_per_sector",
            ),
        ]

    def clean(self) -> None:
        if self.samenwerkingsverband_id and self.vestiging_id:
            self.sector = self.samenwerkingsverband.sector
            if not soort_mag_in_sector(self.vestiging.soort, self.sector):
                raise ValidationError(
                    {
                        "samenwerkingsverband": "Deze vestiging hoort niet bij een samenwerkingsverband van deze sector."
                    }
                )


class Leerlingtelling(TimeStampedModel):
    """DUO's pupil count of a location on a teldatum (1 October), for rates per 1,000
    pupils over the years. ``Vestiging.leerlingenaantal`` holds the latest count; the
    monitor uses the latest telling on or before the end of a period and falls back to it."""

    vestiging = models.ForeignKey(Vestiging, on_delete=models.CASCADE, related_name="tellingen")
    teldatum = models.DateField()
    aantal = models.PositiveIntegerField()

    class Meta:
        ordering = ["vestiging", "teldatum"]
        verbose_name = "leerlingtelling"
        verbose_name_plural = "leerlingtellingen"
        constraints = [
            models.UniqueConstraint(
                fields=["vestiging", "teldatum"], name="een_telling_per_vestiging_per_dag"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vestiging} {self.teldatum:%d-%m-%Y}: {self.aantal}"
