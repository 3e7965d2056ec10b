"""Verzuim cases (meldingen), their partners, plan and doorbraak (DOMAIN.md §2.4).

Whether a child is a thuiszitter is never stored: ``rules.is_thuiszitter`` derives it from
the kind and the dates.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from passend.core.models import TimeStampedModel
from passend.verzuim.rules import Partnersoort, Reden, Uitkomst, Verzuimsoort


class Verzuimmelding(TimeStampedModel):
    """One verzuim case of one pupil: reported by the school or the SWV, worked on by the
    partners, ended with a date and an outcome."""

    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: Per SWV and calendar year: "2026-007".
    meldnummer = models.CharField(max_length=12)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="verzuimmeldingen"
    )
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    #: The school location (empty for absoluut verzuim: the child is not enrolled).
    vestiging = models.ForeignKey(
        "organisaties.Vestiging", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    schoolbestuur = models.ForeignKey(
        "organisaties.Schoolbestuur",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    #: The pupil's municipality: its leerplichtambtenaar is a partner.
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="+"
    )
    soort = models.CharField(max_length=20, choices=Verzuimsoort.choices)
    sinds = models.DateField("afwezig sinds")
    reden = models.CharField(max_length=30, choices=Reden.choices)
    toelichting = models.TextField(blank=True)
    gemiste_uren = models.PositiveIntegerField(
        null=True, blank=True, help_text="Relatief verzuim: gemiste uren in 4 schoolweken."
    )
    #: The day a fitting offer (a place, an arrangement) was agreed; ends the doorbraak need.
    aanbod_op = models.DateField(null=True, blank=True)
    aanbod_omschrijving = models.TextField(blank=True)
    onderwijsconsulent_op = models.DateField(null=True, blank=True)
    onderwijsconsulent_naam = models.CharField(max_length=200, blank=True)
    einde = models.DateField("afwezigheid beëindigd op", null=True, blank=True)
    uitkomst = models.CharField(max_length=30, choices=Uitkomst.choices, blank=True)
    duur_weken = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    #: Optimistic lock: raised by every change; a stale form is refused.
    revisie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-sinds", "-id"]
        verbose_name = "verzuimmelding"
        verbose_name_plural = "verzuimmeldingen"
        indexes = [
            models.Index(fields=["samenwerkingsverband", "sinds"]),
            models.Index(fields=["gemeente", "sinds"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "meldnummer"], name="verzuim_meldnummer_uniek"
            ),
            # One running case per pupil: a second report is refused by the service (with
            # the number of the running case); this is the last guard.
            models.UniqueConstraint(
                fields=["leerling"],
                condition=Q(einde__isnull=True),
                name="verzuim_een_lopende_melding_per_leerling",
            ),
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=F("sinds")),
                name="verzuim_einde_na_sinds",
            ),
            models.CheckConstraint(
                condition=(Q(einde__isnull=True) & Q(uitkomst="") & Q(duur_weken__isnull=True))
                | (Q(einde__isnull=False) & ~Q(uitkomst="") & Q(duur_weken__isnull=False)),
                name="verzuim_einde_met_uitkomst_en_duur",
            ),
            models.CheckConstraint(
                condition=Q(soort=Verzuimsoort.ABSOLUUT, vestiging__isnull=True)
                | (~Q(soort=Verzuimsoort.ABSOLUUT) & Q(vestiging__isnull=False)),
                name="verzuim_school_behalve_bij_absoluut",
            ),
            models.CheckConstraint(
                condition=Q(aanbod_op__isnull=True) | Q(aanbod_op__gte=F("sinds")),
                name="verzuim_aanbod_na_sinds",
            ),
            models.CheckConstraint(
                condition=Q(onderwijsconsulent_op__isnull=True)
                | Q(onderwijsconsulent_op__gte=F("sinds")),
                name="verzuim_onderwijsconsulent_na_sinds",
            ),
        ]

    def __str__(self) -> str:
        return f"Verzuimmelding {self.meldnummer}"


class Partner(TimeStampedModel):
    """Who works in the case: the school, the SWV, the leerplichtambtenaar, jeugdhulp, ...

    A partner with a log-in (``gebruiker``) sees the case; the verzuim services give a
    leerplichtambtenaar or jeugdhulp worker a betrokkenheid with the pupil while they take
    part. A partner without a log-in is a name to whom actions can be given.
    """

    melding = models.ForeignKey(Verzuimmelding, on_delete=models.CASCADE, related_name="partners")
    soort = models.CharField(max_length=30, choices=Partnersoort.choices)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verzuimpartnerschappen",
    )
    naam = models.CharField(max_length=200)
    organisatie = models.CharField(max_length=200, blank=True)
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["melding", "van", "id"]
        verbose_name_plural = "partners"
        constraints = [
            models.UniqueConstraint(
                # Once at a time: an ended partner (``tot`` set) can take part again.
                fields=["melding", "gebruiker"],
                condition=Q(gebruiker__isnull=False, tot__isnull=True),
                name="verzuimpartner_een_keer",
            ),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")),
                name="verzuimpartner_tot_na_van",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_soort_display()})"


class Actiepunt(TimeStampedModel):
    """One action of the case's plan: what, who, by when; done on a date."""

    melding = models.ForeignKey(
        Verzuimmelding, on_delete=models.CASCADE, related_name="actiepunten"
    )
    omschrijving = models.TextField()
    eigenaar = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="actiepunten")
    deadline = models.DateField()
    afgerond_op = models.DateField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["melding", "deadline", "id"]
        verbose_name_plural = "actiepunten"


class Doorbraakplan(TimeStampedModel):
    """The plan education, municipality and care make together when no offer was found in
    time (measure 9), with its deadline and the person with doorzettingsmacht. The default
    deadline and person come from the settings when the plan is asked for."""

    melding = models.OneToOneField(
        Verzuimmelding, on_delete=models.CASCADE, related_name="doorbraakplan"
    )
    gevraagd_op = models.DateField()
    uiterlijk = models.DateField()
    doorzettingsmacht = models.CharField(max_length=200)
    aanpak = models.TextField(blank=True)
    vastgesteld_op = models.DateField(null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "doorbraakplan"
        verbose_name_plural = "doorbraakplannen"
        constraints = [
            models.CheckConstraint(
                condition=Q(uiterlijk__gte=F("gevraagd_op")), name="doorbraak_uiterlijk_na_gevraagd"
            ),
            models.CheckConstraint(
                condition=Q(vastgesteld_op__isnull=True) | ~Q(aanpak=""),
                name="doorbraak_vastgesteld_met_aanpak",
            ),
        ]
