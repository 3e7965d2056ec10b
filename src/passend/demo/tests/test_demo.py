import base64
import io
import json
from collections import Counter, defaultdict
from itertools import pairwise

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from passend.accounts.models import Gebruiker, Koppeling, Rol
from passend.accounts.rules import SCHOOLROLLEN, Rolsoort
from passend.core.perioden import actief_op
from passend.demo.bouwer import WACHTWOORD, bouw_demo_regio, plan_demo_regio
from passend.demo.bouwer.leerlingplan import (
    LEEFTIJDEN,
    aantallen_per_vestiging,
    gemeente_van_postcode,
)
from passend.demo.bouwer.monitor import voormalige_leerlingen
from passend.demo.bouwer.namen import splits_achternaam
from passend.demo.bouwer.regio import PEILDATUM, SWV_BUREN, SWV_PO, SWV_VO
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling, Ouderschap
from passend.leerlingen.rules import leeftijd_op
from passend.organisaties.models import (
    BestuurLidmaatschap,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    SwvLidmaatschap,
    Vestiging,
)
from passend.organisaties.rules import (
    BRIN,
    SECTOREN_VAN_SOORT,
    VESTIGINGSCODE,
    Soort,
    normaliseer_postcode,
)
from passend.organisaties.selectors import swv_van_woonregio
from passend.verzuim.rules import Verzuimsoort

KLEIN = 300
JSON_VELDEN = {
    "username",
    "password",
    "rol",
    "rol_label",
    "organisatie",
    "totp_secret_hex",
    "totp_secret_base32",
    "api_token",
}


@pytest.fixture
def demo(db):
    return bouw_demo_regio(seed=2026, aantal_leerlingen=KLEIN)


def samenvatting(plan):
    return (
        [i.gebruikersnaam for i in plan.inloggers],
        [i.totp_sleutel_hex for i in plan.inloggers],
        [v.vestigingscode for v in plan.organisaties.vestigingen],
        [leerling.naam for leerling in plan.leerlingen.leerlingen[:20]],
        plan.koppeling.token,
    )


def test_dezelfde_seed_geeft_hetzelfde_plan_en_een_andere_seed_een_ander():
    eerste = plan_demo_regio(seed=2026, aantal_leerlingen=KLEIN)
    tweede = plan_demo_regio(seed=2026, aantal_leerlingen=KLEIN)
    ander = plan_demo_regio(seed=2027, aantal_leerlingen=KLEIN)
    assert samenvatting(eerste) == samenvatting(tweede)
    assert eerste == tweede
    assert samenvatting(eerste) != samenvatting(ander)
    assert [v.vestigingscode for v in eerste.organisaties.vestigingen] != [
        v.vestigingscode for v in ander.organisaties.vestigingen
    ]


def test_organisaties_hangen_niet_af_van_het_aantal_leerlingen():
    klein = plan_demo_regio(seed=2026, aantal_leerlingen=KLEIN)
    groot = plan_demo_regio(seed=2026, aantal_leerlingen=2 * KLEIN)
    assert klein.organisaties == groot.organisaties


def test_alle_soorten_en_minstens_30_vestigingen_met_echte_vormen(demo):
    vestigingen = list(Vestiging.objects.select_related("school", "gemeente"))
    per_soort = Counter(v.soort for v in vestigingen)
    assert len(vestigingen) >= 30
    assert set(per_soort) == set(Soort.values)
    assert per_soort[Soort.BAO] > len(vestigingen) / 2
    assert per_soort[Soort.SBO] >= 2
    assert per_soort[Soort.VO] >= 4
    assert {v.onderwijsstructuur for v in vestigingen if v.soort == Soort.VO} >= {
        "VBO/MAVO",
        "HAVO/VWO",
        "VBO/MAVO/HAVO/VWO",
    }
    for v in vestigingen:
        assert VESTIGINGSCODE.match(v.vestigingscode)
        assert v.vestigingscode[:4] == v.school.brin
        assert BRIN.match(v.school.brin)
        assert v.school.brin.startswith("9")
        assert normaliseer_postcode(v.postcode) == v.postcode
        assert v.straat
        assert v.huisnummer
        assert v.gemeente is not None
        assert 51.7 < v.breedtegraad < 52.1
        assert 5.1 < v.lengtegraad < 5.6
        assert v.leerlingenaantal > 0
    postcodecijfers_per_plaats = defaultdict(set)
    for v in vestigingen:
        postcodecijfers_per_plaats[v.postcode[:4]].add(v.plaats)
    assert all(len(plaatsen) == 1 for plaatsen in postcodecijfers_per_plaats.values())


