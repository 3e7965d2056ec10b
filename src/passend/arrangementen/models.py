"""An arrangement request: a school asks its samenwerkingsverband for extra support for a
pupil, on the basis of a vastgesteld OPP version. Each step is dated and kept in the
request's history (``Statuswijziging``), which is never edited."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from passend.arrangementen.rules import OPEN, Besluit, Status
from passend.core.models import TimeStampedModel


class Arrangementaanvraag(TimeStampedModel):
    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="arrangementaanvragen"
    )
    opp = models.ForeignKey(
        "ondersteuning.Ontwikkelingsperspectief",
        on_delete=models.PROTECT,
        related_name="arrangementaanvragen",
        verbose_name="OPP-versie",
        help_text="De vastgestelde OPP-versie waarop de aanvraag steunt.",
    )
    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, related_name="arrangementaanvragen"
    )
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband",
        on_delete=models.PROTECT,
        related_name="arrangementaanvragen",
    )
    ondersteuning = models.TextField("welke ondersteuning")
    van = models.DateField("begin van de periode")
    tot = models.DateField("einde van de periode (tot en met)")
    bedrag = models.DecimalField("gevraagd bedrag (euro)", max_digits=8, decimal_places=2)
    toelichting = models.TextField("motivering")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.INGEDIEND)

    ingediend_op = models.DateField("ontvangen op", db_index=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opnieuw_ingediend_op = models.DateField(null=True, blank=True)
    onvolledig_op = models.DateField(null=True, blank=True)
    ontbreekt = models.TextField("wat ontbreekt", blank=True)
    compleet_op = models.DateField(null=True, blank=True)
    compleet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    besluit = models.CharField(max_length=20, choices=Besluit.choices, blank=True)
    redenen = models.TextField("redenen van het besluit", blank=True)
    toegekend_bedrag = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    toegekend_van = models.DateField(null=True, blank=True)
    toegekend_tot = models.DateField(null=True, blank=True)
    besloten_op = models.DateField(null=True, blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    ingetrokken_op = models.DateField(null=True, blank=True)
    reden_intrekking = models.TextField(blank=True)

    class Meta:
        ordering = ["-ingediend_op", "-id"]
        verbose_name = "arrangementaanvraag"
        verbose_name_plural = "arrangementaanvragen"
        indexes = [models.Index(fields=["samenwerkingsverband", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(tot__gt=F("van")), name="arrangement_tot_na_van"),
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="arrangement_bedrag_positief"),
            # At most one open request per OPP version: a second submission (a double
            # click, a second tab) is refused by the database too.
            models.UniqueConstraint(
                fields=["opp"],
                condition=Q(status__in=sorted(OPEN)),
                name="arrangement_een_open_aanvraag_per_opp",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.COMPLEET) | Q(compleet_op__isnull=False),
                name="arrangement_compleet_heeft_datum",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.BESLOTEN)
                | (Q(besloten_op__isnull=False) & ~Q(besluit="") & ~Q(redenen="")),
                name="arrangement_besloten_heeft_besluit",
            ),
            models.CheckConstraint(
                condition=Q(besluit=Besluit.AFGEWEZEN, toegekend_bedrag__isnull=True)
                | ~Q(besluit=Besluit.AFGEWEZEN),
                name="arrangement_afwijzing_zonder_bedrag",
            ),
            models.CheckConstraint(
                condition=~Q(besluit__in=[Besluit.TOEGEKEND, Besluit.DEELS])
                | Q(toegekend_bedrag__lte=F("bedrag"), toegekend_bedrag__gt=0),
                name="arrangement_toegekend_niet_meer_dan_gevraagd",
            ),
        ]

    def __str__(self) -> str:
        return f"Arrangementaanvraag {self.kenmerk}"

    @property
    def kenmerk(self) -> str:
        """The reference in letters and lists: year of receipt and number."""
        if self.pk is None or self.ingediend_op is None:
            return "nieuw"
        return f"ARR-{self.ingediend_op:%Y}-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


class Statuswijziging(models.Model):
    """One step of a request (submitted, incomplete, resubmitted, complete, decided,
    withdrawn), with its date, who took it and what they wrote. Never edited."""

    aanvraag = models.ForeignKey(
        Arrangementaanvraag, on_delete=models.CASCADE, related_name="statuswijzigingen"
    )
    van_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    naar_status = models.CharField(max_length=20, choices=Status.choices)
    datum = models.DateField()
    tijdstip = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    toelichting = models.TextField(blank=True)

    class Meta:
        ordering = ["aanvraag", "tijdstip", "id"]
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"

    def __str__(self) -> str:
        return f"{self.van_status or '–'} → {self.naar_status} ({self.datum})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Een stap in het verloop van een aanvraag wordt nooit gewijzigd.")
        super().save(*args, **kwargs)
