"""The monitor policy: who reads the region's figures and the dekkend netwerk analyses.

- The SWV's directeur and functioneel beheerder read their own region's KPI dashboard in
  detail (no suppression); its board or supervisors (``TOEZICHTHOUDER``) and the members
  of its ondersteuningsplanraad (``OPR_LID``) read the same dashboard with small cells
  suppressed. Nobody reads another SWV's dashboard (a 404).
- The inspectorate and the ministry (``ALLEEN_AGGREGATEN``) read every SWV's figures side
  by side (``kpi_landelijk``, always suppressed) and nothing else: no per-SWV dashboard,
  whose suppression within one SWV could show a cell the national table hides as a
  complement (the two together would reveal a small count).
- The dekkend netwerk analyses of an SWV are read and started only by its directeur and
  functioneel beheerder: they show demand per postcode area and location, too fine for the
  board and the OPR (who read the suppressed dashboard) and for the inspectorate.

The monitor shows figures, never a pupil; every read of figures computed from pupil data
is logged (``monitor`` object types) by the selectors.
"""

from typing import Any

import rules
from django.db.models import Q, QuerySet

from passend.accounts.rules import ALLEEN_AGGREGATEN, Rolsoort
from passend.core.permissions import Beleid, rolregels
from passend.monitor.models import Netwerkanalyse

R = Rolsoort

#: SWV roles that read their own region's figures.
SWV_LEZERS = frozenset({R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER, R.TOEZICHTHOUDER, R.OPR_LID})
#: SWV roles that see their region's figures without suppression and run analyses.
SWV_ANALISTEN = frozenset({R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER})

ROLLEN: dict[str, frozenset[str]] = {
    # The KPI dashboard of the own SWV (object: the Samenwerkingsverband).
    "kpi": SWV_LEZERS,
    # The KPI dashboard without small-cell suppression.
    "kpi_ongemaskeerd": SWV_ANALISTEN,
    # Every SWV side by side (suppressed).
    "kpi_landelijk": ALLEEN_AGGREGATEN,
    # Dekkend netwerk analyses (object: the Netwerkanalyse, or the SWV for a list).
    "netwerk_bekijken": SWV_ANALISTEN,
    "netwerk_berekenen": SWV_ANALISTEN,
}
OBJECTACTIES = ("kpi", "kpi_ongemaskeerd", "netwerk_bekijken", "netwerk_berekenen")

WEIGERREDENEN = {
    "kpi": "alleen het samenwerkingsverband, zijn toezicht en de OPR lezen de monitor van het "
    "samenwerkingsverband",
    "kpi_ongemaskeerd": "alleen de directeur en de functioneel beheerder zien kleine aantallen",
    "kpi_landelijk": "alleen de inspectie en het ministerie zien alle samenwerkingsverbanden",
    "netwerk_bekijken": "alleen de directeur en de functioneel beheerder lezen de analyses van het netwerk",
    "netwerk_berekenen": "alleen de directeur en de functioneel beheerder starten een analyse",
}


def _swv_id(obj: Any) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, Netwerkanalyse):
        return obj.samenwerkingsverband_id
    return getattr(obj, "pk", None)


@rules.predicate
def in_zicht(actor: Any, obj: Any) -> bool:
    """The own SWV (or an analysis of it): every object action is about the actor's SWV."""
    swv_id = _swv_id(obj)
    if swv_id is None:
        return False
    return actor.rol.samenwerkingsverband_id == swv_id


class MonitorBeleid(Beleid[Netwerkanalyse]):
    weigerredenen = WEIGERREDENEN
    regels = rolregels(ROLLEN, objectacties=OBJECTACTIES, in_zicht=in_zicht)

    def filter_zichtbaar(
        self, actor: Any, queryset: QuerySet[Netwerkanalyse]
    ) -> QuerySet[Netwerkanalyse]:
        if actor is None or actor.rolsoort not in ROLLEN["netwerk_bekijken"]:
            return queryset.none()
        return queryset.filter(Q(samenwerkingsverband_id=actor.rol.samenwerkingsverband_id))

    def onderdrukt(self, actor: Any, samenwerkingsverband: Any) -> bool:
        """Whether this actor sees the SWV's figures with small cells suppressed."""
        return not self.mag(actor, "kpi_ongemaskeerd", samenwerkingsverband)


beleid = MonitorBeleid()
