"""The analysis job end to end on the small region of ``test_netwerk_vraag_aanbod``:
starting (policy, validation), running (progress, result, a known optimum), what-ifs, the
access log, failures, and the worker that runs the queue and recovers stuck runs."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from passend.aanbod.rules import afstand_km
from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort as R
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import ToegangslogNietBeschikbaar
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.monitor.services import netwerk as service
from passend.monitor.services.netwerk import (
    FOUT_ALGEMEEN,
    FOUT_GEEN_RECHT,
    FOUT_TOEGANGSLOG,
    analyse_starten,
    analyse_uitvoeren,
)
from passend.monitor.tests.factories import NetwerkanalyseFactory
from passend.monitor.tests.test_netwerk_vraag_aanbod import PEILDATUM, wereld

pytestmark = pytest.mark.django_db

ROUTE = "test:netwerk"


def _actor(swv, rolsoort=R.DIRECTEUR) -> Actor:
    rol = RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def _m(a: tuple[float, float], b: tuple[float, float]) -> int:
    return round(afstand_km(a[0], a[1], b[0], b[1]) * 1000)


#: The optimum of the region (settings: PO extra 5 km, sbo 15 km, so 30 km, penalty 10 km):
#: L1+L2 (sbo, 52.01) → sbo1 (52.10); L3 (extra, any gebied, 52.15) has no regular place
#: within 5 km → an sbo or so place 5.6 km away (+ penalty); L4, L5 → bao1 at 0 km.
OPTIMUM_M = 2 * (_m((52.01, 5.0), (52.10, 5.0)) + 10_000) + _m((52.15, 5.0), (52.10, 5.0)) + 10_000


def _starten(actor, **velden):
    velden.setdefault("naam", "Huidige situatie")
    velden.setdefault("wijzigingen", [])
    velden.setdefault("basis", None)
    velden.setdefault("peildatum", PEILDATUM)
    return analyse_starten(actor=actor, route=ROUTE, **velden)


def test_de_analyse_berekent_het_bekende_optimum():
    w = wereld()
    analyse = _starten(_actor(w.swv))
    assert analyse.status == Analysestatus.KLAAR, analyse.fout
    assert analyse.voortgang == 100
    assert analyse.voortgang_tekst == "Klaar"
    assert analyse.gestart_op is not None and analyse.klaar_op is not None
    assert analyse.schooljaar == "2026-2027"
    assert analyse.instellingen["straf_speciaal_km"] == 10.0
    r = analyse.resultaat
    assert r["bewezen_optimaal"] is True
    assert abs(r["doelwaarde_m"] - OPTIMUM_M) <= 2
    assert (r["aantal_vraag"], r["aantal_geplaatst"], r["aantal_niet_geplaatst"]) == (5, 5, 0)
    assert (r["regulier_geplaatst"], r["speciaal_geplaatst"]) == (2, 3)
    assert (r["aantal_leerlingen"], r["zonder_woonplek"]) == (6, 1)
    assert r["peildatum"] == "2026-12-01" and r["schooljaar"] == "2026-2027"
    assert r["gebieden"]["leergedrag"] == "Leergedrag"
    assert r["niveaus"]["sbo"].startswith("Speciaal basisonderwijs")
    assert {(p["postcodegebied"], p["aantal"], p["niet_geplaatst"]) for p in r["vraagpunten"]} == {
        ("1111", 2, 0),
        ("9999", 3, 0),
    }
    locaties = {loc["vestigingscode"]: loc for loc in r["locaties"]}
    assert set(locaties) == {"11AA00", "11BB00", "22AA00", "33AA00"}
    assert locaties["11AA00"]["gebruikt"] == 2
    assert locaties["22AA00"]["naam"] == "Locatie 22AA00"
    # Figures only: no pupil key or name anywhere in the result.
    tekst = str(r)
    for leerling in w.telt:
        assert str(leerling.sleutel) not in tekst and leerling.achternaam not in tekst


def test_de_voortgang_loopt_op_tot_100(monkeypatch):
    w = wereld()
    stappen: list[tuple[int, str]] = []
    origineel = service._voortgang

    def volgen(claim, voortgang: int, tekst: str) -> bool:
        gelukt = origineel(claim, voortgang, tekst)
        # What the page polls: read back from the row.
        rij = Netwerkanalyse.objects.filter(pk=claim.analyse_id).values_list(
            "voortgang", "voortgang_tekst"
        )[0]
        stappen.append((rij[0], rij[1]))
        return gelukt

    monkeypatch.setattr(service, "_voortgang", volgen)
    analyse = _starten(_actor(w.swv))
    procenten = [p for p, _t in stappen]
    assert procenten == sorted(procenten) and len(procenten) >= 5
    assert 0 < procenten[0] < 20 and procenten[-2] < 100
    teksten = " ".join(t for _p, t in stappen)
    assert "vraag" in teksten and "aanbod" in teksten and "Plaatsingen" in teksten
    assert analyse.voortgang == 100


def test_de_taak_legt_de_getelde_leerlingen_vast_voor_het_rekenen():
    w = wereld()
    actor = _actor(w.swv)
    analyse = _starten(actor)
    regels = Toegangsregel.objects.filter(
        object_type="netwerkanalyse", object_id=str(analyse.sleutel)
    )
    assert regels.count() == 1
    regel = regels.get()
    assert regel.gebruiker == actor.gebruiker and regel.resultaat == Resultaat.TOEGESTAAN
    assert set(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == {
        leerling.sleutel for leerling in w.telt
    }


def test_zonder_toegangslog_mislukt_de_analyse_zonder_uitkomst(monkeypatch):
    w = wereld()

    def kapot(**_kwargs):
        raise ToegangslogNietBeschikbaar("database weg")

    def niet_rekenen(*_args, **_kwargs):
        raise AssertionError("er is gerekend zonder toegangslog")

    monkeypatch.setattr(service, "toegang_vastleggen", kapot)
    monkeypatch.setattr(service, "oplossen", niet_rekenen)
    analyse = _starten(_actor(w.swv))
    assert analyse.status == Analysestatus.MISLUKT
    assert analyse.resultaat is None
    assert analyse.fout == FOUT_TOEGANGSLOG


def test_een_fout_eindigt_in_mislukt_met_een_nederlandse_zin(monkeypatch, caplog):
    w = wereld()

    def fout(*_args, **_kwargs):
        raise RuntimeError("interne fout in de oplosser")

    monkeypatch.setattr(service, "oplossen", fout)
    analyse = _starten(_actor(w.swv))
    assert analyse.status == Analysestatus.MISLUKT
    assert analyse.fout == FOUT_ALGEMEEN
    assert "interne fout" not in analyse.fout and "Traceback" not in analyse.fout
    assert analyse.resultaat is None
    assert "interne fout in de oplosser" in caplog.text  # the stack trace is logged


def test_zonder_recht_geen_analyse_en_een_vastgelegde_weigering():
    w = wereld()
    actor = _actor(w.swv, R.TOEZICHTHOUDER)
    with pytest.raises(Geweigerd):
        _starten(actor)
    assert not Netwerkanalyse.objects.exists()
    assert Toegangsregel.objects.filter(
        gebruiker=actor.gebruiker, resultaat=Resultaat.GEWEIGERD
    ).exists()


def test_wie_zijn_rol_verloor_krijgt_een_mislukte_analyse():
    w = wereld()
    analyse = NetwerkanalyseFactory(
        samenwerkingsverband=w.swv,
        gestart_door=GebruikerFactory(),
        status=Analysestatus.WACHTRIJ,
        voortgang=0,
        resultaat=None,
        peildatum=PEILDATUM,
        instellingen={},
    )
    analyse_uitvoeren(analyse.pk)
    analyse.refresh_from_db()
    assert analyse.status == Analysestatus.MISLUKT
    assert analyse.fout == FOUT_GEEN_RECHT
    assert not Toegangsregel.objects.filter(object_id=str(analyse.sleutel)).exists()


def test_een_analyse_draait_maar_een_keer():
    w = wereld()
    analyse = _starten(_actor(w.swv))
    klaar_op = analyse.klaar_op
    analyse_uitvoeren(analyse.pk)  # not in the queue: nothing happens
    analyse.refresh_from_db()
    assert analyse.klaar_op == klaar_op
    assert Toegangsregel.objects.filter(object_id=str(analyse.sleutel)).count() == 1


def test_wat_als_een_locatie_sluiten_en_daarna_een_gebied_toevoegen():
    w = wereld()
    actor = _actor(w.swv)
    basis = _starten(actor)
    dicht = analyse_starten(
        actor=actor,
        naam="Zonder sbo1",
        wijzigingen=[{"soort": "sluiten", "vestiging": "22AA00"}],
        basis=basis,
        route=ROUTE,
    )
    assert dicht.status == Analysestatus.KLAAR, dicht.fout
    assert dicht.peildatum == basis.peildatum and dicht.basis == basis
    r = dicht.resultaat
    # L1 and L2 (sbo, leergedrag) have no place left; L3 goes to sovso1's so place.
    assert (r["aantal_geplaatst"], r["aantal_niet_geplaatst"]) == (3, 2)
    assert r["niet_geplaatst"] == [
        {"regio": "Aadorp", "gebied": "leergedrag", "niveau": "sbo", "aantal": 2}
    ]
    assert "22AA00" not in {loc["vestigingscode"] for loc in r["locaties"]}
    # A what-if on the what-if: the basis's change first, then so places for leergedrag.
    erbij = analyse_starten(
        actor=actor,
        naam="So-plaatsen voor leergedrag",
        wijzigingen=[
            {
                "soort": "gebied_toevoegen",
                "vestiging": "33AA00",
                "niveau": "so",
                "gebied": "leergedrag",
                "capaciteit": 2,
            },
            {
                "soort": "openen",
                "naam": "Nieuwe sbo",
                "soort_locatie": "sbo",
                "bij_vestiging": "22AA00",  # closed by the basis: its address still serves
                "plaatsen": [{"niveau": "sbo", "gebied": "hoogbegaafdheid", "capaciteit": 5}],
            },
        ],
        basis=dicht,
        route=ROUTE,
    )
    assert erbij.status == Analysestatus.KLAAR, erbij.fout
    r = erbij.resultaat
    assert (r["aantal_geplaatst"], r["aantal_niet_geplaatst"]) == (5, 0)
    nieuw = {loc["vestigingscode"]: loc for loc in r["locaties"]}["nieuw-1"]
    assert (nieuw["naam"], nieuw["breedtegraad"], nieuw["capaciteit"]) == ("Nieuwe sbo", 52.1, 5)


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"naam": "  "}, "naam", "Geef de analyse een naam."),
        (
            {"wijzigingen": [{"soort": "sluiten", "vestiging": "22AA00"}]},
            "wijzigingen",
            "uitgangspunt",
        ),
    ],
)
def test_ongeldige_start_bewaart_niets(velden, veld, melding):
    w = wereld()
    with pytest.raises(ValidationError) as fout:
        _starten(_actor(w.swv), **velden)
    assert melding in " ".join(fout.value.message_dict[veld])
    assert not Netwerkanalyse.objects.exists()


def test_de_basis_moet_van_het_eigen_swv_zijn_en_klaar():
    w = wereld()
    actor = _actor(w.swv)
    vreemd = NetwerkanalyseFactory(samenwerkingsverband=w.ander)
    bezig = NetwerkanalyseFactory(
        samenwerkingsverband=w.swv, status=Analysestatus.BEZIG, resultaat=None
    )
    wijziging = [{"soort": "sluiten", "vestiging": "22AA00"}]
    for basis, melding in ((vreemd, "bestaat niet"), (bezig, "klaar")):
        with pytest.raises(ValidationError) as fout:
            _starten(actor, basis=basis, wijzigingen=wijziging)
        assert melding in fout.value.message_dict["basis"][0]
    assert Netwerkanalyse.objects.count() == 2


def test_ongeldige_wijzigingen_noemen_hun_nummer():
    w = wereld()
    actor = _actor(w.swv)
    basis = _starten(actor)
    with pytest.raises(ValidationError) as fout:
        analyse_starten(
            actor=actor,
            naam="Fout",
            wijzigingen=[
                {"soort": "sluiten", "vestiging": "22AA00"},
                {"soort": "sluiten", "vestiging": "55AA00"},  # another SWV's location
            ],
            basis=basis,
            route=ROUTE,
        )
    assert fout.value.message_dict["wijzigingen"] == [
        "Wijziging 2: deze vestiging hoort niet bij uw samenwerkingsverband."
    ]
    assert Netwerkanalyse.objects.count() == 1


def test_op_de_achtergrond_na_de_commit(settings, django_capture_on_commit_callbacks, monkeypatch):
    settings.PASSEND = {**settings.PASSEND, "DEKKEND_NETWERK_ACHTERGROND": True}
    w = wereld()
    gestart: list[int] = []
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        analyse = _starten(_actor(w.swv))
    assert analyse.status == Analysestatus.WACHTRIJ and analyse.voortgang == 0
    assert len(callbacks) == 1
    # The callback starts a thread; here we run the job the thread would run.
    monkeypatch.setattr(service, "_op_achtergrond", gestart.append)
    callbacks[0]()
    assert gestart == [analyse.pk]
    analyse_uitvoeren(analyse.pk)
    analyse.refresh_from_db()
    assert analyse.status == Analysestatus.KLAAR


def test_de_werker_zet_vastgelopen_analyses_terug_en_voert_de_wachtrij_uit():
    w = wereld()
    actor = _actor(w.swv)
    kwargs = {
        "samenwerkingsverband": w.swv,
        "gestart_door": actor.gebruiker,
        "resultaat": None,
        "voortgang": 40,
        "peildatum": PEILDATUM,
        "instellingen": {},
    }
    vast = NetwerkanalyseFactory(
        status=Analysestatus.BEZIG,
        gestart_op=timezone.now() - datetime.timedelta(hours=2),
        **kwargs,
    )
    loopt = NetwerkanalyseFactory(status=Analysestatus.BEZIG, gestart_op=timezone.now(), **kwargs)
    wacht = NetwerkanalyseFactory(status=Analysestatus.WACHTRIJ, **kwargs)
    call_command("netwerkanalyses_uitvoeren", "--vastgelopen-na", "30")
    for analyse in (vast, loopt, wacht):
        analyse.refresh_from_db()
    assert vast.status == Analysestatus.KLAAR and vast.voortgang == 100
    assert wacht.status == Analysestatus.KLAAR
    assert loopt.status == Analysestatus.BEZIG  # still running elsewhere: left alone
    assert abs(wacht.resultaat["doelwaarde_m"] - OPTIMUM_M) <= 2


@pytest.mark.parametrize(
    ("opties", "melding"),
    [
        (["--maximaal", "-1"], "--maximaal moet minstens 1"),
        (["--maximaal", "0"], "--maximaal moet minstens 1"),
        (["--vastgelopen-na", "0"], "--vastgelopen-na moet minstens 1"),
        (["--wachttijd", "0", "--blijven"], "--wachttijd moet minstens 1"),
    ],
)
def test_de_werker_weigert_foute_opties(opties, melding):
    w = wereld()
    actor = _actor(w.swv)
    wacht = NetwerkanalyseFactory(
        status=Analysestatus.WACHTRIJ,
        samenwerkingsverband=w.swv,
        gestart_door=actor.gebruiker,
        resultaat=None,
        peildatum=PEILDATUM,
        instellingen={},
    )
    with pytest.raises(CommandError, match=melding):
        call_command("netwerkanalyses_uitvoeren", *opties)
    wacht.refresh_from_db()
    assert wacht.status == Analysestatus.WACHTRIJ  # nothing was run


def test_de_wachtrij_weigert_een_maximum_onder_1():
    with pytest.raises(ValueError, match="minstens 1"):
        service.wachtrij_uitvoeren(maximaal=-1)


@pytest.mark.parametrize("extra", [0, 30])
def test_de_taak_heeft_een_vast_aantal_queries(extra, django_assert_max_num_queries):
    from passend.leerlingen.tests.factories import LeerlingFactory
    from passend.toelaatbaarheid.tests.factories import TlvFactory

    w = wereld()
    for i in range(extra):
        leerling = LeerlingFactory(postcode=f"{2000 + i} AA", woongemeente=w.gemeenten[i % 4])
        TlvFactory(leerling=leerling, vestiging=w.sbo1, verantwoordelijk_swv=w.swv, toegekend=True)
    actor = _actor(w.swv)
    analyse = NetwerkanalyseFactory(
        samenwerkingsverband=w.swv,
        gestart_door=actor.gebruiker,
        status=Analysestatus.WACHTRIJ,
        voortgang=0,
        resultaat=None,
        peildatum=PEILDATUM,
        instellingen={},
    )
    # Claim, actor, demand (6), supply (3 + gebieden), access log (3), progress updates
    # (one per step and optimiser report) and the final save: the same whatever the pupils.
    with django_assert_max_num_queries(24):
        analyse_uitvoeren(analyse.pk)
    analyse.refresh_from_db()
    assert analyse.status == Analysestatus.KLAAR
    assert analyse.resultaat["aantal_leerlingen"] == 6 + extra


def test_een_herziening_na_de_peildatum_verandert_de_vraag_van_de_wat_als_niet():
    from passend.aanbod.tests.factories import gebied
    from passend.ondersteuning.models import Ontwikkelingsperspectief
    from passend.ondersteuning.rules import Status as OppStatus
    from passend.toelaatbaarheid.tests.factories import VastgesteldOppFactory

    w = wereld()
    actor = _actor(w.swv)
    basis = _starten(actor)
    # After the basis's peildatum: L3's OPP is revised (a new version, another gebied) and
    # L5's OPP ends.
    oud = Ontwikkelingsperspectief.objects.get(leerling=w.telt[2])
    VastgesteldOppFactory(
        leerling=w.telt[2],
        vestiging=w.bao1,
        reeks=oud.reeks,
        versie=2,
        vorige_versie=oud,
        vastgesteld_op=datetime.date(2027, 1, 10),
        ondersteuningsgebied=gebied("leergedrag"),
    )
    Ontwikkelingsperspectief.objects.filter(pk=oud.pk).update(status=OppStatus.VERVANGEN)
    Ontwikkelingsperspectief.objects.filter(leerling=w.telt[4]).update(
        status=OppStatus.BEEINDIGD, einddatum=datetime.date(2027, 1, 15)
    )
    wat_als = analyse_starten(
        actor=actor,
        naam="Meer plaatsen",
        wijzigingen=[
            {
                "soort": "capaciteit",
                "vestiging": "22AA00",
                "niveau": "sbo",
                "gebied": "leergedrag",
                "capaciteit": 12,
            }
        ],
        basis=basis,
        route=ROUTE,
    )
    assert wat_als.status == Analysestatus.KLAAR, wat_als.fout
    b, n = basis.resultaat, wat_als.resultaat
    for sleutel in ("aantal_leerlingen", "zonder_woonplek", "aantal_vraag", "vraagpunten"):
        assert n[sleutel] == b[sleutel], sleutel
    assert {(g["gebied"], g["vraag"]) for g in n["per_gebied"]} == {
        (g["gebied"], g["vraag"]) for g in b["per_gebied"]
    }


def test_de_so_vso_locatie_telt_alleen_de_so_plaatsen_in_een_po_swv():
    w = wereld()
    analyse = _starten(_actor(w.swv))
    r = analyse.resultaat
    assert "vso" not in {rij["niveau"] for rij in r["per_niveau"]}
    sovso = {loc["vestigingscode"]: loc for loc in r["locaties"]}["33AA00"]
    assert sovso["capaciteit"] == 4
    assert {p["niveau"] for p in sovso["plaatsen"]} == {"so"}


def test_een_wat_als_met_een_niveau_van_de_andere_sector_wordt_geweigerd():
    w = wereld()
    actor = _actor(w.swv)
    basis = _starten(actor)
    with pytest.raises(ValidationError) as fout:
        analyse_starten(
            actor=actor,
            naam="Vso erbij",
            wijzigingen=[
                {
                    "soort": "gebied_toevoegen",
                    "vestiging": "33AA00",
                    "niveau": "vso",
                    "gebied": "leergedrag",
                    "capaciteit": 4,
                },
                {
                    "soort": "openen",
                    "naam": "Nieuw vo",
                    "soort_locatie": "vo",
                    "bij_vestiging": "11AA00",
                    "plaatsen": [{"niveau": "extra", "gebied": "leergedrag", "capaciteit": 2}],
                },
            ],
            basis=basis,
            route=ROUTE,
        )
    meldingen = fout.value.message_dict["wijzigingen"]
    assert meldingen[0].startswith(
        "Wijziging 1: het niveau vso hoort niet bij de sector van uw samenwerkingsverband"
    )
    assert meldingen[1].startswith(
        "Wijziging 2: een locatie van soort vo hoort niet bij de sector van uw samenwerkingsverband"
    )
    assert Netwerkanalyse.objects.count() == 1


def _wachtend(w, actor):
    return NetwerkanalyseFactory(
        samenwerkingsverband=w.swv,
        gestart_door=actor.gebruiker,
        status=Analysestatus.WACHTRIJ,
        voortgang=0,
        resultaat=None,
        peildatum=PEILDATUM,
        instellingen={},
    )


def test_een_teruggezette_run_die_nog_leeft_verandert_niets_meer():
    """Two claims of one analysis: the first run is put back in the queue (it looked
    stuck) and claimed again; every write of the first (stale) claim is ignored."""
    w = wereld()
    analyse = _wachtend(w, _actor(w.swv))
    oud = service._claimen(analyse.pk)
    assert oud is not None
    Netwerkanalyse.objects.filter(pk=analyse.pk).update(
        gestart_op=timezone.now() - datetime.timedelta(hours=2)
    )
    assert service.vastgelopen_terugzetten(minuten=30) == 1
    nieuw = service._claimen(analyse.pk)
    assert nieuw is not None and nieuw.gestart_op != oud.gestart_op
    assert service._claimen(analyse.pk) is None  # BEZIG: nobody else claims it

    service._voortgang(oud, 80, "Oude run")
    service._klaar(oud, {"oud": True})
    service._mislukt(oud, "Oude run mislukt")
    analyse.refresh_from_db()
    assert (analyse.status, analyse.voortgang, analyse.voortgang_tekst) == (
        Analysestatus.BEZIG,
        1,
        "Gestart",
    )
    assert analyse.resultaat is None and analyse.fout == "" and analyse.klaar_op is None

    service._voortgang(nieuw, 50, "Nieuwe run")
    analyse.refresh_from_db()
    assert (analyse.voortgang, analyse.voortgang_tekst) == (50, "Nieuwe run")
    service._klaar(nieuw, {"nieuw": True})
    analyse.refresh_from_db()
    assert analyse.status == Analysestatus.KLAAR and analyse.resultaat == {"nieuw": True}
    service._mislukt(oud, "Oude run mislukt")  # after the new run finished: still nothing
    analyse.refresh_from_db()
    assert analyse.status == Analysestatus.KLAAR and analyse.fout == ""


def test_een_oude_run_die_na_de_nieuwe_mislukt_laat_de_uitkomst_staan(monkeypatch):
    w = wereld()
    analyse = _wachtend(w, _actor(w.swv))
    echt = service.oplossen
    oproepen: list[int] = []

    def oplossen(*args, **kwargs):
        oproepen.append(1)
        if len(oproepen) == 1:
            # The first run looks stuck: it is put back and run again to the end...
            Netwerkanalyse.objects.filter(pk=analyse.pk).update(
                gestart_op=timezone.now() - datetime.timedelta(hours=2)
            )
            service.vastgelopen_terugzetten(minuten=30)
            analyse_uitvoeren(analyse.pk)
            # ... and then the first run fails.
            raise RuntimeError("de oude run loopt vast")
        return echt(*args, **kwargs)

    monkeypatch.setattr(service, "oplossen", oplossen)
    analyse_uitvoeren(analyse.pk)
    analyse.refresh_from_db()
    assert len(oproepen) == 2
    assert analyse.status == Analysestatus.KLAAR, analyse.fout
    assert analyse.fout == "" and analyse.voortgang == 100 and analyse.voortgang_tekst == "Klaar"
    assert abs(analyse.resultaat["doelwaarde_m"] - OPTIMUM_M) <= 2
