"""Every write of an OPP. Each checks the policy, refuses changes to a frozen version, and
writes the access log."""

from passend.ondersteuning.services.basis import (
    BEWERKBARE_VELDEN,
    Bevroren,
    Conflict,
    OppOnvolledig,
)
from passend.ondersteuning.services.hoorrecht import (
    leerlingstem_vastleggen,
    reactie_op_leerlingstem,
)
from passend.ondersteuning.services.instemming import (
    instemming_geven,
    instemming_op_papier_vastleggen,
    zienswijze_ouders_geven,
)
from passend.ondersteuning.services.levensloop import (
    evaluatie_vastleggen,
    opp_beeindigen,
    opp_herzien,
    opp_vaststellen,
)
from passend.ondersteuning.services.opstellen import (
    doel_toevoegen,
    factor_toevoegen,
    onderdeel_verwijderen,
    opp_bijwerken,
    opp_starten,
    overleg_vastleggen,
)

__all__ = [
    "BEWERKBARE_VELDEN",
    "Bevroren",
    "Conflict",
    "OppOnvolledig",
    "doel_toevoegen",
    "evaluatie_vastleggen",
    "factor_toevoegen",
    "instemming_geven",
    "instemming_op_papier_vastleggen",
    "leerlingstem_vastleggen",
    "onderdeel_verwijderen",
    "opp_beeindigen",
    "opp_bijwerken",
    "opp_herzien",
    "opp_starten",
    "opp_vaststellen",
    "overleg_vastleggen",
    "reactie_op_leerlingstem",
    "zienswijze_ouders_geven",
]
