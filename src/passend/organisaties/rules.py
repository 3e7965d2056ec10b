"""Pure rules about organisations: sectors, soorten, official codes. No ORM here."""

import re

from django.db import models


class Sector(models.TextChoices):
    PO = "PO", "Primair onderwijs"
    VO = "VO", "Voortgezet onderwijs"


class Soort(models.TextChoices):
    BAO = "bao", "Basisonderwijs"
    SBO = "sbo", "Speciaal basisonderwijs"
    SO = "so", "Speciaal onderwijs"
    VSO = "vso", "Voortgezet speciaal onderwijs"
    SO_VSO = "so_vso", "(Voortgezet) speciaal onderwijs"
    VO = "vo", "Voortgezet onderwijs"
    PRO = "pro", "Praktijkonderwijs"


#: The sectors whose samenwerkingsverband a location of each soort belongs to. A combined
#: (v)so location serves pupils of both sectors and so belongs to one SWV of each.
SECTOREN_VAN_SOORT: dict[str, tuple[str, ...]] = {
    Soort.BAO: (Sector.PO,),
    Soort.SBO: (Sector.PO,),
    Soort.SO: (Sector.PO,),
    Soort.VSO: (Sector.VO,),
    Soort.SO_VSO: (Sector.PO, Sector.VO),
    Soort.VO: (Sector.VO,),
    Soort.PRO: (Sector.VO,),
}

#: Soorten for which a toelaatbaarheidsverklaring is needed (DOMAIN.md 2.3).
TLV_SOORTEN = frozenset({Soort.SBO, Soort.SO, Soort.VSO, Soort.SO_VSO, Soort.PRO})

SWV_CODE = re.compile(r"^(PO|VO)\s*(\d{2})[-\s]?(\d{2})$")
BRIN = re.compile(r"^\d{2}[A-Z]{2}$")
VESTIGINGSCODE = re.compile(r"^\d{2}[A-Z]{2}\d{2}$")
POSTCODE = re.compile(r"^([1-9]\d{3})\s?([A-Z]{2})$")
GEMEENTECODE = re.compile(r"^\d{1,4}$")
BEVOEGD_GEZAG_NUMMER = re.compile(r"^\d{1,6}$")


def normaliseer_swv_code(code: str) -> str | None:
    """'PO 24-01', 'po2401' -> 'PO2401'; None when it is no SWV code."""
    match = SWV_CODE.match(code.strip().upper())
    if not match:
        return None
    return f"{match.group(1)}{match.group(2)}{match.group(3)}"


def sector_van_swv_code(code: str) -> str:
    return Sector.PO if code.startswith("PO") else Sector.VO


def normaliseer_postcode(postcode: str) -> str | None:
    """'5831 cr' -> '5831 CR' (the form DUO publishes); None when invalid."""
    match = POSTCODE.match(postcode.strip().upper())
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"


def normaliseer_gemeentecode(code: str) -> str | None:
    code = code.strip()
    if not GEMEENTECODE.match(code):
        return None
    return code.zfill(4)


def soort_mag_in_sector(soort: str, sector: str) -> bool:
    return sector in SECTOREN_VAN_SOORT[soort]
