"""Disagreements between parents and school, the route they take, and Veilig Thuis reports
with their guard (DOMAIN.md §2.6, measures 10 and 12)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from passend.core.models import TimeStampedModel
from passend.geschillen.rules import (
    ONDERWERP_VOOR_OUDERS,
    Onderwerp,
    Stapsoort,
    Stapuitkomst,
    Status,
)


class Routestap(TimeStampedModel):
    """One step of the disagreement route. The steps without an SWV are the default of the
    installation; an SWV may keep its own route (then only its own steps count)."""

    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    volgorde = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=40)
    soort = models.CharField(max_length=30, choices=Stapsoort.choices)
    naam = models.CharField(max_length=200)
    #: For parents, in plain language (B1).
    uitleg = models.TextField()
    wie = models.CharField("bij wie", max_length=300, blank=True)
    termijn = models.CharField(max_length=300, blank=True)
    #: Optimistic lock of the SWV's texts: a stale form is refused (``Conflict``).
    revisie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["samenwerkingsverband_id", "volgorde"]
        verbose_name = "routestap"
        verbose_name_plural = "routestappen"
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "code"], name="routestap_code_uniek"
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(samenwerkingsverband__isnull=True),
                name="routestap_standaard_code_uniek",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volgorde}. {self.naam}"


class Onenigheid(TimeStampedModel):
    """A disagreement of parents with the school (or board, SWV) about one pupil: what it is
    about, the steps taken, and, when it comes to that, the GPO's legal terms."""

    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="onenigheden"
    )
    #: The school the disagreement is with (the pupil's, or the one the child was registered at).
    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, related_name="+"
    )
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    onderwerp = models.CharField(max_length=20, choices=Onderwerp.choices)
    opp = models.ForeignKey(
        "ondersteuning.Ontwikkelingsperspectief",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    aanmelding = models.ForeignKey(
        "zorgplicht.Aanmelding", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tlv = models.ForeignKey(
        "toelaatbaarheid.Toelaatbaarheidsverklaring",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    omschrijving = models.TextField("waar gaat het over")
    gestart_op = models.DateField()
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    #: The day the first SWV-level step began: from then on the SWV sees the case.
    swv_betrokken_sinds = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    afgesloten_op = models.DateField(null=True, blank=True)
    afsluiting = models.TextField(blank=True)
    # The GPO: the decision disputed, the filing, the board's answer, the opinion. An
    # objection to a TLV (LBT): the decision, the objection filed with the SWV, the SWV
    # asking the LBT for advice, the decision on the objection (no board's answer).
    besluit_op = models.DateField("datum van het besluit", null=True, blank=True)
    commissie_ingediend_op = models.DateField(null=True, blank=True)
    bestuur_antwoord_op = models.DateField(null=True, blank=True)
    advies_gevraagd_op = models.DateField("advies gevraagd aan de LBT op", null=True, blank=True)
    oordeel_op = models.DateField(null=True, blank=True)
    oordeel = models.TextField(blank=True)
    revisie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-gestart_op", "-id"]
        verbose_name = "onenigheid"
        verbose_name_plural = "onenigheden"
        indexes = [models.Index(fields=["leerling", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(status=Status.OPEN) & Q(afgesloten_op__isnull=True))
                | (~Q(status=Status.OPEN) & Q(afgesloten_op__isnull=False)),
                name="onenigheid_afgesloten_met_datum",
            ),
            models.CheckConstraint(
                condition=Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gte=F("gestart_op")),
                name="onenigheid_afgesloten_na_start",
            ),
            models.CheckConstraint(
                condition=Q(opp__isnull=True) | Q(onderwerp=Onderwerp.OPP),
                name="onenigheid_opp_alleen_bij_opp",
            ),
            models.CheckConstraint(
                condition=Q(aanmelding__isnull=True) | Q(onderwerp=Onderwerp.AANMELDING),
                name="onenigheid_aanmelding_alleen_bij_aanmelding",
            ),
            models.CheckConstraint(
                condition=Q(tlv__isnull=True) | Q(onderwerp=Onderwerp.TLV),
                name="onenigheid_tlv_alleen_bij_tlv",
            ),
            models.CheckConstraint(
                condition=Q(bestuur_antwoord_op__isnull=True)
                | Q(commissie_ingediend_op__isnull=False),
                name="onenigheid_antwoord_na_indienen",
            ),
            models.CheckConstraint(
                condition=Q(oordeel_op__isnull=True) | Q(commissie_ingediend_op__isnull=False),
                name="onenigheid_oordeel_na_indienen",
            ),
            models.CheckConstraint(
                condition=Q(advies_gevraagd_op__isnull=True)
                | (Q(commissie_ingediend_op__isnull=False) & Q(onderwerp=Onderwerp.TLV)),
                name="onenigheid_advies_lbt_na_bezwaar",
            ),
        ]

    def __str__(self) -> str:
        return f"Onenigheid over {self.get_onderwerp_display().lower()}"

    @property
    def onderwerp_voor_ouders(self) -> str:
        """The subject in plain language (B1), for the parent portal."""
        return ONDERWERP_VOOR_OUDERS.get(self.onderwerp, self.get_onderwerp_display())


class Stap(TimeStampedModel):
    """One step taken on the route, with its dates and outcome."""

    onenigheid = models.ForeignKey(Onenigheid, on_delete=models.CASCADE, related_name="stappen")
    routestap = models.ForeignKey(Routestap, on_delete=models.PROTECT, related_name="+")
    begonnen_op = models.DateField()
    afgerond_op = models.DateField(null=True, blank=True)
    uitkomst = models.CharField(max_length=20, choices=Stapuitkomst.choices, blank=True)
    toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["onenigheid", "begonnen_op", "id"]
        verbose_name_plural = "stappen"
        constraints = [
            models.CheckConstraint(
                condition=Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=F("begonnen_op")),
                name="stap_afgerond_na_begin",
            ),
            models.CheckConstraint(
                condition=(Q(afgerond_op__isnull=True) & Q(uitkomst=""))
                | (Q(afgerond_op__isnull=False) & ~Q(uitkomst="")),
                name="stap_afgerond_met_uitkomst",
            ),
        ]


class VeiligThuisMelding(TimeStampedModel):
    """A report to Veilig Thuis, recorded in the pupil's file by school staff: the signs it
    rests on and the meldcode steps taken. When a disagreement with the parents was open,
    the explicit confirmation that the report rests on safety signs is kept (measure 12)."""

    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="veilig_thuis_meldingen"
    )
    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, related_name="+"
    )
    gemeld_op = models.DateField()
    signalen = models.TextField()
    meldcode_stappen = models.JSONField(default=list)
    #: The disagreement that was open when the report was recorded (None: none was).
    open_onenigheid = models.ForeignKey(
        Onenigheid, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    bevestiging_signalen = models.BooleanField(default=False)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-gemeld_op", "-id"]
        verbose_name = "Veilig Thuis-melding"
        verbose_name_plural = "Veilig Thuis-meldingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(open_onenigheid__isnull=True) | Q(bevestiging_signalen=True),
                name="veilig_thuis_bevestigd_bij_onenigheid",
            ),
        ]
