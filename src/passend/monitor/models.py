"""A dekkend netwerk analysis of an SWV's region: the current situation or a what-if.

The run is a job: it is queued, computed in the background (progress in ``voortgang``)
and keeps its result as JSON (figures per area and location, never a pupil). A what-if
(``wijzigingen``) refers to the analysis it changes (``basis``), so the two are shown side
by side.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from passend.core.models import TimeStampedModel


class Analysestatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "In de wachtrij"
    BEZIG = "bezig", "Bezig"
    KLAAR = "klaar", "Klaar"
    MISLUKT = "mislukt", "Mislukt"


class Netwerkanalyse(TimeStampedModel):
    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    naam = models.CharField(max_length=200)
    basis = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="varianten",
        help_text="De analyse waarvan dit een wat-als-variant is.",
    )
    peildatum = models.DateField()
    schooljaar = models.CharField(max_length=9, help_text="Het schooljaar van het aanbod.")
    #: The settings used (distances, penalty), copied at the start so the result can be read.
    instellingen = models.JSONField(default=dict)
    #: What-if changes (see monitor.rules.WIJZIGINGSSOORTEN); empty for the current situation.
    wijzigingen = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=Analysestatus.choices, default=Analysestatus.WACHTRIJ
    )
    voortgang = models.PositiveSmallIntegerField(default=0)
    voortgang_tekst = models.CharField(max_length=200, blank=True)
    resultaat = models.JSONField(null=True, blank=True)
    fout = models.TextField(blank=True)
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gestart_op = models.DateTimeField(null=True, blank=True)
    klaar_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = "netwerkanalyse"
        verbose_name_plural = "netwerkanalyses"
        constraints = [
            models.CheckConstraint(condition=Q(voortgang__lte=100), name="analyse_voortgang_max"),
            models.CheckConstraint(
                condition=~Q(status=Analysestatus.KLAAR) | Q(resultaat__isnull=False),
                name="analyse_klaar_heeft_resultaat",
            ),
        ]
        indexes = [
            models.Index(
                fields=["samenwerkingsverband", "-aangemaakt_op"], name="analyse_swv_recent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.samenwerkingsverband.code})"
