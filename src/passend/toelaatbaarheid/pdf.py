"""The decision letters as accessible PDFs (``toelaatbaarheid/pdf/besluit.html``, see
core.pdf): the decision with the objection clause (within 6 weeks, to whom, who advises),
and the beslissing op bezwaar with the appeal clause (beroep bij de rechtbank, 6 weeks).
After a beslissing op bezwaar the first letter still shows the original decision."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from passend.core.pdf import pdf_van_sjabloon
from passend.toelaatbaarheid.models import BeslissingOpBezwaar, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Besluit, Soort, beroep_uiterlijk, bezwaar_uiterlijk
from passend.toelaatbaarheid.selectors import regeling_van

SJABLOON = "toelaatbaarheid/pdf/besluit.html"


@dataclass(frozen=True)
class Besluitinhoud:
    """What one decision says (the original one, or the one on the objection)."""

    besluit: str
    schoolsoort: str
    bekostigingscategorie: int | None
    ingangsdatum: date | None
    einddatum: date | None
    motivering: str

    @property
    def toegekend(self) -> bool:
        return self.besluit == Besluit.TOEGEKEND

    @property
    def schoolsoort_label(self) -> str:
        return Soort(self.schoolsoort).label if self.schoolsoort else ""

    @property
    def besluit_label(self) -> str:
        return Besluit(self.besluit).label if self.besluit else ""


def beslissing_van(tlv: Toelaatbaarheidsverklaring) -> BeslissingOpBezwaar | None:
    bob: BeslissingOpBezwaar | None = getattr(tlv, "beslissing_op_bezwaar", None)
    return bob


def oorspronkelijk_besluit(tlv: Toelaatbaarheidsverklaring) -> Besluitinhoud:
    """The first decision as it was taken (kept in the beslissing op bezwaar when revised)."""
    bob = beslissing_van(tlv)
    if bob is not None:
        return Besluitinhoud(
            besluit=bob.oorspronkelijk_besluit,
            schoolsoort=bob.oorspronkelijke_schoolsoort,
            bekostigingscategorie=bob.oorspronkelijke_bekostigingscategorie,
            ingangsdatum=bob.oorspronkelijke_ingangsdatum,
            einddatum=bob.oorspronkelijke_einddatum,
            motivering=bob.oorspronkelijke_motivering,
        )
    return Besluitinhoud(
        besluit=tlv.besluit,
        schoolsoort=tlv.schoolsoort,
        bekostigingscategorie=tlv.bekostigingscategorie,
        ingangsdatum=tlv.ingangsdatum,
        einddatum=tlv.einddatum,
        motivering=tlv.motivering,
    )


def nieuw_besluit(bob: BeslissingOpBezwaar) -> Besluitinhoud:
    return Besluitinhoud(
        besluit=bob.besluit,
        schoolsoort=bob.schoolsoort,
        bekostigingscategorie=bob.bekostigingscategorie,
        ingangsdatum=bob.ingangsdatum,
        einddatum=bob.einddatum,
        motivering=bob.motivering,
    )


def brief_inhoud(tlv: Toelaatbaarheidsverklaring, *, op_bezwaar: bool = False) -> dict[str, Any]:
    """The template's plain context (uses the parts prefetched by ``tlv_voor_actor``)."""
    regeling = regeling_van(tlv.verantwoordelijk_swv)
    assert tlv.besluit_op is not None
    bob = beslissing_van(tlv) if op_bezwaar else None
    if op_bezwaar:
        assert bob is not None
        inhoud, datum = nieuw_besluit(bob), bob.beslist_op
    else:
        inhoud, datum = oorspronkelijk_besluit(tlv), tlv.besluit_op
    return {
        "tlv": tlv,
        "leerling": tlv.leerling,
        "swv": tlv.verantwoordelijk_swv,
        "vestiging": tlv.vestiging,
        "school": tlv.vestiging.school,
        "bestuur": tlv.vestiging.school.bestuur,
        "inhoud": inhoud,
        "datum": datum,
        "op_bezwaar": op_bezwaar,
        "beslissing": bob,
        "toegekend": inhoud.toegekend,
        "categorie": regeling.categorie_label(inhoud.bekostigingscategorie),
        "adviezen": list(tlv.adviezen.all()),
        "bezwaar_uiterlijk": bezwaar_uiterlijk(tlv.besluit_op),
        "beroep_uiterlijk": beroep_uiterlijk(bob.beslist_op) if bob is not None else None,
        "regeling": regeling,
        "afgedrukt_op": timezone.localtime(),
    }


def besluit_pdf(tlv: Toelaatbaarheidsverklaring, *, op_bezwaar: bool = False) -> bytes:
    return pdf_van_sjabloon(SJABLOON, brief_inhoud(tlv, op_bezwaar=op_bezwaar))