def test_besturen_hebben_scholen_en_een_lopend_bestuur_per_school(demo):
    assert 5 <= Schoolbestuur.objects.count() <= 8
    for bestuur in Schoolbestuur.objects.all():
        assert len(bestuur.bevoegd_gezag_nummer) == 5
    for school in School.objects.all():
        lopend = BestuurLidmaatschap.objects.get(school=school, tot__isnull=True)
        assert lopend.bestuur == school.bestuur
    assert BestuurLidmaatschap.objects.filter(tot__isnull=False).exists()


def test_elke_vestiging_is_lid_van_het_swv_van_haar_sector(demo):
    demo_swvs = {SWV_PO.code, SWV_VO.code}
    for vestiging in Vestiging.objects.all():
        lopend = SwvLidmaatschap.objects.filter(vestiging=vestiging, tot__isnull=True)
        assert {lid.sector for lid in lopend} == set(SECTOREN_VAN_SOORT[vestiging.soort])
        assert {lid.samenwerkingsverband.code for lid in lopend} <= demo_swvs
    historisch = SwvLidmaatschap.objects.get(tot__isnull=False)
    assert historisch.samenwerkingsverband.code == SWV_BUREN.code
    assert SwvLidmaatschap.objects.filter(
        vestiging=historisch.vestiging,
        samenwerkingsverband__code=SWV_PO.code,
        van__gt=historisch.tot,
    ).exists()


def test_elke_rolsoort_heeft_een_login_met_wachtwoord_en_totp(demo):
    for rolsoort in Rolsoort.values:
        rollen = Rol.objects.filter(rolsoort=rolsoort, tot__isnull=True, koppelingen__isnull=True)
        assert rollen.exists(), rolsoort
        for rol in rollen:
            assert rol.gebruiker.check_password(WACHTWOORD)
            assert TOTPDevice.objects.filter(user=rol.gebruiker, confirmed=True).exists()
    schoolrollen = Rol.objects.filter(rolsoort__in=SCHOOLROLLEN, koppelingen__isnull=True)
    assert schoolrollen.values("school").distinct().count() >= 2
    assert Vestiging.objects.filter(
        soort=Soort.VO, school__in=schoolrollen.values("school")
    ).exists()
    assert {r.rol for r in demo.inloggegevens} == set(Rolsoort.values)


def test_ouders_en_leerlingen_met_login(demo):
    ouders = Gebruiker.objects.filter(rollen__rolsoort=Rolsoort.OUDER)
    assert 2 <= ouders.count() <= 3
    scholen_per_ouder = [
        Inschrijving.objects.filter(leerling__ouderschappen__ouder=ouder, tot__isnull=True)
        .values("vestiging__school")
        .distinct()
        .count()
        for ouder in ouders
    ]
    assert max(scholen_per_ouder) >= 2
    leerlingen = Leerling.objects.filter(gebruiker__rollen__rolsoort=Rolsoort.LEERLING)
    assert 1 <= leerlingen.count() <= 2
    assert all(leeftijd_op(leerling.geboortedatum, PEILDATUM) >= 12 for leerling in leerlingen)


def _huidige_leerlingen():
    """The demo's current pupils: the monitor's former pupils (four earlier school years,
    ``bouwer.monitor``) aside; see ``test_oud_leerlingen_zijn_niet_ingeschreven``."""
    return Leerling.objects.exclude(pk__in=voormalige_leerlingen())


def _zonder_aanmelding():
    """The planned pupils whose school career the demo's registrations did not touch (the
    children in absoluut verzuim are not enrolled anywhere, and leerplicht registered them
    without their parents' log-in)."""
    return (
        _huidige_leerlingen()
        .filter(aanmeldingen__isnull=True)
        .exclude(verzuimmeldingen__soort=Verzuimsoort.ABSOLUUT)
    )


