"""Reads of the TLV app: the dossier and its lists (``dossier``), the figures the SWV
reports and the DUO export (``cijfers``), and the start page (``werk``)."""

from passend.toelaatbaarheid.selectors.cijfers import BRON_KOLOMMEN, bron_regels, tlv_cijfers
from passend.toelaatbaarheid.selectors.dossier import (
    NIET_GEVONDEN,
    OBJECT_TYPE,
    advieslijst_fouten,
    betrokken_gebruikers,
    deskundigen_van,
    eindigen_binnenkort,
    extra_vragen_van,
    grensverkeer_van,
    lopende_aanvraag,
    nieuwste_vastgestelde_opp,
    onafhankelijkheid,
    ontbrekende_antwoorden,
    regeling_van,
    tlv_dossier,
    tlv_voor_actor,
    tlv_voor_schrijven,
    tlvs_zichtbaar_voor,
    vragenlijst,
    werklijst,
)
from passend.toelaatbaarheid.selectors.werk import mijn_werk

__all__ = [
    "BRON_KOLOMMEN",
    "NIET_GEVONDEN",
    "OBJECT_TYPE",
    "advieslijst_fouten",
    "betrokken_gebruikers",
    "bron_regels",
    "deskundigen_van",
    "eindigen_binnenkort",
    "extra_vragen_van",
    "grensverkeer_van",
    "lopende_aanvraag",
    "mijn_werk",
    "nieuwste_vastgestelde_opp",
    "onafhankelijkheid",
    "ontbrekende_antwoorden",
    "regeling_van",
    "tlv_cijfers",
    "tlv_dossier",
    "tlv_voor_actor",
    "tlv_voor_schrijven",
    "tlvs_zichtbaar_voor",
    "vragenlijst",
    "werklijst",
]
