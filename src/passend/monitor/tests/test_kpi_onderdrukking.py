"""Small-cell suppression, the policy (logged 403 / 404) and the access log of the KPI
selectors, and a bounded number of SQL queries."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from passend.accounts.rules import Rolsoort
from passend.core.models import Resultaat, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.monitor.rules import Afbakening
from passend.monitor.selectors.kpi import kpi_dashboard, kpi_landelijk
from passend.monitor.tests.kpi_data import TOT, VAN, actor, bouw

pytestmark = pytest.mark.django_db
R = Rolsoort


@pytest.fixture
def data():
    return bouw()


def dashboard(data, rolsoort, swv=None):
    return kpi_dashboard(
        actor=actor(rolsoort, data.a),
        samenwerkingsverband=swv or data.a,
        van=VAN,
        tot=TOT,
        afbakening=Afbakening(),
        route="test",
    )


def figuren(d):
    return {k.code: k for k in d.kengetallen}


@pytest.mark.parametrize("rolsoort", [R.TOEZICHTHOUDER, R.OPR_LID])
def test_kleine_cellen_verborgen(data, rolsoort):
    d = dashboard(data, rolsoort)
    assert d.onderdrukt
    f = figuren(d)
    # 1..9 hidden with its rate; no previous year and no change in a suppressed view.
    k = f["tlv_toegekend"]  # 2 now, 1 a year before
    assert (k.aantal, k.waarde, k.vorig_jaar_aantal, k.vorig_jaar_waarde, k.verandering) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert k.onderdrukt
    assert k.noemer == 1100  # the denominator (all pupils) is no small cell
    # 0 and >= 10 are shown.
    assert f["tlv_vso"].aantal == 0 and not f["tlv_vso"].onderdrukt
    assert f["leerlingen"].aantal == 1100
    assert all(
        (k.vorig_jaar_aantal, k.vorig_jaar_waarde, k.verandering) == (None, None, None)
        for k in d.kengetallen
    )
    # No per-year chart series either.
    assert d.reeksen == []


@pytest.mark.parametrize("rolsoort", [R.INSPECTEUR, R.MINISTERIE])
def test_landelijke_rol_leest_geen_dashboard_van_een_swv(data, rolsoort):
    """Their only view is the national table (a per-SWV view could show its complements)."""
    with pytest.raises(Geweigerd):
        kpi_dashboard(
            actor=actor(rolsoort),
            samenwerkingsverband=data.a,
            van=VAN,
            tot=TOT,
            afbakening=Afbakening(),
            route="t",
        )
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD


@pytest.mark.parametrize("rolsoort", [R.TOEZICHTHOUDER, R.OPR_LID])
def test_onderdrukt_alleen_een_heel_schooljaar(data, rolsoort):
    twee_jaar = {"van": VAN.replace(year=VAN.year - 1), "tot": TOT}
    with pytest.raises(ValueError):
        kpi_dashboard(
            actor=actor(rolsoort, data.a),
            samenwerkingsverband=data.a,
            afbakening=Afbakening(),
            route="t",
            **twee_jaar,
        )
    with pytest.raises(ValueError):
        kpi_landelijk(actor=actor(R.INSPECTEUR), afbakening=Afbakening(), route="t", **twee_jaar)
    assert not Toegangsregel.objects.filter(resultaat=Resultaat.TOEGESTAAN).exists()


@pytest.mark.parametrize("rolsoort", [R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER])
def test_directeur_ziet_alles(data, rolsoort):
    d = dashboard(data, rolsoort)
    assert not d.onderdrukt
    assert figuren(d)["tlv_toegekend"].aantal == 2


def test_grens_uit_de_instelling(data, settings):
    passend = {**settings.PASSEND, "KLEINE_CEL_GRENS": 2}
    with override_settings(PASSEND=passend):
        d = dashboard(data, R.TOEZICHTHOUDER)
    f = figuren(d)
    assert d.grens == 2
    assert f["tlv_toegekend"].aantal == 2  # not under 2: shown
    assert f["tlv_sbo"].aantal is None  # 1: hidden


def test_landelijk_altijd_onderdrukt(data):
    landelijk = kpi_landelijk(
        actor=actor(R.MINISTERIE), van=VAN, tot=TOT, afbakening=Afbakening(), route="t"
    )
    for rij in landelijk.rijen:
        for k in rij.kengetallen:
            assert k.aantal is None or k.aantal == 0 or k.aantal >= 10
    assert len(Toegangsregel.objects.filter(object_type="monitor_kpi_landelijk")) == 1


def test_landelijk_per_sector(data):
    landelijk = kpi_landelijk(
        actor=actor(R.INSPECTEUR), van=VAN, tot=TOT, afbakening=Afbakening(sector="VO"), route="t"
    )
    assert landelijk.rijen == []


@pytest.mark.parametrize("rolsoort", [R.DIRECTEUR, R.TOEZICHTHOUDER, R.INTERN_BEGELEIDER])
def test_landelijk_alleen_inspectie_en_ministerie(data, rolsoort):
    with pytest.raises(Geweigerd):
        kpi_landelijk(
            actor=actor(rolsoort, None if rolsoort == R.INTERN_BEGELEIDER else data.a),
            van=VAN,
            tot=TOT,
            afbakening=Afbakening(),
            route="t",
        )
    regel = Toegangsregel.objects.get()
    assert regel.resultaat == Resultaat.GEWEIGERD


def test_rol_zonder_monitor_403_gelogd(data):
    with pytest.raises(Geweigerd):
        kpi_dashboard(
            actor=actor(R.INTERN_BEGELEIDER),
            samenwerkingsverband=data.a,
            van=VAN,
            tot=TOT,
            afbakening=Afbakening(),
            route="t",
        )
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.object_type) == (Resultaat.GEWEIGERD, "monitor_kpi")


def test_ander_swv_404_gelogd(data):
    with pytest.raises(Http404):
        kpi_dashboard(
            actor=actor(R.DIRECTEUR, data.b),
            samenwerkingsverband=data.a,
            van=VAN,
            tot=TOT,
            afbakening=Afbakening(),
            route="t",
        )
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.object_id) == (Resultaat.GEWEIGERD, data.a.code)


def test_een_logregel_zonder_leerlingen(data):
    dashboard(data, R.OPR_LID)
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.object_type, regel.object_id) == (
        Resultaat.TOEGESTAAN,
        "monitor_kpi",
        data.a.code,
    )
    assert not regel.leerlingen.exists()


def _meer_data(data):
    """The dataset twice more (other SWVs and the same), for the query bounds."""
    bouw()
    bouw()


def test_aantal_queries_begrensd(data, django_assert_max_num_queries):
    directeur = actor(R.DIRECTEUR, data.a)
    inspecteur = actor(R.INSPECTEUR)
    args = {"van": VAN, "tot": TOT, "afbakening": Afbakening(), "route": "t"}
    with CaptureQueriesContext(connection) as klein_dashboard:
        kpi_dashboard(actor=directeur, samenwerkingsverband=data.a, **args)
    with CaptureQueriesContext(connection) as klein_landelijk:
        kpi_landelijk(actor=inspecteur, **args)
    _meer_data(data)
    with django_assert_max_num_queries(len(klein_dashboard.captured_queries)):
        kpi_dashboard(actor=directeur, samenwerkingsverband=data.a, **args)
    with django_assert_max_num_queries(len(klein_landelijk.captured_queries)):
        kpi_landelijk(actor=inspecteur, **args)
    # A fixed number, whatever the data: 2 periods + 1 school year of grouped queries.
    assert len(klein_dashboard.captured_queries) <= 45
    # 21 grouped queries for the one school year (the per-SWV and the national figures of
    # leerlingen, OPP, zorgplicht and Veilig Thuis), the SWVs, the access-log record.
    assert len(klein_landelijk.captured_queries) <= 25


def test_aantal_queries_onderdrukt_dashboard_begrensd(data, django_assert_max_num_queries):
    """A suppressed dashboard reads one period only (no previous year, no chart)."""
    toezicht = actor(R.TOEZICHTHOUDER, data.a)
    args = {"van": VAN, "tot": TOT, "afbakening": Afbakening(), "route": "t"}
    with CaptureQueriesContext(connection) as klein:
        kpi_dashboard(actor=toezicht, samenwerkingsverband=data.a, **args)
    _meer_data(data)
    with django_assert_max_num_queries(len(klein.captured_queries)):
        kpi_dashboard(actor=toezicht, samenwerkingsverband=data.a, **args)
    assert len(klein.captured_queries) <= 20
