"""Verzuim, disagreements, Veilig Thuis and the steunpunt in the demo region (issue #6).

* ~25 verzuim cases, mostly in the PO SWV and a few in the VO SWV (``verzuim``);
* 8 disagreements at OBS De Zonnebloem at every step of the route, one at the GPO with its
  dates and one about an OPP whose handelingsdeel the parent refused, and 3 Veilig Thuis
  reports, one confirmed during an open disagreement (``geschillen``);
* contacts of the PO steunpunt with themes, referrals and signals (``steunpunt``).

Everything goes through the apps' services as the demo log-ins (so it is valid and logged).
Deterministic for the seed; idempotent: when the demo has verzuim cases already nothing is
written.
"""

from collections.abc import Callable

from passend.demo.bouwer.verzuim_en_geschillen.geschillen import geschillen_schrijven
from passend.demo.bouwer.verzuim_en_geschillen.steunpunt import steunpunt_schrijven
from passend.demo.bouwer.verzuim_en_geschillen.verzuim import verzuim_schrijven
from passend.verzuim.models import Verzuimmelding

__all__ = ["demo_verzuim_en_geschillen_opslaan"]

SEED = 2026


def demo_verzuim_en_geschillen_opslaan(
    meld: Callable[[str], None], *, seed: int = SEED
) -> dict[str, int]:
    """Write the demo cases; returns the figures (empty when they were there already)."""
    if Verzuimmelding.objects.exists():
        meld("  verzuim, onenigheden en steunpunt waren er al")
        return {}
    gebruikt: set[int] = set()
    geschillen = geschillen_schrijven(seed=seed, gebruikt=gebruikt)
    meld(
        f"  {geschillen.onenigheden} onenigheden ({geschillen.open} lopend, "
        f"{geschillen.bij_commissie} bij de geschillencommissie), {geschillen.veilig_thuis} "
        f"Veilig Thuis-meldingen ({geschillen.veilig_thuis_tijdens_onenigheid} tijdens een "
        "onenigheid)"
    )
    verzuim = verzuim_schrijven(seed=seed, gebruikt=gebruikt)
    meld(
        f"  {verzuim.meldingen} verzuimmeldingen ({verzuim.lopend} lopend, "
        f"{verzuim.beeindigd} beëindigd; {verzuim.absoluut} absoluut, {verzuim.vrijstelling} "
        f"vrijstelling), {verzuim.doorbraakplannen} doorbraakplannen, "
        f"{verzuim.onderwijsconsulenten} onderwijsconsulenten, {verzuim.actiepunten} acties"
    )
    contacten = steunpunt_schrijven(seed=seed)
    meld(f"  {contacten} contacten van het steunpunt")
    return {
        "verzuimmeldingen": verzuim.meldingen,
        "verzuim_lopend": verzuim.lopend,
        "verzuim_beeindigd": verzuim.beeindigd,
        "verzuim_absoluut": verzuim.absoluut,
        "verzuim_vrijstelling": verzuim.vrijstelling,
        "doorbraakplannen": verzuim.doorbraakplannen,
        "onderwijsconsulenten": verzuim.onderwijsconsulenten,
        "actiepunten": verzuim.actiepunten,
        "partners_leerplicht": verzuim.partners_leerplicht,
        "partners_jeugdhulp": verzuim.partners_jeugdhulp,
        "onenigheden": geschillen.onenigheden,
        "onenigheden_lopend": geschillen.open,
        "onenigheden_bij_commissie": geschillen.bij_commissie,
        "onenigheden_over_opp": geschillen.met_opp,
        "routestappen": geschillen.stappen,
        "veilig_thuis_meldingen": geschillen.veilig_thuis,
        "veilig_thuis_tijdens_onenigheid": geschillen.veilig_thuis_tijdens_onenigheid,
        "steunpuntcontacten": contacten,
    }
