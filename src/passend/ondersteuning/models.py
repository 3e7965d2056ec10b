"""The ontwikkelingsperspectief (OPP): structured, versioned, frozen once vastgesteld."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from passend.core.models import TimeStampedModel
from passend.ondersteuning.rules import (
    Besluit,
    Einde,
    FactorSoort,
    Hoorwijze,
    Status,
    Uitstroombestemming,
    Wijze,
)


class Ontwikkelingsperspectief(TimeStampedModel):
    """One version of a pupil's OPP. Versions of the same plan share ``reeks``."""

    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reeks = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    versie = models.PositiveIntegerField(default=1)
    vorige_versie = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="volgende_versie"
    )
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="ontwikkelingsperspectieven"
    )
    vestiging = models.ForeignKey(
        "organisaties.Vestiging",
        on_delete=models.PROTECT,
        related_name="ontwikkelingsperspectieven",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    ondersteuningsgebied = models.ForeignKey(
        "aanbod.Ondersteuningsgebied",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="waar de ondersteuning vooral over gaat",
        help_text="Het ondersteuningsgebied van de hulpvraag; de regionale monitor telt hiermee "
        "de vraag per gebied (dekkend netwerk).",
    )
    start_extra_ondersteuning = models.DateField(
        help_text="Begin van de extra ondersteuning; het OPP is binnen 6 weken vastgesteld."
    )
    uitstroombestemming = models.CharField(
        max_length=30, choices=Uitstroombestemming.choices, blank=True
    )
    uitstroomperspectief = models.TextField("toelichting op het uitstroomperspectief", blank=True)
    onderbouwing = models.TextField(blank=True)
    zienswijze_ouders = models.TextField("de kijk van de ouders", blank=True)
    leerling_handelingsbekwaam = models.BooleanField(
        "leerling (18+) is handelingsbekwaam", default=True
    )
    vastgesteld_op = models.DateField(null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    volgende_evaluatie = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    reden_einde = models.CharField(max_length=30, choices=Einde.choices, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["leerling", "reeks", "-versie"]
        verbose_name = "ontwikkelingsperspectief"
        verbose_name_plural = "ontwikkelingsperspectieven"
        constraints = [
            models.UniqueConstraint(fields=["reeks", "versie"], name="opp_versie_uniek"),
            models.UniqueConstraint(
                fields=["reeks"],
                condition=Q(status=Status.CONCEPT),
                name="opp_een_concept_per_reeks",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[Status.CONCEPT, Status.BEEINDIGD])
                | Q(vastgesteld_op__isnull=False),
                name="opp_vastgesteld_heeft_datum",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(einddatum__gte=F("start_extra_ondersteuning")),
                name="opp_einde_na_start",
            ),
        ]

    def __str__(self) -> str:
        return f"OPP van {self.leerling} (versie {self.versie})"

    @property
    def is_bevroren(self) -> bool:
        return self.status != Status.CONCEPT


class Factor(TimeStampedModel):
    opp = models.ForeignKey(
        Ontwikkelingsperspectief, on_delete=models.CASCADE, related_name="factoren"
    )
    soort = models.CharField(max_length=20, choices=FactorSoort.choices)
    omschrijving = models.TextField()

    class Meta:
        ordering = ["opp", "soort", "id"]
        verbose_name_plural = "factoren"

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.omschrijving[:40]}"


class Doel(TimeStampedModel):
    """One goal of the handelingsdeel: what, by whom, how often, from–until, how evaluated."""

    opp = models.ForeignKey(
        Ontwikkelingsperspectief, on_delete=models.CASCADE, related_name="doelen"
    )
    doel = models.TextField()
    aanpak = models.TextField("interventie / aanpak")
    door_wie = models.CharField(max_length=200)
    frequentie = models.CharField("hoe vaak", max_length=200)
    van = models.DateField()
    tot = models.DateField()
    evaluatiewijze = models.CharField("hoe geëvalueerd", max_length=300)
    afwijking_programma = models.TextField("afwijking van het reguliere programma", blank=True)

    class Meta:
        ordering = ["opp", "van", "id"]
        verbose_name_plural = "doelen"
        constraints = [
            models.CheckConstraint(condition=Q(tot__gte=F("van")), name="doel_tot_na_van")
        ]

    def __str__(self) -> str:
        return self.doel[:60]


class Overleg(TimeStampedModel):
    """Op overeenstemming gericht overleg with the parents about the whole OPP."""

    opp = models.ForeignKey(
        Ontwikkelingsperspectief, on_delete=models.CASCADE, related_name="overleggen"
    )
    datum = models.DateField()
    deelnemers = models.CharField(max_length=500)
    samenvatting = models.TextField()

    class Meta:
        ordering = ["opp", "datum", "id"]
        verbose_name_plural = "overleggen"

    def __str__(self) -> str:
        return f"Overleg {self.datum}"


class Instemming(TimeStampedModel):
    """A decision on the handelingsdeel of one version. Never edited; a new decision is a
    new row (the latest counts)."""

    opp = models.ForeignKey(
        Ontwikkelingsperspectief, on_delete=models.PROTECT, related_name="instemmingen"
    )
    besluit = models.CharField(max_length=20, choices=Besluit.choices)
    wijze = models.CharField(max_length=20, choices=Wijze.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De ouder (of meerderjarige leerling) die besliste.",
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    datum = models.DateField()
    toelichting = models.TextField(blank=True)
    tijdstip = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["opp", "tijdstip", "id"]
        verbose_name_plural = "instemmingen"

    def __str__(self) -> str:
        return f"{self.get_besluit_display()} ({self.datum})"


class Leerlingstem(TimeStampedModel):
    """Hoorrecht: the pupil's view, how it was gathered, and what the school did with it."""

    opp = models.ForeignKey(
        Ontwikkelingsperspectief, on_delete=models.CASCADE, related_name="leerlingstemmen"
    )
    wat_gaat_goed = models.TextField("wat gaat goed", blank=True)
    wat_is_moeilijk = models.TextField("wat is moeilijk", blank=True)
    wat_wil_ik = models.TextField("wat wil ik / wat helpt mij", blank=True)
    hoorwijze = models.CharField(max_length=20, choices=Hoorwijze.choices)
    toelichting_hoorwijze = models.CharField(max_length=300, blank=True)
    datum = models.DateField()
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reactie_school = models.TextField("wat de school met de mening doet", blank=True)
    reactie_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reactie_op = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["opp", "datum", "id"]
        verbose_name_plural = "leerlingstemmen"

    def __str__(self) -> str:
        return f"Mening van de leerling ({self.datum})"


class Evaluatie(TimeStampedModel):
    opp = models.ForeignKey(
        Ontwikkelingsperspectief, on_delete=models.PROTECT, related_name="evaluaties"
    )
    datum = models.DateField()
    deelnemers = models.CharField(max_length=500)
    ouders_aanwezig = models.BooleanField(default=False)
    leerling_gehoord = models.BooleanField(default=False)
    conclusie = models.TextField()
    terugkeer_regulier_besproken = models.BooleanField(
        "terugkeer naar regulier onderwijs besproken ((v)so)", default=False
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["opp", "datum", "id"]
        verbose_name_plural = "evaluaties"

    def __str__(self) -> str:
        return f"Evaluatie {self.datum}"
