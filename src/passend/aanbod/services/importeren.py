"""The SWV's CSV import of its region's offer (format: ``aanbodbestand``).

All or nothing: every row is checked first (the format, the location is in the SWV's
region, an area once per location, and with "publish" the areas of the landelijke norm);
only when there is no error at all is anything written, each location and school year
through ``services.aanbod`` (``concept_aanbod`` → ``aanbod_opslaan`` → optionally
``aanbod_publiceren``), in one transaction. An error while writing (someone saved the same
concept a moment earlier) rolls everything back and is reported like a row error.

What a location's rows say replaces the content of its concept for that school year: an
area without a row is no longer part of it. Locations without rows are left alone.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from passend.aanbod.aanbodbestand import (
    Aanbodregel,
    Bestandsfout,
    Leesresultaat,
    bestand_lezen,
    gedeelde_waarde,
    per_vestiging,
)
from passend.aanbod.models import Ondersteuningsgebied
from passend.aanbod.permissions import beleid, vestiging_zichtbaarheid
from passend.aanbod.rules import (
    Faciliteit,
    ontbrekende_normgebieden,
    schooljaren_om_te_beschrijven,
    wachtlijst_past_bij_soort,
)
from passend.aanbod.services.aanbod import (
    Gebiedsinvoer,
    aanbod_opslaan,
    aanbod_publiceren,
    concept_aanbod,
)
from passend.aanbod.services.basis import Conflict
from passend.organisaties.models import Vestiging


class ImportMislukt(Exception):
    """Nothing was written: these are the problems, per row and column."""

    def __init__(self, fouten: list[Bestandsfout]) -> None:
        super().__init__(f"{len(fouten)} fout(en) in het bestand")
        self.fouten = sorted(fouten, key=lambda f: (f.regel, f.kolom))


@dataclass(frozen=True)
class Vestigingsuitkomst:
    vestiging: Vestiging
    schooljaar: str
    gebieden: int
    gepubliceerd: bool


@dataclass
class Importresultaat:
    regels: int = 0
    vestigingen: list[Vestigingsuitkomst] = field(default_factory=list)

    @property
    def gebieden(self) -> int:
        return sum(v.gebieden for v in self.vestigingen)

    @property
    def gepubliceerd(self) -> int:
        return sum(1 for v in self.vestigingen if v.gepubliceerd)


def importeerbare_schooljaren(vandaag: date) -> tuple[str, ...]:
    """The running school year and the next, as for the schools themselves."""
    return schooljaren_om_te_beschrijven(vandaag)


def _vestigingen_controleren(actor: Any, gelezen: Leesresultaat) -> dict[str, Vestiging]:
    """The region's locations named in the file; every row naming an unknown location or
    one outside the SWV's region is an error."""
    codes = set(gelezen.codes.values())
    bestaand = set(
        Vestiging.objects.filter(vestigingscode__in=codes).values_list("vestigingscode", flat=True)
    )
    in_regio = {
        v.vestigingscode: v
        for v in Vestiging.objects.filter(vestiging_zichtbaarheid(actor), vestigingscode__in=codes)
        .select_related("school")
        .order_by()
    }
    for regel, code in sorted(gelezen.codes.items()):
        if code in in_regio:
            continue
        melding = (
            f"vestiging {code} hoort niet bij uw samenwerkingsverband. U kunt alleen het aanbod "
            "van vestigingen in uw regio inlezen."
            if code in bestaand
            else f"vestiging {code} is niet bekend in Passend."
        )
        gelezen.fouten.append(Bestandsfout(regel, "vestigingscode", melding))
    return in_regio


def _capaciteit_controleren(gelezen: Leesresultaat, vestigingen: dict[str, Vestiging]) -> None:
    """A number of places only for an sbo, so or vso location (as ``aanbod_opslaan``
    demands): any other row with one is an error on its own row."""
    for regel in gelezen.regels:
        vestiging = vestigingen.get(regel.vestigingscode)
        if (
            regel.capaciteit is not None
            and vestiging is not None
            and not wachtlijst_past_bij_soort(vestiging.soort)
        ):
            gelezen.fouten.append(
                Bestandsfout(
                    regel.regel,
                    "capaciteit",
                    f"vestiging {regel.vestigingscode} is geen sbo, so of vso. Alleen die "
                    "geven een aantal plaatsen op: laat de cel leeg.",
                )
            )


