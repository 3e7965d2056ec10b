"""An SWV's money and governance: yearly budgets with their posts and reserves, and the
ondersteuningsplan and multi-year budget with their versions, the OPR's consent and the
OOGO with the municipalities.

- ``Begroting``: one per SWV per calendar year. Its ``Begrotingspost`` rows are income
  (lichte/zware ondersteuning, other), the afdrachten for sbo/so/vso (computed from the
  pupils with a TLV at the teldatum × the normbedrag of the year; ``grondslag`` keeps the
  count, normbedrag and teldatum), allocations to schools (pupils × ``bedrag_per_leerling``,
  one post per location), arrangements (from the arrangement decisions), steunpunt,
  organisation costs and other spending. ``eigen_vermogen`` (reserves at 31 December) is
  compared with the signaleringswaarde (``rules.signaleringswaarde``); an excess needs
  ``toelichting_reserve`` before the budget can be adopted (vastgesteld).
- ``Plan`` (ondersteuningsplan or meerjarenbegroting) with ``Planversie`` rows (versions are
  kept, never overwritten), each with its ``Instemming`` (the OPR's consent: date, outcome)
  and, for the ondersteuningsplan, its ``Oogo`` rows (per municipality: date, outcome).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from passend.core.models import TimeStampedModel
from passend.middelen.rules import (
    Begrotingsstatus,
    Instemmingsuitkomst,
    Oogouitkomst,
    Plansoort,
    Postsoort,
)


class Begroting(TimeStampedModel):
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    jaar = models.PositiveSmallIntegerField("kalenderjaar")
    status = models.CharField(
        max_length=12, choices=Begrotingsstatus.choices, default=Begrotingsstatus.CONCEPT
    )
    bedrag_per_leerling = models.DecimalField(
        "toewijzing aan scholen per leerling (euro)",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
    )
    eigen_vermogen = models.DecimalField(
        "eigen vermogen (reserves) op 31 december (euro)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    toelichting_reserve = models.TextField(
        "toelichting op het eigen vermogen boven de signaleringswaarde", blank=True
    )
    toelichting = models.TextField(blank=True)
    vastgesteld_op = models.DateField(null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revisie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["samenwerkingsverband", "-jaar"]
        verbose_name = "begroting"
        verbose_name_plural = "begrotingen"
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "jaar"], name="een_begroting_per_swv_per_jaar"
            )
        ]

    def __str__(self) -> str:
        return f"Begroting {self.jaar}"


class Begrotingspost(models.Model):
    begroting = models.ForeignKey(Begroting, on_delete=models.CASCADE, related_name="posten")
    soort = models.CharField(max_length=24, choices=Postsoort.choices)
    omschrijving = models.CharField(max_length=200, blank=True)
    bedrag = models.DecimalField("bedrag (euro)", max_digits=14, decimal_places=2)
    #: Computed by Passend (afdrachten, toewijzing, arrangementen) rather than entered.
    berekend = models.BooleanField(default=False)
    #: How a computed post was made: counts, normbedrag, teldatum (never a pupil).
    grondslag = models.JSONField(default=dict, blank=True)
    vestiging = models.ForeignKey(
        "organisaties.Vestiging",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Bij een toewijzing aan scholen: de school.",
    )

    class Meta:
        ordering = ["begroting", "soort", "id"]
        verbose_name = "begrotingspost"
        verbose_name_plural = "begrotingsposten"
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="post_bedrag_niet_negatief")
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.bedrag}"


class Plan(TimeStampedModel):
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    soort = models.CharField(max_length=20, choices=Plansoort.choices)
    titel = models.CharField(max_length=200)
    periode_van = models.DateField()
    periode_tot = models.DateField("periode tot en met")
    revisie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["samenwerkingsverband", "soort", "-periode_van"]
        verbose_name = "plan"
        verbose_name_plural = "plannen"
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_tot__gte=models.F("periode_van")), name="plan_tot_na_van"
            )
        ]

    def __str__(self) -> str:
        return self.titel


class Planversie(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveSmallIntegerField()
    samenvatting = models.TextField()
    #: For a meerjarenbegroting: the totals per year at the time of this version.
    bedragen = models.JSONField(default=dict, blank=True)
    vastgesteld_op = models.DateField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["plan", "-nummer"]
        verbose_name = "planversie"
        verbose_name_plural = "planversies"
        constraints = [
            models.UniqueConstraint(fields=["plan", "nummer"], name="planversie_nummer_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.plan} versie {self.nummer}"


class Instemming(models.Model):
    """The OPR's consent to one version of a plan."""

    planversie = models.ForeignKey(
        Planversie, on_delete=models.CASCADE, related_name="instemmingen"
    )
    datum = models.DateField()
    uitkomst = models.CharField(max_length=16, choices=Instemmingsuitkomst.choices)
    toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["planversie", "-datum", "-id"]
        verbose_name = "instemming OPR"
        verbose_name_plural = "instemmingen OPR"

    def __str__(self) -> str:
        return f"Instemming OPR {self.datum}: {self.get_uitkomst_display()}"


class Oogo(models.Model):
    """Op overeenstemming gericht overleg with one municipality about a plan version."""

    planversie = models.ForeignKey(Planversie, on_delete=models.CASCADE, related_name="oogo")
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="+"
    )
    datum = models.DateField()
    uitkomst = models.CharField(max_length=22, choices=Oogouitkomst.choices)
    toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["planversie", "gemeente", "-datum", "-id"]
        verbose_name = "OOGO"
        verbose_name_plural = "OOGO"

    def __str__(self) -> str:
        return f"OOGO {self.datum}: {self.get_uitkomst_display()}"
