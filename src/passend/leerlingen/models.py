"""The pupil register: only what the processes need. No BSN."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from passend.core.models import TimeStampedModel


class Leerling(TimeStampedModel):
    sleutel = models.UUIDField(
        "pseudoniem",
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text="Stabiele pseudonieme sleutel; gebruikt in adressen, API en toegangslog.",
    )
    voornamen = models.CharField(max_length=200)
    roepnaam = models.CharField(max_length=100, blank=True)
    tussenvoegsel = models.CharField(max_length=20, blank=True)
    achternaam = models.CharField(max_length=200)
    geboortedatum = models.DateField()
    postcode = models.CharField("postcode woonadres", max_length=7)
    woongemeente = models.ForeignKey(
        "organisaties.Gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Bepaalt het SWV van de woonregio (grensverkeer bij een eerste inschrijving).",
    )
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leerling",
        help_text="Eigen inlog (vanaf 12 jaar).",
    )

    class Meta:
        ordering = ["achternaam", "roepnaam", "id"]
        verbose_name_plural = "leerlingen"
        indexes = [models.Index(fields=["achternaam"])]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return " ".join(
            p for p in (self.roepnaam or self.voornamen, self.tussenvoegsel, self.achternaam) if p
        )


class Ouderschap(TimeStampedModel):
    """A parent or carer of a pupil, with or without parental authority (gezag)."""

    class Relatie(models.TextChoices):
        OUDER = "ouder", "Ouder"
        VERZORGER = "verzorger", "Verzorger"
        VOOGD = "voogd", "Voogd"

    ouder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ouderschappen"
    )
    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="ouderschappen")
    relatie = models.CharField(max_length=20, choices=Relatie.choices, default=Relatie.OUDER)
    gezag = models.BooleanField("ouderlijk gezag", default=True)

    class Meta:
        verbose_name_plural = "ouderschappen"
        constraints = [
            models.UniqueConstraint(
                fields=["ouder", "leerling"], name="ouder_een_keer_per_leerling"
            )
        ]


class Inschrijving(TimeStampedModel):
    """Enrolment history: at which vestiging, from when until when (inclusive)."""

    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="inschrijvingen")
    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, related_name="inschrijvingen"
    )
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["leerling", "van"]
        verbose_name_plural = "inschrijvingen"
        indexes = [models.Index(fields=["vestiging", "tot"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")), name="inschrijving_tot_na_van"
            ),
        ]


class Betrokkenheid(TimeStampedModel):
    """Why an organisation or person outside the school may see a pupil, for a period.

    Created by the services of the processes (a TLV request gives the SWV a betrokkenheid, a
    verzuim case gives the leerplichtambtenaar one); the pupil policy reads it.
    """

    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="betrokkenheden")
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="betrokkenheden",
    )
    grond = models.CharField(
        max_length=200, help_text="Waarom, bijvoorbeeld 'aanvraag TLV 2026-014'."
    )
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "betrokkenheden"
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")),
                name="betrokkenheid_tot_na_van",
            ),
            models.CheckConstraint(
                condition=Q(samenwerkingsverband__isnull=False) | Q(gebruiker__isnull=False),
                name="betrokkenheid_heeft_wie",
            ),
        ]
