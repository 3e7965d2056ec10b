"""The ouder- en jeugdsteunpunt: a parent's consent to link contacts to their child, and the
contacts the steunpunt records (themes in their own table, so they can be counted in SQL)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from passend.core.models import TimeStampedModel
from passend.steunpunt.rules import Doorverwijzing, Kanaal, Thema, Wie


class Toestemming(TimeStampedModel):
    """A parent (with gezag) lets the steunpunt of an SWV link contacts to their child.

    Withdrawing sets ``ingetrokken_op``; the row is kept (history). Giving consent again
    makes a new row. At most one consent per child and SWV runs at a time.
    """

    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.CASCADE, related_name="steunpunttoestemmingen"
    )
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    gegeven_op = models.DateField()
    gegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ingetrokken_op = models.DateField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "toestemming steunpunt"
        verbose_name_plural = "toestemmingen steunpunt"
        ordering = ["-gegeven_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["leerling", "samenwerkingsverband"],
                condition=Q(ingetrokken_op__isnull=True),
                name="steunpunt_een_lopende_toestemming",
            ),
            models.CheckConstraint(
                condition=Q(ingetrokken_op__isnull=True) | Q(ingetrokken_op__gte=F("gegeven_op")),
                name="steunpunt_intrekken_na_geven",
            ),
        ]

    @property
    def loopt(self) -> bool:
        return self.ingetrokken_op is None


class Contact(TimeStampedModel):
    """One contact of the steunpunt: anonymous, or linked to a child under a consent."""

    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    datum = models.DateField()
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices)
    wie = models.CharField(max_length=20, choices=Wie.choices)
    leerling = models.ForeignKey(
        "leerlingen.Leerling",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steunpuntcontacten",
    )
    toestemming = models.ForeignKey(
        Toestemming, on_delete=models.PROTECT, null=True, blank=True, related_name="contacten"
    )
    samenvatting = models.TextField()
    signaal = models.TextField(blank=True)
    doorverwijzing = models.CharField(
        max_length=30, choices=Doorverwijzing.choices, default=Doorverwijzing.GEEN
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    revisie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "contacten"
        ordering = ["-datum", "-id"]
        indexes = [models.Index(fields=["samenwerkingsverband", "datum"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(leerling__isnull=True, toestemming__isnull=True)
                | Q(leerling__isnull=False, toestemming__isnull=False),
                name="steunpunt_koppeling_met_toestemming",
            ),
        ]

    @property
    def gekoppeld(self) -> bool:
        return self.leerling_id is not None

    @property
    def kind_zichtbaar(self) -> bool:
        """The child's details are shown only while the consent runs."""
        return self.toestemming is not None and self.toestemming.loopt


class Contactthema(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="themas")
    thema = models.CharField(max_length=20, choices=Thema.choices)

    class Meta:
        verbose_name_plural = "contactthema's"
        constraints = [
            models.UniqueConstraint(fields=["contact", "thema"], name="steunpunt_thema_een_keer")
        ]
        indexes = [models.Index(fields=["thema"])]

    def __str__(self) -> str:
        return str(self.get_thema_display())
