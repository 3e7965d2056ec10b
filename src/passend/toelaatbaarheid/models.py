"""The toelaatbaarheidsverklaring (TLV): the request from the OPP, the deskundigen's advice,
the decision, bezwaar and verlenging; the SWV's deskundigen pool and its TLV settings."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from passend.core.models import TimeStampedModel
from passend.toelaatbaarheid.rules import (
    Besluit,
    Conclusie,
    Indiener,
    Soort,
    Status,
    Uitkomst,
)


class Tlvregeling(TimeStampedModel):
    """One SWV's own TLV settings. Without a row the defaults of ``settings.PASSEND`` count
    (``selectors.regeling_van``)."""

    samenwerkingsverband = models.OneToOneField(
        "organisaties.Samenwerkingsverband", on_delete=models.CASCADE, related_name="tlvregeling"
    )
    tweede_deskundigen = models.JSONField(
        "beroepen van de tweede deskundige",
        help_text="De eerste deskundige is altijd een orthopedagoog of psycholoog.",
    )
    categorie_labels = models.JSONField("namen van categorie 1, 2 en 3")
    minimale_duur_maanden = models.PositiveSmallIntegerField("minimale duur (maanden)")
    maximale_duur_maanden = models.PositiveSmallIntegerField(
        "maximale duur (maanden)", null=True, blank=True
    )
    einde_signaal_maanden = models.PositiveSmallIntegerField(
        "signaal voor het einde (maanden vooraf)"
    )
    bezwaar_indienen_bij = models.CharField(
        "bezwaar indienen bij", max_length=500, help_text="Naam en adres, voor de besluitbrief."
    )
    bezwaaradviescommissie = models.CharField(max_length=300)

    class Meta:
        verbose_name = "TLV-regeling"
        verbose_name_plural = "TLV-regelingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(maximale_duur_maanden__isnull=True)
                | Q(maximale_duur_maanden__gte=F("minimale_duur_maanden")),
                name="tlvregeling_max_na_min",
            )
        ]

    def __str__(self) -> str:
        return f"TLV-regeling van {self.samenwerkingsverband}"


class Deskundige(TimeStampedModel):
    """A person in the SWV's pool of deskundigen who advise on TLV requests."""

    samenwerkingsverband = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="deskundigen"
    )
    naam = models.CharField(max_length=200)
    beroep = models.CharField(max_length=100)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Met een eigen inlog legt de deskundige het advies zelf vast.",
    )
    school = models.ForeignKey(
        "organisaties.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="De school waar de deskundige (ook) werkt, als dat zo is.",
    )
    actief = models.BooleanField(default=True)

    class Meta:
        ordering = ["samenwerkingsverband", "naam", "id"]
        verbose_name_plural = "deskundigen"
        constraints = [
            models.UniqueConstraint(
                fields=["samenwerkingsverband", "gebruiker"],
                condition=Q(gebruiker__isnull=False),
                name="deskundige_een_keer_per_swv",
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.beroep})"


