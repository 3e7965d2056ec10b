"""What the demo schools write about their support offer: plain Dutch (B1), per area and
per kind of school. The planner picks sentences from these lists with a seeded random
generator, so schools of the same kind read alike but not the same.

Three profiles: ``po`` (basisschool), ``vo`` (regular secondary school) and ``speciaal``
(sbo, so, vso and praktijkonderwijs). The ``speciaal`` texts say ``{kind}``/``{kinderen}``
(capitalised: ``{Kinderen}``) and ``{elk}``/``{Elk}``: "elk kind" at sbo and so, "elke
leerling" at vso and pro.
"""

from passend.demo.bouwer.aanbod.teksten.andere_gebieden import ANDERE_GEBIEDEN
from passend.demo.bouwer.aanbod.teksten.normgebieden import NORMGEBIEDEN
from passend.demo.bouwer.aanbod.teksten.soorten import (
    CONTACT,
    KANS,
    PROFIEL,
    TOELICHTING,
    WOORDEN,
    Gebiedsteksten,
)

__all__ = ["CONTACT", "KANS", "PROFIEL", "TEKSTEN", "TOELICHTING", "WOORDEN", "Gebiedsteksten"]

#: Per area code and profile: the sentences to choose from.
TEKSTEN: dict[str, dict[str, Gebiedsteksten]] = {**NORMGEBIEDEN, **ANDERE_GEBIEDEN}
