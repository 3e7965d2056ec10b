"""The vragenbank: every group has items, codes are unique and stable, every goal is asked
of at least two groups, and the texts fit the model."""

from collections import Counter

from passend.doelstellingen.models import Vraag
from passend.doelstellingen.rules import (
    Doelstelling,
    Respondentgroep,
    Schaal,
)
from passend.doelstellingen.vragenbank import STANDAARDVRAGEN, vragen_voor

MAX_TEKST = Vraag._meta.get_field("tekst").max_length
MAX_CODE = Vraag._meta.get_field("code").max_length


def test_elke_groep_heeft_vragen_en_een_cijfervraag() -> None:
    for groep in Respondentgroep.values:
        vragen = vragen_voor(groep)
        assert len(vragen) >= 5, groep
        assert sum(v.schaal == Schaal.CIJFER for v in vragen) == 1, groep
        assert all(v.respondentgroep == groep for v in vragen)


def test_codes_uniek_en_passend() -> None:
    codes = [v.code for v in STANDAARDVRAGEN]
    assert [c for c, n in Counter(codes).items() if n > 1] == []
    for vraag in STANDAARDVRAGEN:
        assert len(vraag.code) <= MAX_CODE
        assert f".D{vraag.doelstelling}." in vraag.code, vraag.code


def test_elke_doelstelling_bij_ten_minste_twee_groepen() -> None:
    for doel in Doelstelling.values:
        groepen = {v.respondentgroep for v in STANDAARDVRAGEN if v.doelstelling == doel}
        assert len(groepen) >= 2, doel


def test_teksten_kort_en_schalen_bekend() -> None:
    assert 80 <= len(STANDAARDVRAGEN) <= 120
    for vraag in STANDAARDVRAGEN:
        assert 0 < len(vraag.tekst) <= min(400, MAX_TEKST)
        assert vraag.schaal in Schaal.values
        assert vraag.doelstelling in Doelstelling.values


def test_vragen_voor_in_volgorde_van_de_doelen() -> None:
    doelen = [v.doelstelling for v in vragen_voor(Respondentgroep.OUDER)]
    assert doelen == sorted(doelen)


def test_leerlingvragen_in_eenvoudige_woorden() -> None:
    """Pupils are addressed in the first person, in short sentences."""
    for vraag in vragen_voor(Respondentgroep.LEERLING):
        assert len(vraag.tekst) <= 90, vraag.tekst
        assert (
            "ik" in vraag.tekst.lower().split()
            or "mij" in vraag.tekst.lower()
            or "jij" in vraag.tekst.lower()
        )
