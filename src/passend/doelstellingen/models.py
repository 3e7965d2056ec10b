"""The doelstellingenmonitor: yearly survey waves on the 7 goals of passend onderwijs.

- A ``Meting`` (wave) belongs to one SWV, or to nobody (a national wave run by the
  ministry). At most one baseline (``is_nulmeting``) per SWV (and one national).
- A wave has one ``Vragenlijst`` per respondent group; its ``Vraag`` rows are a snapshot of
  the items (code, goal, text, scale) at the time the wave was prepared. Items with the
  same ``code`` are compared between waves.
- An ``Uitnodiging`` is an anonymous single-use code (only its hash is stored) for one
  questionnaire, one SWV and, for school groups, one school location. It names no person.
- A ``Respons`` is one filled-in questionnaire with its ``Antwoord`` rows. **Anonymity:**
  a response has no link to its invitation (no foreign key, no code, no time of day); the
  invitation only turns ``gebruikt``. Neither model has a "changed at" time stamp, so the
  moment of answering cannot be matched either.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from passend.core.models import TimeStampedModel
from passend.doelstellingen.rules import Doelstelling, Metingstatus, Respondentgroep, Schaal


class Meting(TimeStampedModel):
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg: een landelijke meting van het ministerie.",
    )
    naam = models.CharField(max_length=200)
    jaar = models.PositiveSmallIntegerField()
    is_nulmeting = models.BooleanField("nulmeting", default=False)
    status = models.CharField(
        max_length=10, choices=Metingstatus.choices, default=Metingstatus.CONCEPT
    )
    open_van = models.DateField("open vanaf")
    open_tot = models.DateField("open tot en met")
    geopend_op = models.DateTimeField(null=True, blank=True)
    gesloten_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    revisie = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-jaar", "naam"]
        verbose_name = "meting"
        verbose_name_plural = "metingen"
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "jaar"], name="een_meting_per_swv_per_jaar"
            ),
            models.UniqueConstraint(
                fields=["jaar"],
                condition=Q(samenwerkingsverband__isnull=True),
                name="een_landelijke_meting_per_jaar",
            ),
            models.UniqueConstraint(
                fields=["samenwerkingsverband"],
                condition=Q(is_nulmeting=True),
                name="een_nulmeting_per_swv",
            ),
            models.UniqueConstraint(
                fields=["is_nulmeting"],
                condition=Q(is_nulmeting=True, samenwerkingsverband__isnull=True),
                name="een_landelijke_nulmeting",
            ),
            models.CheckConstraint(
                condition=Q(open_tot__gte=models.F("open_van")), name="meting_open_tot_na_van"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_landelijk(self) -> bool:
        return self.samenwerkingsverband_id is None


class Vragenlijst(models.Model):
    meting = models.ForeignKey(Meting, on_delete=models.CASCADE, related_name="vragenlijsten")
    respondentgroep = models.CharField(max_length=20, choices=Respondentgroep.choices)
    kindvriendelijk = models.BooleanField(default=False)
    inleiding = models.TextField(blank=True)

    class Meta:
        ordering = ["meting", "respondentgroep"]
        verbose_name = "vragenlijst"
        verbose_name_plural = "vragenlijsten"
        constraints = [
            models.UniqueConstraint(
                fields=["meting", "respondentgroep"], name="een_vragenlijst_per_groep"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meting}: {self.get_respondentgroep_display()}"


class Vraag(models.Model):
    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.CASCADE, related_name="vragen")
    #: Stable over waves (e.g. ``D2.gehoord``): results are compared by code.
    code = models.CharField(max_length=40)
    doelstelling = models.PositiveSmallIntegerField(choices=Doelstelling.choices)
    tekst = models.CharField(max_length=400)
    schaal = models.CharField(max_length=12, choices=Schaal.choices)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["vragenlijst", "doelstelling", "volgorde", "id"]
        verbose_name = "vraag"
        verbose_name_plural = "vragen"
        constraints = [
            models.UniqueConstraint(
                fields=["vragenlijst", "code"], name="vraagcode_uniek_per_lijst"
            )
        ]

    def __str__(self) -> str:
        return self.tekst


class Uitnodiging(models.Model):
    """One anonymous single-use code. No person, no time of use (see the module docstring)."""

    vragenlijst = models.ForeignKey(
        Vragenlijst, on_delete=models.CASCADE, related_name="uitnodigingen"
    )
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    vestiging = models.ForeignKey(
        "organisaties.Vestiging",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Voor leerlingen, ouders en schoolpersoneel: de school.",
    )
    code_hash = models.CharField(max_length=64, unique=True)
    gebruikt = models.BooleanField(default=False)
    aangemaakt_op = models.DateField(auto_now_add=True)

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        indexes = [models.Index(fields=["vragenlijst", "vestiging", "gebruikt"])]

    def __str__(self) -> str:
        return f"Uitnodiging voor {self.vragenlijst}"


class Respons(models.Model):
    """One filled-in questionnaire: no link to its invitation, no time stamp."""

    vragenlijst = models.ForeignKey(Vragenlijst, on_delete=models.CASCADE, related_name="responsen")
    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "respons"
        verbose_name_plural = "responsen"

    def __str__(self) -> str:
        return f"Respons op {self.vragenlijst}"


class Antwoord(models.Model):
    respons = models.ForeignKey(Respons, on_delete=models.CASCADE, related_name="antwoorden")
    vraag = models.ForeignKey(Vraag, on_delete=models.CASCADE, related_name="antwoorden")
    waarde = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
        constraints = [
            models.UniqueConstraint(
                fields=["respons", "vraag"], name="doelstellingen_een_antwoord_per_vraag"
            ),
            models.CheckConstraint(
                condition=Q(waarde__gte=1, waarde__lte=10), name="antwoord_1_tot_10"
            ),
        ]

    def __str__(self) -> str:
        return f"Antwoord {self.waarde}"
