"""Aanmelding and zorgplicht: a registration at a school, its terms, its outcome, its history."""

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from passend.core.models import TimeStampedModel
from passend.zorgplicht.rules import (
    MAX_VERLENGING_WEKEN,
    TOELATINGEN,
    StapSoort,
    Uitkomst,
    Wijze,
)


class Aanmelding(TimeStampedModel):
    """A written registration of a pupil at a school location (vestiging) by the parents.

    The terms are stored when they are set (``beslissen_uiterlijk`` at receipt,
    ``verlengd_tot`` at the extension), with the suspension setting of that moment, so a
    later change of the setting never moves a term the parents were told about.
    """

    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="aanmeldingen"
    )
    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, related_name="aanmeldingen"
    )
    ontvangen_op = models.DateField("datum van ontvangst")
    wijze = models.CharField("hoe aangemeld", max_length=10, choices=Wijze.choices)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De ouder die aanmeldde (portaal) of wie de aanmelding vastlegde (papier).",
    )
    # What the parents told the school.
    ondersteuning_verwacht = models.BooleanField(
        "ouders verwachten dat extra ondersteuning nodig is", default=False
    )
    toelichting_ondersteuning = models.TextField("waarom extra ondersteuning", blank=True)
    andere_scholen = models.TextField(
        "andere scholen waar het kind is aangemeld", blank=True, max_length=2000
    )
    andere_vestigingen = models.ManyToManyField(
        "organisaties.Vestiging", blank=True, related_name="+"
    )
    eerste_voorkeur = models.BooleanField(
        "school van eerste voorkeur",
        default=True,
        help_text="De school van eerste voorkeur heeft de zorgplicht.",
    )
    # The terms.
    beslissen_uiterlijk = models.DateField()
    verlengd_tot = models.DateField(null=True, blank=True)
    verlenging_weken = models.PositiveSmallIntegerField(null=True, blank=True)
    verlenging_reden = models.TextField(blank=True)
    verlengd_op = models.DateField(null=True, blank=True)
    verlengd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tijdelijke_plaatsing_vanaf = models.DateField()
    zomervakantie_geschorst = models.BooleanField(
        default=False, help_text="De termijnen zijn berekend zonder de dagen van de zomervakantie."
    )
    # The outcome.
    uitkomst = models.CharField(max_length=30, choices=Uitkomst.choices, blank=True)
    uitkomst_op = models.DateField(null=True, blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    toelichting_besluit = models.TextField(blank=True)
    opp = models.ForeignKey(
        "ondersteuning.Ontwikkelingsperspectief",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanmeldingen",
        help_text="Bij toelating met extra ondersteuning: het OPP van de leerling.",
    )
    geplaatst_bij = models.ForeignKey(
        "organisaties.Vestiging",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De school die het kind heeft toegelaten (vereist bij weigeren, zorgplicht).",
    )
    geplaatst_op = models.DateField(null=True, blank=True)
    ingangsdatum = models.DateField(
        null=True, blank=True, help_text="Bij toelating: ingeschreven vanaf deze datum."
    )

    class Meta:
        ordering = ["-ontvangen_op", "id"]
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        indexes = [
            models.Index(fields=["vestiging", "uitkomst"]),
            models.Index(fields=["uitkomst", "beslissen_uiterlijk"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["leerling", "vestiging"],
                condition=Q(uitkomst=""),
                name="aanmelding_een_open_per_vestiging",
            ),
            models.CheckConstraint(
                condition=Q(beslissen_uiterlijk__gt=F("ontvangen_op"))
                & Q(tijdelijke_plaatsing_vanaf__gt=F("beslissen_uiterlijk")),
                name="aanmelding_termijnen_op_volgorde",
            ),
            models.CheckConstraint(
                condition=Q(
                    verlengd_tot__isnull=True,
                    verlenging_weken__isnull=True,
                    verlengd_op__isnull=True,
                    verlengd_door__isnull=True,
                )
                | Q(
                    verlengd_tot__gt=F("beslissen_uiterlijk"),
                    verlengd_tot__lt=F("tijdelijke_plaatsing_vanaf"),
                    verlenging_weken__gte=1,
                    verlenging_weken__lte=MAX_VERLENGING_WEKEN,
                    verlengd_op__isnull=False,
                    verlengd_op__lte=F("beslissen_uiterlijk"),
                    verlengd_door__isnull=False,
                ),
                name="aanmelding_verlenging_volledig",
            ),
            models.CheckConstraint(
                condition=Q(uitkomst="", uitkomst_op__isnull=True, besloten_door__isnull=True)
                | (
                    ~Q(uitkomst="")
                    & Q(uitkomst_op__isnull=False, besloten_door__isnull=False)
                    & Q(uitkomst_op__gte=F("ontvangen_op"))
                ),
                name="aanmelding_besluit_volledig",
            ),
            models.CheckConstraint(
                condition=~Q(uitkomst=Uitkomst.GEPLAATST_ELDERS)
                | Q(geplaatst_bij__isnull=False, geplaatst_op__isnull=False),
                name="aanmelding_elders_geplaatst_waar",
            ),
            models.CheckConstraint(
                condition=~Q(uitkomst__in=sorted(TOELATINGEN)) | Q(ingangsdatum__isnull=False),
                name="aanmelding_toelating_heeft_ingangsdatum",
            ),
            models.CheckConstraint(
                condition=~Q(uitkomst=Uitkomst.AFGEWEZEN_VOL) | ~Q(toelichting_besluit=""),
                name="aanmelding_vol_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"Aanmelding van {self.leerling} bij {self.vestiging.naam}"

    @property
    def huidige_termijn(self) -> date:
        return self.verlengd_tot or self.beslissen_uiterlijk


class AppendOnlyQuerySet(models.QuerySet["Stap"]):
    def update(self, **kwargs: object) -> int:
        raise RuntimeError("De geschiedenis van een aanmelding wordt niet gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise RuntimeError("De geschiedenis van een aanmelding wordt niet verwijderd.")


class Stap(models.Model):
    """One dated step in a registration's history, and who took it. Never edited."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.PROTECT, related_name="stappen")
    soort = models.CharField(max_length=20, choices=StapSoort.choices)
    datum = models.DateField(help_text="De datum van de stap zelf (ontvangst, besluit, ...).")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rol = models.CharField(max_length=100, help_text="De rol en organisatie van wie de stap zette.")
    omschrijving = models.CharField(max_length=500)
    tijdstip = models.DateTimeField(auto_now_add=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["aanmelding", "datum", "tijdstip", "id"]
        verbose_name = "stap"
        verbose_name_plural = "stappen"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.datum})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("De geschiedenis van een aanmelding wordt niet gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("De geschiedenis van een aanmelding wordt niet verwijderd.")
