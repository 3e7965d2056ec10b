"""People, the roles they hold in organisations, and API koppelingen."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from passend.accounts.rules import ORGANISATIE_VAN_ROL, Rolsoort, organisatieveld
from passend.core.models import TimeStampedModel

ORGANISATIEVELDEN = ("school", "schoolbestuur", "samenwerkingsverband", "gemeente")


class Gebruiker(AbstractUser):
    """A person who can log in (staff, parent, pupil) or a technical user of a koppeling."""

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Rol(TimeStampedModel):
    """A person holds a role in an organisation, for a period. Roles are data."""

    gebruiker = models.ForeignKey(Gebruiker, on_delete=models.CASCADE, related_name="rollen")
    rolsoort = models.CharField(max_length=30, choices=Rolsoort.choices)
    school = models.ForeignKey(
        "organisaties.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    schoolbestuur = models.ForeignKey(
        "organisaties.Schoolbestuur",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["gebruiker", "rolsoort"]
        verbose_name_plural = "rollen"
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")), name="rol_tot_na_van"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        school__isnull=True,
                        schoolbestuur__isnull=True,
                        samenwerkingsverband__isnull=True,
                        gemeente__isnull=True,
                    )
                    | Q(
                        school__isnull=False,
                        schoolbestuur__isnull=True,
                        samenwerkingsverband__isnull=True,
                        gemeente__isnull=True,
                    )
                    | Q(
                        school__isnull=True,
                        schoolbestuur__isnull=False,
                        samenwerkingsverband__isnull=True,
                        gemeente__isnull=True,
                    )
                    | Q(
                        school__isnull=True,
                        schoolbestuur__isnull=True,
                        samenwerkingsverband__isnull=False,
                        gemeente__isnull=True,
                    )
                    | Q(
                        school__isnull=True,
                        schoolbestuur__isnull=True,
                        samenwerkingsverband__isnull=True,
                        gemeente__isnull=False,
                    )
                ),
                name="rol_in_hoogstens_een_organisatie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rolsoort_display()} – {self.organisatie_label}"

    @property
    def organisatie(self) -> models.Model | None:
        veld = organisatieveld(self.rolsoort)
        return getattr(self, veld) if veld else None

    @property
    def organisatie_type(self) -> str:
        return ORGANISATIE_VAN_ROL[self.rolsoort]

    @property
    def organisatie_label(self) -> str:
        organisatie = self.organisatie
        if organisatie is not None:
            return f"Gemeente {organisatie}" if self.gemeente_id else str(organisatie)
        landelijk: dict[str, str] = {
            Rolsoort.INSPECTEUR: "Inspectie van het Onderwijs",
            Rolsoort.MINISTERIE: "Ministerie van Onderwijs, Cultuur en Wetenschap",
        }
        return landelijk.get(self.rolsoort, "Privé")

    @property
    def organisatie_sleutel(self) -> str:
        veld = organisatieveld(self.rolsoort)
        return f"{veld}:{getattr(self, f'{veld}_id')}" if veld else self.organisatie_type

    def clean(self) -> None:
        if not self.rolsoort:
            return
        veld = organisatieveld(self.rolsoort)
        errors = {}
        for naam in ORGANISATIEVELDEN:
            gezet = getattr(self, f"{naam}_id") is not None
            if naam == veld and not gezet:
                errors[naam] = f"Kies de {naam} waarin deze rol wordt vervuld."
            elif naam != veld and gezet:
                errors[naam] = "Deze rol hoort niet bij dit soort organisatie."
        if errors:
            raise ValidationError(errors)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Koppeling(TimeStampedModel):
    """An application (e.g. a school's pupil administration) acting in one organisation with
    one role. It authenticates with a token; only the token's hash is stored."""

    naam = models.CharField(max_length=200)
    rol = models.ForeignKey(Rol, on_delete=models.PROTECT, related_name="koppelingen")
    token_prefix = models.CharField(max_length=8, db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    actief = models.BooleanField(default=True)
    laatst_gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "koppelingen"

    def __str__(self) -> str:
        return self.naam

    @staticmethod
    def nieuw_token() -> str:
        return secrets.token_urlsafe(32)