def test_inschrijvingen_overlappen_niet_en_iedereen_is_nu_ingeschreven(demo):
    vandaag = timezone.localdate()
    geplande = _zonder_aanmelding()
    # The demo registrations add a few new children (not enrolled yet) to the planned ones.
    assert KLEIN <= _huidige_leerlingen().count() <= KLEIN + 25
    assert geplande.count() >= KLEIN - 20
    per_leerling = defaultdict(list)
    for inschrijving in Inschrijving.objects.filter(leerling__in=geplande).order_by(
        "leerling_id", "van"
    ):
        per_leerling[inschrijving.leerling_id].append(inschrijving)
    assert len(per_leerling) == geplande.count()
    for inschrijvingen in per_leerling.values():
        for eerder, later in pairwise(inschrijvingen):
            assert eerder.tot is not None
            assert eerder.tot < later.van
        assert inschrijvingen[-1].tot is None
    lopend = Inschrijving.objects.filter(leerling__in=geplande).filter(actief_op(vandaag))
    assert lopend.count() == geplande.count()
    assert lopend.values("leerling").distinct().count() == geplande.count()
    met_geschiedenis = sum(1 for i in per_leerling.values() if len(i) > 1)
    assert met_geschiedenis >= 0.2 * geplande.count()


def test_oud_leerlingen_zijn_niet_ingeschreven(demo):
    """The monitor's history is about former pupils: they count in the figures of earlier
    years, but no school's list shows them, no parent is linked and none can log in."""
    oud = voormalige_leerlingen()
    assert oud.count() == demo.aantallen["monitor_leerlingen"] > 500
    assert not Inschrijving.objects.filter(leerling__in=oud).exists()
    assert not Ouderschap.objects.filter(leerling__in=oud).exists()
    assert not oud.filter(gebruiker__isnull=False).exists()
    assert _huidige_leerlingen().count() == Leerling.objects.count() - oud.count()


def test_leeftijden_passen_bij_de_school(demo):
    for inschrijving in Inschrijving.objects.filter(tot__isnull=True).select_related(
        "leerling", "vestiging"
    ):
        jongst, oudst = LEEFTIJDEN[inschrijving.vestiging.soort]
        assert jongst <= leeftijd_op(inschrijving.leerling.geboortedatum, PEILDATUM) <= oudst


def test_elke_leerling_heeft_een_ouder_en_broers_en_zussen_delen_ouders(demo):
    assert not _zonder_aanmelding().filter(ouderschappen__isnull=True).exists()
    kinderen_per_ouder = Counter(Ouderschap.objects.values_list("ouder_id", flat=True))
    assert max(kinderen_per_ouder.values()) >= 2
    assert Ouderschap.objects.filter(gezag=False).exists()
    assert Ouderschap.objects.filter(gezag=True).count() > 0.8 * Ouderschap.objects.count()
    assert not Gebruiker.objects.filter(
        ouderschappen__isnull=False, rollen__isnull=True, password__startswith="pbkdf2"
    ).exists()


def test_lopende_betrokkenheden_van_swv_en_leerplicht(demo):
    vandaag = timezone.localdate()
    # The planned involvements (ground "... 2026-0001"); the demo's requests to the SWV
    # (arrangement "ARR-2026-00001", TLV) add their own through the services.
    swv = (
        Betrokkenheid.objects.filter(samenwerkingsverband__isnull=False)
        .filter(grond__regex=r" [0-9]{4}-[0-9]{4}$")
        .filter(actief_op(vandaag))
    )
    assert swv.count() == round(KLEIN * 150 / 5000)
    assert {b.samenwerkingsverband.code for b in swv} <= {SWV_PO.code, SWV_VO.code}
    leerplicht = Betrokkenheid.objects.filter(
        gebruiker__rollen__rolsoort=Rolsoort.LEERPLICHTAMBTENAAR
    ).filter(actief_op(vandaag))
    assert leerplicht.exists()
    assert all(b.grond.startswith("verzuimmelding") for b in leerplicht)