class Toelaatbaarheidsverklaring(TimeStampedModel):
    """A TLV request and, once decided, the verklaring itself. Built from one vastgesteld
    OPP version (frozen, so everything that came along stays as it was)."""

    sleutel = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="toelaatbaarheidsverklaringen"
    )
    opp = models.ForeignKey(
        "ondersteuning.Ontwikkelingsperspectief",
        on_delete=models.PROTECT,
        related_name="toelaatbaarheidsverklaringen",
    )
    vestiging = models.ForeignKey(
        "organisaties.Vestiging",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De vestiging van de school die aanvraagt.",
    )
    soort = models.CharField("gevraagde soort", max_length=3, choices=Soort.choices)
    toelichting = models.TextField("toelichting van de school", blank=True)
    vorige = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verlenging",
        help_text="Bij een verlenging: de TLV die wordt verlengd.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.INGEDIEND)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Grensverkeer: who decides, and both SWVs involved.
    verantwoordelijk_swv = models.ForeignKey(
        "organisaties.Samenwerkingsverband", on_delete=models.PROTECT, related_name="+"
    )
    woonregio_swv = models.ForeignKey(
        "organisaties.Samenwerkingsverband",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    school_swv = models.ForeignKey(
        "organisaties.Samenwerkingsverband",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    eerste_inschrijving = models.BooleanField(default=False)
    grensverkeer = models.BooleanField(default=False)
    # The desk: received and complete.
    ontvangen_op = models.DateField()
    compleet_op = models.DateField(null=True, blank=True)
    compleet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The decision.
    besluit = models.CharField(max_length=20, choices=Besluit.choices, blank=True)
    besluit_op = models.DateField(null=True, blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    schoolsoort = models.CharField(max_length=3, choices=Soort.choices, blank=True)
    bekostigingscategorie = models.PositiveSmallIntegerField(null=True, blank=True)
    ingangsdatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    motivering = models.TextField(blank=True)
    # Withdrawn by the school before the decision.
    ingetrokken_op = models.DateField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reden_intrekking = models.TextField("reden van intrekken", blank=True)

    class Meta:
        ordering = ["-ontvangen_op", "-id"]
        verbose_name = "toelaatbaarheidsverklaring"
        verbose_name_plural = "toelaatbaarheidsverklaringen"
        indexes = [
            models.Index(fields=["verantwoordelijk_swv", "status"]),
            models.Index(fields=["einddatum"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(ingangsdatum__isnull=False, einddatum__gt=F("ingangsdatum")),
                name="tlv_einde_na_ingang",
            ),
            models.CheckConstraint(
                condition=Q(bekostigingscategorie__isnull=True)
                | Q(bekostigingscategorie__in=[1, 2, 3]),
                name="tlv_categorie_1_2_3",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["toegekend", "afgewezen"])
                | Q(besluit_op__isnull=False, compleet_op__isnull=False),
                name="tlv_besluit_gedateerd",
            ),
            models.CheckConstraint(
                condition=~Q(status="toegekend")
                | Q(ingangsdatum__isnull=False, einddatum__isnull=False),
                name="tlv_toegekend_heeft_periode",
            ),
            models.CheckConstraint(
                condition=Q(compleet_op__isnull=True) | Q(compleet_op__gte=F("ontvangen_op")),
                name="tlv_compleet_na_ontvangst",
            ),
            models.CheckConstraint(
                condition=~Q(status="ingetrokken")
                | Q(ingetrokken_op__isnull=False, ingetrokken_op__gte=F("ontvangen_op")),
                name="tlv_intrekken_gedateerd",
            ),
            # One request per pupil is being handled at a time.
            models.UniqueConstraint(
                fields=["leerling"],
                condition=Q(status__in=["ingediend", "compleet"]),
                name="een_lopende_tlv_aanvraag_per_leerling",
                violation_error_code="loopt_al",
                violation_error_message=(
                    "Er loopt al een TLV-aanvraag voor deze leerling. Wacht op het besluit daarover."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"TLV {self.kenmerk} ({self.get_soort_display()})"

    @property
    def kenmerk(self) -> str:
        """A short, readable reference (the start of the key)."""
        return str(self.sleutel)[:8].upper()

    @property
    def is_verlenging(self) -> bool:
        return self.vorige_id is not None


class Advies(TimeStampedModel):
    """The advice of one deskundige on one request. Never edited."""

    tlv = models.ForeignKey(
        Toelaatbaarheidsverklaring, on_delete=models.PROTECT, related_name="adviezen"
    )
    deskundige = models.ForeignKey(Deskundige, on_delete=models.PROTECT, related_name="adviezen")
    beroep = models.CharField(max_length=100, help_text="Het beroep toen het advies werd gegeven.")
    conclusie = models.CharField(max_length=20, choices=Conclusie.choices)
    toelichting = models.TextField()
    datum = models.DateField()
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["tlv", "datum", "id"]
        verbose_name_plural = "adviezen"
        constraints = [
            models.UniqueConstraint(fields=["tlv", "deskundige"], name="een_advies_per_deskundige")
        ]

    def __str__(self) -> str:
        return f"Advies van {self.deskundige} ({self.datum})"


class Bezwaar(TimeStampedModel):
    """An objection to a decision, by the parents or the board, recorded by the SWV."""

    tlv = models.ForeignKey(
        Toelaatbaarheidsverklaring, on_delete=models.PROTECT, related_name="bezwaren"
    )
    indiener = models.CharField(max_length=20, choices=Indiener.choices)
    ingediend_op = models.DateField()
    te_laat = models.BooleanField(
        default=False, help_text="Na de bezwaartermijn van 6 weken ingediend (wel aanvaard)."
    )
    omschrijving = models.TextField("waar het bezwaar over gaat")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    adviesaanvraag_op = models.DateField(
        "advies gevraagd aan de bezwaaradviescommissie op", null=True, blank=True
    )
    advies_ontvangen_op = models.DateField(null=True, blank=True)
    advies = models.TextField("advies van de commissie", blank=True)
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices, blank=True)
    uitkomst_op = models.DateField(null=True, blank=True)
    toelichting_uitkomst = models.TextField(blank=True)

    class Meta:
        ordering = ["tlv", "ingediend_op", "id"]
        verbose_name_plural = "bezwaren"
        constraints = [
            models.CheckConstraint(
                condition=Q(adviesaanvraag_op__isnull=True)
                | Q(adviesaanvraag_op__gte=F("ingediend_op")),
                name="bezwaar_adviesaanvraag_na_indiening",
            ),
            models.CheckConstraint(
                condition=Q(advies_ontvangen_op__isnull=True)
                | Q(
                    adviesaanvraag_op__isnull=False,
                    advies_ontvangen_op__gte=F("adviesaanvraag_op"),
                ),
                name="bezwaar_advies_na_aanvraag",
            ),
            models.CheckConstraint(
                condition=Q(uitkomst="", uitkomst_op__isnull=True)
                | (~Q(uitkomst="") & Q(uitkomst_op__gte=F("ingediend_op"))),
                name="bezwaar_uitkomst_gedateerd",
            ),
        ]

    def __str__(self) -> str:
        return f"Bezwaar van {self.get_indiener_display().lower()} ({self.ingediend_op})"


class AanvullendeVraag(TimeStampedModel):
    """An extra question of the SWV's request form (DOMAIN.md §2.3: configurable per SWV).
    The school answers it after submitting; a required one must be answered before the desk
    declares the request complete."""

    regeling = models.ForeignKey(Tlvregeling, on_delete=models.CASCADE, related_name="vragen")
    tekst = models.CharField("vraag", max_length=300)
    toelichting = models.CharField("uitleg bij de vraag", max_length=500, blank=True)
    verplicht = models.BooleanField(default=False)
    actief = models.BooleanField(default=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["regeling", "volgorde", "id"]
        verbose_name = "aanvullende vraag"
        verbose_name_plural = "aanvullende vragen"

    def __str__(self) -> str:
        return self.tekst


class AanvullendAntwoord(TimeStampedModel):
    """The school's answer to one extra question on one request. The question's text is
    copied when answering, so a later change of the regeling leaves the record as it was."""

    tlv = models.ForeignKey(
        Toelaatbaarheidsverklaring, on_delete=models.PROTECT, related_name="antwoorden"
    )
    vraag = models.ForeignKey(AanvullendeVraag, on_delete=models.PROTECT, related_name="+")
    vraagtekst = models.CharField(max_length=300)
    verplicht = models.BooleanField(default=False)
    antwoord = models.TextField()
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["tlv", "vraag__volgorde", "vraag_id"]
        verbose_name = "antwoord op een aanvullende vraag"
        verbose_name_plural = "antwoorden op aanvullende vragen"
        constraints = [
            models.UniqueConstraint(fields=["tlv", "vraag"], name="een_antwoord_per_vraag")
        ]

    def __str__(self) -> str:
        return f"Antwoord op '{self.vraagtekst}'"


class BeslissingOpBezwaar(TimeStampedModel):
    """The SWV's new decision after a bezwaar was judged gegrond (once per TLV). The TLV then
    holds the decision in force; this row keeps the original decision as it was (history,
    never edited) next to the new one."""

    tlv = models.OneToOneField(
        Toelaatbaarheidsverklaring, on_delete=models.PROTECT, related_name="beslissing_op_bezwaar"
    )
    bezwaar = models.ForeignKey(Bezwaar, on_delete=models.PROTECT, related_name="+")
    beslist_op = models.DateField()
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The new decision.
    besluit = models.CharField(max_length=20, choices=Besluit.choices)
    schoolsoort = models.CharField(max_length=3, choices=Soort.choices, blank=True)
    bekostigingscategorie = models.PositiveSmallIntegerField(null=True, blank=True)
    ingangsdatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    motivering = models.TextField()
    # The original decision, as it was.
    oorspronkelijk_besluit = models.CharField(max_length=20, choices=Besluit.choices)
    oorspronkelijke_schoolsoort = models.CharField(max_length=3, choices=Soort.choices, blank=True)
    oorspronkelijke_bekostigingscategorie = models.PositiveSmallIntegerField(null=True, blank=True)
    oorspronkelijke_ingangsdatum = models.DateField(null=True, blank=True)
    oorspronkelijke_einddatum = models.DateField(null=True, blank=True)
    oorspronkelijke_motivering = models.TextField()

    class Meta:
        verbose_name = "beslissing op bezwaar"
        verbose_name_plural = "beslissingen op bezwaar"
        constraints = [
            models.CheckConstraint(
                condition=~Q(besluit="toegekend")
                | Q(ingangsdatum__isnull=False, einddatum__gt=F("ingangsdatum")),
                name="bob_toegekend_heeft_periode",
            ),
            models.CheckConstraint(
                condition=Q(bekostigingscategorie__isnull=True)
                | Q(bekostigingscategorie__in=[1, 2, 3]),
                name="bob_categorie_1_2_3",
            ),
        ]

    def __str__(self) -> str:
        return f"Beslissing op bezwaar ({self.beslist_op})"
