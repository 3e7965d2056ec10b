"""Pure rules of the ouder- en jeugdsteunpunt: the vocabularies of a contact, what a valid
contact is, the school year and its quarters. No ORM, no ``now()``: ``vandaag`` is passed in.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from django.db import models


class Kanaal(models.TextChoices):
    TELEFOON = "telefoon", "Telefoon"
    EMAIL = "email", "E-mail"
    GESPREK = "gesprek", "Gesprek"
    CHAT = "chat", "Chat"


class Wie(models.TextChoices):
    OUDER = "ouder", "Ouder of verzorger"
    JONGERE = "jongere", "Jongere"
    PROFESSIONAL = "professional", "Professional"
    ANDERS = "anders", "Anders"


class Thema(models.TextChoices):
    AANMELDING = "aanmelding", "Aanmelding en toelating"
    ONDERSTEUNING = "ondersteuning", "Ondersteuning en OPP"
    TLV = "tlv", "TLV en speciaal onderwijs"
    THUISZITTEN = "thuiszitten", "Thuiszitten en verzuim"
    ONENIGHEID = "onenigheid", "Onenigheid met school"
    VERVOER = "vervoer", "Vervoer"
    JEUGDHULP = "jeugdhulp", "Jeugdhulp en zorg"
    INFORMATIE = "informatie", "Informatie"
    ANDERS = "anders", "Anders"


class Doorverwijzing(models.TextChoices):
    GEEN = "geen", "Geen"
    ONDERWIJSCONSULENT = "onderwijsconsulent", "Onderwijsconsulent"
    GPO_LBT = "gpo_lbt", "Geschillencommissie (GPO) of LBT"
    JEUGDHULP = "jeugdhulp", "Jeugdhulp"
    SCHOOL = "school", "School"
    SWV_LOKET = "swv_loket", "Loket van het samenwerkingsverband"
    ANDERS = "anders", "Anders"


#: A contact can be recorded up to this many days back (longer ago is a typing error).
MAX_DAGEN_TERUG = 366
SAMENVATTING_MAX = 2000
SIGNAAL_MAX = 2000


def contact_fouten(
    *,
    datum: date,
    vandaag: date,
    themas: Sequence[str],
    samenvatting: str,
    signaal: str,
    kanaal: str,
    wie: str,
    doorverwijzing: str,
) -> dict[str, str]:
    """The field errors of a contact (empty: valid). Consent is checked by the service."""
    fouten: dict[str, str] = {}
    if datum > vandaag:
        fouten["datum"] = "De datum van het contact ligt in de toekomst."
    elif (vandaag - datum).days > MAX_DAGEN_TERUG:
        fouten["datum"] = "De datum ligt meer dan een jaar terug. Controleer de datum."
    if not themas:
        fouten["themas"] = "Kies ten minste één thema."
    elif any(t not in Thema.values for t in themas):
        fouten["themas"] = "Kies alleen thema's uit de lijst."
    if kanaal not in Kanaal.values:
        fouten["kanaal"] = "Kies hoe het contact was."
    if wie not in Wie.values:
        fouten["wie"] = "Kies wie contact zocht."
    if doorverwijzing not in Doorverwijzing.values:
        fouten["doorverwijzing"] = "Kies een doorverwijzing, of 'Geen'."
    if not samenvatting.strip():
        fouten["samenvatting"] = "Schrijf kort waar het contact over ging."
    elif len(samenvatting) > SAMENVATTING_MAX:
        fouten["samenvatting"] = f"Houd de samenvatting korter dan {SAMENVATTING_MAX} tekens."
    if len(signaal) > SIGNAAL_MAX:
        fouten["signaal"] = f"Houd het signaal korter dan {SIGNAAL_MAX} tekens."
    return fouten


def noemt_naam(tekst: str, namen: Iterable[str]) -> bool:
    """Whether the text contains one of these names as a word (the signal for the board
    must not name the child)."""
    woorden = {w.strip(".,;:!?()\"'").casefold() for w in tekst.split()}
    return any(naam and naam.casefold() in woorden for naam in namen)


def periode_fouten(van: date, tot: date) -> dict[str, str]:
    if tot < van:
        return {"tot": "De einddatum ligt voor de begindatum."}
    if (tot - van).days > 3 * 366:
        return {"tot": "Kies een periode van ten hoogste drie jaar."}
    return {}
