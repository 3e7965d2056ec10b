"""Letters to the parents as accessible PDFs (PDF/UA-1, see core.pdf): the extension of the
decision term (the law requires it in writing) and the decision on the registration."""

from typing import Any

from django.utils import timezone
from django.utils.text import slugify

from passend.core.pdf import pdf_van_sjabloon
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.rules import BESLISTERMIJN_DAGEN, TOELATINGEN, Uitkomst

VERLENGING = "zorgplicht/pdf/verlenging.html"
BESLUIT = "zorgplicht/pdf/besluit.html"


def brief_inhoud(aanmelding: Aanmelding) -> dict[str, Any]:
    """The templates' plain context (the relations are fetched by the selector)."""
    leerling = aanmelding.leerling
    return {
        "aanmelding": aanmelding,
        "leerling": leerling,
        "naam": leerling.roepnaam or leerling.voornamen,
        "vestiging": aanmelding.vestiging,
        "school": aanmelding.vestiging.school,
        "bestuur": aanmelding.vestiging.school.bestuur,
        "beslistermijn_weken": BESLISTERMIJN_DAGEN // 7,
        "toegelaten": aanmelding.uitkomst in TOELATINGEN,
        "geweigerd": aanmelding.uitkomst in (Uitkomst.GEPLAATST_ELDERS, Uitkomst.AFGEWEZEN_VOL),
        "afgedrukt_op": timezone.localtime(),
    }


def verlengingsbrief(aanmelding: Aanmelding) -> bytes:
    return pdf_van_sjabloon(VERLENGING, brief_inhoud(aanmelding))


def besluitbrief(aanmelding: Aanmelding) -> bytes:
    return pdf_van_sjabloon(BESLUIT, brief_inhoud(aanmelding))


def bestandsnaam(soort: str, aanmelding: Aanmelding) -> str:
    """``aanmelding-<soort>-<achternaam>.pdf``, ASCII only."""
    return f"aanmelding-{soort}-{slugify(aanmelding.leerling.achternaam) or 'leerling'}.pdf"