def _normgebieden_controleren(
    groepen: dict[tuple[str, str], list[Aanbodregel]], gelezen: Leesresultaat
) -> None:
    """With "publish": every location's rows describe the basisondersteuning of each area of
    the landelijke norm (else that location is an error, and nothing is written). Locations
    with a row that has an error of its own are not judged yet."""
    normgebieden = dict(
        Ondersteuningsgebied.objects.filter(landelijke_norm=True, actief=True).values_list(
            "code", "naam"
        )
    )
    for (code, schooljaar), regels in groepen.items():
        if (code, schooljaar) in gelezen.onvolledig:
            continue
        beschreven = {r.gebied for r in regels if r.basisondersteuning}
        ontbrekend = ontbrekende_normgebieden(normgebieden=normgebieden, beschreven=beschreven)
        if ontbrekend:
            gelezen.fouten.append(
                Bestandsfout(
                    regels[0].regel,
                    "basisondersteuning",
                    f"het aanbod van {code} voor {schooljaar} kan niet gepubliceerd worden: "
                    f"beschrijf ook de basisondersteuning voor {', '.join(ontbrekend)}. "
                    "Of lees het bestand in zonder te publiceren.",
                )
            )


def _schrijven(
    actor: Any,
    vestiging: Vestiging,
    schooljaar: str,
    regels: list[Aanbodregel],
    gebied_ids: dict[str, int],
    publiceren: bool,
) -> Vestigingsuitkomst:
    concept = concept_aanbod(actor=actor, vestiging=vestiging, schooljaar=schooljaar)
    toelichting = gedeelde_waarde(regels, "toelichting")
    contact = gedeelde_waarde(regels, "contact")
    opgeslagen = aanbod_opslaan(
        actor=actor,
        aanbod=concept,
        revisie=concept.revisie,
        toelichting=concept.toelichting if toelichting is None else toelichting,
        contact=concept.contact if contact is None else contact,
        gebieden=[
            Gebiedsinvoer(
                gebied_id=gebied_ids[r.gebied],
                basisondersteuning=r.basisondersteuning,
                extra_ondersteuning=r.extra_ondersteuning,
                expertise=r.expertise,
                faciliteiten=r.faciliteiten,
                capaciteit=r.capaciteit,
            )
            for r in regels
        ],
    )
    if publiceren:
        aanbod_publiceren(actor=actor, aanbod=opgeslagen, revisie=opgeslagen.revisie)
    return Vestigingsuitkomst(
        vestiging=vestiging, schooljaar=schooljaar, gebieden=len(regels), gepubliceerd=publiceren
    )


def aanbod_importeren(
    *, actor: Any, bron: bytes, publiceren: bool, vandaag: date
) -> Importresultaat:
    """Read the file and, when it has no error at all, write the offer of every location in
    it (as a concept, or published when ``publiceren``). Raises ``ImportMislukt`` with every
    problem otherwise; nothing is written then."""
    beleid.eis(actor, "regio_importeren")
    gebieden = {g.code: g for g in Ondersteuningsgebied.objects.filter(actief=True)}
    gelezen = bestand_lezen(
        bron,
        gebieden={code: g.naam for code, g in gebieden.items()},
        faciliteiten={str(code): str(label) for code, label in Faciliteit.choices},
        schooljaren=importeerbare_schooljaren(vandaag),
    )
    if gelezen.bestandsfout:
        raise ImportMislukt(gelezen.fouten)
    groepen = per_vestiging(gelezen.regels)
    vestigingen = _vestigingen_controleren(actor, gelezen)
    _capaciteit_controleren(gelezen, vestigingen)
    if publiceren:
        _normgebieden_controleren(groepen, gelezen)
    if gelezen.fouten:
        raise ImportMislukt(gelezen.fouten)
    gebied_ids = {code: g.pk for code, g in gebieden.items()}
    resultaat = Importresultaat(regels=len(gelezen.regels))
    sleutel: tuple[str, str] = ("", "")
    try:
        with transaction.atomic():
            for sleutel, groep in groepen.items():
                code, schooljaar = sleutel
                resultaat.vestigingen.append(
                    _schrijven(actor, vestigingen[code], schooljaar, groep, gebied_ids, publiceren)
                )
    except (Conflict, ValidationError) as fout:
        melding = fout.melding if isinstance(fout, Conflict) else " ".join(fout.messages)
        eerste = groepen[sleutel][0]
        raise ImportMislukt(
            [
                Bestandsfout(
                    eerste.regel,
                    "vestigingscode",
                    f"het aanbod van {sleutel[0]} voor {sleutel[1]} is niet opgeslagen: "
                    f"{melding} Er is niets ingelezen; probeer het opnieuw.",
                )
            ]
        ) from None
    return resultaat