def test_woongemeente_en_werkgebied_bepalen_het_swv_van_de_woonregio(demo):
    assert not Leerling.objects.filter(woongemeente__isnull=True).exists()
    for code in (SWV_PO.code, SWV_VO.code):
        swv = Samenwerkingsverband.objects.get(code=code)
        assert {g.code for g in swv.werkgebied.all()} == {"9901", "9902", "9903"}
    assert not Samenwerkingsverband.objects.get(code=SWV_BUREN.code).werkgebied.exists()
    leerling = Leerling.objects.filter(postcode__startswith="4").first() or Leerling.objects.first()
    assert leerling.woongemeente.code == gemeente_van_postcode(leerling.postcode)
    assert swv_van_woonregio(gemeente_id=leerling.woongemeente_id, sector="VO").code == SWV_VO.code


def test_commando_schrijft_logins_en_het_totp_geheim_klopt(db, tmp_path):
    pad = tmp_path / "logins.json"
    uitvoer = io.StringIO()
    call_command("demo", "--leerlingen", str(KLEIN), "--logins", str(pad), stdout=uitvoer)
    assert "Gebruikersnaam" in uitvoer.getvalue()
    logins = json.loads(pad.read_text(encoding="utf-8"))
    assert all(set(login) == JSON_VELDEN for login in logins)
    personen = [login for login in logins if login["api_token"] is None]
    assert {login["rol"] for login in personen} == set(Rolsoort.values)
    for login in personen:
        assert login["password"] == WACHTWOORD
        sleutel = bytes.fromhex(login["totp_secret_hex"])
        assert base64.b32decode(login["totp_secret_base32"]) == sleutel
        apparaat = TOTPDevice.objects.get(user__username=login["username"])
        assert apparaat.verify_token(f"{TOTP(sleutel).token():06d}")
    [koppeling] = [login for login in logins if login["api_token"] is not None]
    assert koppeling["password"] is None
    assert koppeling["totp_secret_hex"] is None
    assert koppeling["rol"] in SCHOOLROLLEN


def test_api_token_van_de_koppeling_werkt(demo, client):
    [token] = [r.api_token for r in demo.inloggegevens if r.api_token]
    antwoord = client.get("/api/v1/vestigingen/", HTTP_AUTHORIZATION=f"Token {token}")
    assert antwoord.status_code == 200
    assert antwoord.json()["count"] >= 30


def test_twee_keer_draaien_voegt_niets_toe(db):
    modellen = (
        Vestiging,
        Leerling,
        Inschrijving,
        Ouderschap,
        Gebruiker,
        Rol,
        TOTPDevice,
        Koppeling,
    )
    call_command("demo", "--leerlingen", str(KLEIN), stdout=io.StringIO())
    voor = {model.__name__: model.objects.count() for model in modellen}
    uitvoer = io.StringIO()
    call_command("demo", "--leerlingen", str(KLEIN), stdout=uitvoer)
    assert {model.__name__: model.objects.count() for model in modellen} == voor
    assert "er al" in uitvoer.getvalue()
    assert "ib.dezonnebloem" in uitvoer.getvalue()


def test_leerlingen_worden_naar_grootte_over_de_vestigingen_verdeeld():
    vestigingen = plan_demo_regio(seed=2026, aantal_leerlingen=KLEIN).organisaties.vestigingen
    aantallen = aantallen_per_vestiging(vestigingen, 5000)
    assert sum(aantallen) == 5000
    totaal = sum(v.leerlingenaantal for v in vestigingen)
    for vestiging, aantal in zip(vestigingen, aantallen, strict=True):
        assert abs(aantal - 5000 * vestiging.leerlingenaantal / totaal) < 1


def test_tussenvoegsel_wordt_afgesplitst():
    assert splits_achternaam("van der Ploeg") == ("van der", "Ploeg")
    assert splits_achternaam("de Jong") == ("de", "Jong")
    assert splits_achternaam("Goyaerts van Waderle") == ("", "Goyaerts van Waderle")
    assert splits_achternaam("Jansen") == ("", "Jansen")


def test_bezette_gebruikersnaam_geeft_een_nette_fout_en_laat_niets_achter(db):
    Gebruiker.objects.create(username="inspecteur")
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command("demo", "--leerlingen", str(KLEIN), stdout=io.StringIO())
    assert not Vestiging.objects.exists()
    assert not Leerling.objects.exists()
