"""Shared kernel models: the time-stamped base and the access log (NEN 7513 style)."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone


class TimeStampedModel(models.Model):
    aangemaakt_op = models.DateTimeField(default=timezone.now, editable=False)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class AppendOnlyError(RuntimeError):
    """Access-log records are never changed or removed."""


class Actie(models.TextChoices):
    LEZEN = "lezen", "Bekeken"
    ZOEKEN = "zoeken", "Gezocht"
    EXPORTEREN = "exporteren", "Geëxporteerd"
    AFDRUKKEN = "afdrukken", "Afgedrukt"
    AANMAKEN = "aanmaken", "Aangemaakt"
    WIJZIGEN = "wijzigen", "Gewijzigd"


class Resultaat(models.TextChoices):
    TOEGESTAAN = "toegestaan", "Toegestaan"
    GEWEIGERD = "geweigerd", "Geweigerd"


class AlleenToevoegenQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: object) -> int:
        raise AppendOnlyError("Het toegangslog wordt nooit gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Het toegangslog wordt nooit verwijderd.")


class Toegangsregel(models.Model):
    """One look at (or change of) pupil data: who, as what, for whom, what, result, why.

    Append-only: the model refuses updates and deletes, and database triggers (migration
    0002) refuse them for every other writer too.
    """

    tijdstip = models.DateTimeField(default=timezone.now, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    gebruikersnaam = models.CharField(max_length=150)
    naam = models.CharField("naam van de gebruiker", max_length=300, blank=True)
    rol = models.CharField(max_length=60, blank=True)
    organisatie = models.CharField("organisatie namens welke", max_length=300, blank=True)
    organisatie_sleutel = models.CharField(max_length=60, blank=True, db_index=True)
    koppeling = models.CharField("koppeling (API)", max_length=200, blank=True)
    actie = models.CharField(max_length=20, choices=Actie.choices)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=100, blank=True)
    resultaat = models.CharField(max_length=20, choices=Resultaat.choices)
    reden = models.CharField(max_length=300, blank=True)
    route = models.CharField(max_length=200, blank=True)

    objects = AlleenToevoegenQuerySet.as_manager()

    class Meta:
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["gebruiker", "-tijdstip"])]
        verbose_name = "toegangsregel"
        verbose_name_plural = "toegangslog"

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.actie} {self.resultaat}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Een regel in het toegangslog wordt nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Een regel in het toegangslog wordt nooit verwijderd.")


class ToegangsregelLeerling(models.Model):
    """Which pupils (by pseudonymous key) a log record is about; a list page names many."""

    regel = models.ForeignKey(Toegangsregel, on_delete=models.PROTECT, related_name="leerlingen")
    leerling_sleutel = models.UUIDField(db_index=True, default=uuid.uuid4)

    objects = AlleenToevoegenQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["regel", "leerling_sleutel"], name="uniek_per_regel")
        ]

    def __str__(self) -> str:
        return str(self.leerling_sleutel)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Een regel in het toegangslog wordt nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Een regel in het toegangslog wordt nooit verwijderd.")
