"""Plain context of one OPP version for the school's pages (everything prefetched)."""

from typing import Any

from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import FactorSoort, uiterste_vaststeldatum
from passend.ondersteuning.selectors import laatste_instemming
from passend.organisaties.rules import Soort

#: Locations where each evaluation checks whether a return to regular education is possible.
SPECIAAL_ONDERWIJS = frozenset({Soort.SO, Soort.VSO, Soort.SO_VSO})


def inhoud(opp: Ontwikkelingsperspectief) -> dict[str, Any]:
    """Plain context of one version's parts (all prefetched: no queries per row)."""
    factoren = list(opp.factoren.all())
    return {
        "opp": opp,
        "leerling": opp.leerling,
        "belemmerend": [f for f in factoren if f.soort == FactorSoort.BELEMMEREND],
        "bevorderend": [f for f in factoren if f.soort == FactorSoort.BEVORDEREND],
        "factoren": factoren,
        "doelen": list(opp.doelen.all()),
        "overleggen": list(opp.overleggen.all()),
        "stemmen": list(opp.leerlingstemmen.all()),
        "instemmingen": sorted(opp.instemmingen.all(), key=lambda i: (i.tijdstip, i.pk)),
        "laatste_instemming": laatste_instemming(opp),
        "evaluaties": list(opp.evaluaties.all()),
        "uiterste_vaststeldatum": uiterste_vaststeldatum(opp.start_extra_ondersteuning),
        "speciaal_onderwijs": opp.vestiging.soort in SPECIAAL_ONDERWIJS,
    }
