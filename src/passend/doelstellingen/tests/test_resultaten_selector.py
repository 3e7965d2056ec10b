"""The results selector: figures and tests against statsmodels/scipy, the baseline and the
previous wave, suppression (with the complementary-suppression attack on a national wave),
the policy (logged 403/404), closed waves only and exactly one access-log record."""

import math

import pytest
from django.http import Http404
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

from passend.accounts.rules import Rolsoort
from passend.core.models import Actie, Resultaat, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.doelstellingen.rules import Metingstatus, Respondentgroep
from passend.doelstellingen.selectors.resultaten import (
    GEEN_TOETS_PROPORTIES,
    OBJECT_TYPE,
    TE_WEINIG,
    TOETS_PROPORTIES,
    TOETS_WELCH,
    Itemresultaat,
    MetingNietGesloten,
    OngeldigeKeuze,
    Resultaten,
    analyse,
    resultaten_voor,
)
from passend.doelstellingen.tests.resultaten_data import actor, antwoorden, bouw_meting
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db
R = Rolsoort
G = Respondentgroep


def items(res: Resultaten) -> dict[tuple[str, str], Itemresultaat]:
    return {(g.respondentgroep, i.code): i for d in res.doelen for g in d.groepen for i in g.items}


def groep(res: Resultaten, naam: str, doel: int):
    return next(g for g in res.doelen[doel - 1].groepen if g.respondentgroep == naam)


# 2023 baseline, 2024 previous, 2025 now (answers of the parents; teachers too few).
NU = {
    "D1.behoefte": [5] * 6 + [4] * 3 + [2] * 3,  # 9 of 12 agree
    "D4.partner": [4] * 5,  # 5 answers: suppressed
    "D4.cijfer": [8, 7, 9, 6, 8, 7, 9, 8, 10, 7, 8, 6],
}
VORIG = {
    "D1.behoefte": [4] * 4 + [1] * 11,  # 4 of 15
    "D4.partner": [4] * 12,
    "D4.cijfer": [5, 6, 5, 7, 6, 5, 6, 4, 6, 5, 7, 6, 5, 6, 6],
}
NUL = {
    "D1.behoefte": [5] * 10 + [3] * 10,  # 10 of 20
    "D4.partner": [2] * 12,
    "D4.cijfer": [7, 8, 6, 7, 8, 7, 6, 7, 8, 7],
}


@pytest.fixture
def reeks():
    swv = SamenwerkingsverbandFactory()
    nul = bouw_meting(swv=swv, jaar=2023, nulmeting=True)
    vorig = bouw_meting(swv=swv, jaar=2024)
    nu = bouw_meting(swv=swv, jaar=2025)
    antwoorden(nul, swv=swv, groep=G.OUDER, waarden=NUL)
    antwoorden(vorig, swv=swv, groep=G.OUDER, waarden=VORIG)
    antwoorden(nu, swv=swv, groep=G.OUDER, waarden=NU)
    antwoorden(nu, swv=swv, groep=G.LERAAR, waarden={"D3.toegerust": [4] * 6, "D3.cijfer": [7] * 6})
    return swv, nul, vorig, nu


def test_uitkomsten_en_intervallen(reeks):
    swv, nul, vorig, nu = reeks
    res = analyse(nu, samenwerkingsverband_id=None)
    assert (res.nulmeting, res.vorige) == (nul, vorig)
    assert res.samenwerkingsverband == swv and res.scope == swv.naam
    assert [d.doelstelling for d in res.doelen] == [1, 2, 3, 4, 5, 6, 7]
    i = items(res)
    eens = i[(G.OUDER, "D1.behoefte")]
    assert (eens.n, eens.resultaat, eens.onderdrukt) == (12, 75.0, False)
    laag, hoog = proportion_confint(9, 12, method="wilson")
    assert math.isclose(eens.ci_laag, 100 * laag) and math.isclose(eens.ci_hoog, 100 * hoog)
    cijfer = i[(G.OUDER, "D4.cijfer")]
    waarden = NU["D4.cijfer"]
    gem = sum(waarden) / len(waarden)
    t_laag, t_hoog = stats.t.interval(0.95, len(waarden) - 1, loc=gem, scale=stats.sem(waarden))
    assert math.isclose(cijfer.resultaat, gem)
    assert math.isclose(cijfer.ci_laag, t_laag) and math.isclose(cijfer.ci_hoog, t_hoog)
    assert groep(res, G.OUDER, 1).responsen == 12


def test_kleine_cellen_onderdrukt(reeks):
    *_, nu = reeks
    res = analyse(nu, samenwerkingsverband_id=None)
    i = items(res)
    klein = i[(G.OUDER, "D4.partner")]
    assert klein.onderdrukt
    assert (klein.n, klein.resultaat, klein.ci_laag, klein.ci_hoog) == (None,) * 4
    # ... and so is its comparison, although the other waves have 12 answers.
    assert klein.vorige is not None and klein.vorige.toets is None
    assert klein.vorige.toelichting == TE_WEINIG and klein.vorige.n == 12
    leraar = groep(res, G.LERAAR, 3)
    assert leraar.responsen is None  # 6 respondents: "minder dan 10"
    assert all(x.onderdrukt and x.resultaat is None for x in leraar.items)
    # No baseline for the teachers' items in that group (not asked in the older waves: no answers).
    assert all(x.nulmeting is not None and x.nulmeting.toets is None for x in leraar.items)


def test_vergelijkingen_zoals_statsmodels_en_scipy(reeks):
    *_, nu = reeks
    i = items(analyse(nu, samenwerkingsverband_id=None))
    eens = i[(G.OUDER, "D1.behoefte")]
    z, p = proportions_ztest([9, 4], [12, 15])
    v = eens.vorige
    assert v.toets == TOETS_PROPORTIES and v.n == 15
    assert math.isclose(v.statistiek, z) and math.isclose(v.p, p)
    assert math.isclose(v.verschil, 75 - 100 * 4 / 15)
    cijfer = i[(G.OUDER, "D4.cijfer")].vorige
    t, p2 = stats.ttest_ind(NU["D4.cijfer"], VORIG["D4.cijfer"], equal_var=False)
    assert cijfer.toets == TOETS_WELCH
    assert math.isclose(cijfer.statistiek, t) and math.isclose(cijfer.p, p2)
    # Holm within goal 4 and the parents: only D4.cijfer was tested (D4.partner is suppressed),
    # within goal 1 only D1.behoefte: the adjusted p equals the raw p.
    assert math.isclose(cijfer.p_holm, p2) and math.isclose(v.p_holm, p)
    assert v.significant == (p < 0.05)
    assert v.oordeel == ("hoger" if v.significant else "geen verschil")
    assert cijfer.significant and cijfer.oordeel == "hoger"


def test_holm_over_de_items_van_een_doel():
    swv = SamenwerkingsverbandFactory()
    vorig = bouw_meting(swv=swv, jaar=2024)
    nu = bouw_meting(swv=swv, jaar=2025)
    a_vorig, a_nu = [4] * 6 + [2] * 14, [4] * 13 + [2] * 7
    c_vorig, c_nu = [6, 7, 5, 6, 7, 6, 5, 6, 7, 6], [7, 8, 6, 7, 8, 7, 7, 8, 6, 7]
    antwoorden(vorig, swv=swv, groep=G.OUDER, waarden={"D4.partner": a_vorig, "D4.cijfer": c_vorig})
    antwoorden(nu, swv=swv, groep=G.OUDER, waarden={"D4.partner": a_nu, "D4.cijfer": c_nu})
    i = items(analyse(nu, samenwerkingsverband_id=None))
    _, p1 = proportions_ztest([13, 6], [20, 20])
    _, p2 = stats.ttest_ind(c_nu, c_vorig, equal_var=False)
    _, verwacht, _, _ = multipletests([p1, p2], method="holm")
    assert math.isclose(i[(G.OUDER, "D4.partner")].vorige.p_holm, verwacht[0])
    assert math.isclose(i[(G.OUDER, "D4.cijfer")].vorige.p_holm, verwacht[1])
    # No baseline wave: no comparison with it.
    assert i[(G.OUDER, "D4.partner")].nulmeting is None


def test_geen_toets_bij_alleen_eens():
    swv = SamenwerkingsverbandFactory()
    vorig = bouw_meting(swv=swv, jaar=2024)
    nu = bouw_meting(swv=swv, jaar=2025)
    antwoorden(vorig, swv=swv, groep=G.OUDER, waarden={"D4.partner": [5] * 10})
    antwoorden(nu, swv=swv, groep=G.OUDER, waarden={"D4.partner": [4] * 11})
    v = items(analyse(nu, samenwerkingsverband_id=None))[(G.OUDER, "D4.partner")].vorige
    assert v.toets is None and v.p is None and v.toelichting == GEEN_TOETS_PROPORTIES
    assert (v.n, v.resultaat, v.oordeel, v.significant) == (10, 100.0, "", False)


def test_open_en_concept_metingen_tellen_niet_mee_als_vorige():
    swv = SamenwerkingsverbandFactory()
    bouw_meting(swv=swv, jaar=2024, status=Metingstatus.OPEN)
    nu = bouw_meting(swv=swv, jaar=2025)
    res = analyse(nu, samenwerkingsverband_id=None)
    assert res.vorige is None and res.nulmeting is None


# --- Policy, status and log ----------------------------------------------------------------


@pytest.mark.parametrize(
    "rolsoort", [R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER, R.TOEZICHTHOUDER, R.OPR_LID]
)
def test_swv_lezer_een_logregel(reeks, rolsoort):
    swv, *_, nu = reeks
    res = resultaten_voor(actor=actor(rolsoort, swv), meting_id=nu.pk, route="t")
    assert res.keuzes == []
    regel = Toegangsregel.objects.get()
    assert (regel.object_type, regel.object_id, regel.resultaat) == (
        OBJECT_TYPE,
        str(nu.pk),
        Resultaat.TOEGESTAAN,
    )


@pytest.mark.parametrize(
    ("rolsoort", "in_swv"),
    [(R.LERAAR, False), (R.OUDER, False), (R.LOKET, True), (R.FINANCIEEL_MEDEWERKER, True)],
)
def test_rol_zonder_recht_403_gelogd(reeks, rolsoort, in_swv):
    swv, *_, nu = reeks
    with pytest.raises(Geweigerd):
        resultaten_voor(actor=actor(rolsoort, swv if in_swv else None), meting_id=nu.pk, route="t")
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD


@pytest.mark.parametrize("rolsoort", [R.DIRECTEUR, R.MINISTERIE])
def test_meting_van_een_ander_swv_404_gelogd(reeks, rolsoort):
    *_, nu = reeks
    with pytest.raises(Http404):
        resultaten_voor(
            actor=actor(
                rolsoort, SamenwerkingsverbandFactory() if rolsoort == R.DIRECTEUR else None
            ),
            meting_id=nu.pk,
            route="t",
        )
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD


def test_onbekende_meting_404_gelogd():
    with pytest.raises(Http404):
        resultaten_voor(actor=actor(R.MINISTERIE), meting_id=987654, route="t")
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD


def test_ander_swv_kiezen_in_swv_meting_404(reeks):
    swv, *_, nu = reeks
    ander = SamenwerkingsverbandFactory()
    with pytest.raises(Http404):
        resultaten_voor(
            actor=actor(R.DIRECTEUR, swv), meting_id=nu.pk, route="t", swv_code=ander.code
        )
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD


@pytest.mark.parametrize("status", [Metingstatus.CONCEPT, Metingstatus.OPEN])
def test_alleen_gesloten_metingen(status):
    swv = SamenwerkingsverbandFactory()
    m = bouw_meting(swv=swv, jaar=2025, status=status)
    with pytest.raises(MetingNietGesloten):
        resultaten_voor(actor=actor(R.DIRECTEUR, swv), meting_id=m.pk, route="t")
    # Allowed but nothing shown: one record, with the reason.
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.reden) == (Resultaat.TOEGESTAAN, "meting nog niet gesloten")


# --- A national wave: scopes and complementary suppression ---------------------------------


@pytest.fixture
def landelijk():
    """Three SWVs answer D1.behoefte: A 30, B 25, C 5 (C is small); D4.partner: A 40, B 20."""
    a, b, c = (SamenwerkingsverbandFactory(naam=n) for n in ("Aa", "Bb", "Cc"))
    m = bouw_meting(swv=None, jaar=2025)
    antwoorden(
        m,
        swv=a,
        groep=G.OUDER,
        waarden={"D1.behoefte": [4] * 20 + [2] * 10, "D4.partner": [4] * 40},
    )
    antwoorden(
        m, swv=b, groep=G.OUDER, waarden={"D1.behoefte": [5] * 5 + [1] * 20, "D4.partner": [2] * 20}
    )
    antwoorden(m, swv=c, groep=G.OUDER, waarden={"D1.behoefte": [5] * 4 + [1]})
    return m, a, b, c


def test_landelijke_rollen_kiezen_elk_swv(landelijk):
    m, a, b, c = landelijk
    wie = actor(R.INSPECTEUR)
    totaal = resultaten_voor(actor=wie, meting_id=m.pk, route="t")
    assert totaal.scope == "Landelijk" and totaal.samenwerkingsverband is None
    assert totaal.keuzes == [a, b, c]
    d1 = items(totaal)[(G.OUDER, "D1.behoefte")]
    assert (d1.n, d1.resultaat) == (60, 100 * 29 / 60)
    van_a = resultaten_voor(actor=wie, meting_id=m.pk, route="t", swv_code=a.code.lower())
    assert van_a.scope == "Aa" and items(van_a)[(G.OUDER, "D1.behoefte")].n == 30
    with pytest.raises(OngeldigeKeuze):
        resultaten_voor(actor=wie, meting_id=m.pk, route="t", swv_code="XX9999")
    with pytest.raises(OngeldigeKeuze):  # an SWV that did not take part
        resultaten_voor(
            actor=wie, meting_id=m.pk, route="t", swv_code=SamenwerkingsverbandFactory().code
        )
    assert Toegangsregel.objects.filter(resultaat=Resultaat.TOEGESTAAN).count() == 2


def test_swv_lezer_ziet_landelijk_en_eigen_swv(landelijk):
    m, a, b, _ = landelijk
    wie = actor(R.OPR_LID, a)
    assert resultaten_voor(actor=wie, meting_id=m.pk, route="t").keuzes == [a]
    assert resultaten_voor(actor=wie, meting_id=m.pk, route="t", swv_code=a.code).scope == "Aa"
    with pytest.raises(Http404):
        resultaten_voor(actor=wie, meting_id=m.pk, route="t", swv_code=b.code)
    assert Toegangsregel.objects.filter(resultaat=Resultaat.GEWEIGERD).count() == 1


def test_aanval_totaal_min_de_rest_lukt_niet(landelijk):
    """Whoever reads the total and every SWV cannot work out the hidden SWV's cell."""
    m, a, b, c = landelijk
    wie = actor(R.MINISTERIE)
    totaal = items(resultaten_voor(actor=wie, meting_id=m.pk, route="t"))
    per_swv = {
        s.code: items(resultaten_voor(actor=wie, meting_id=m.pk, route="t", swv_code=s.code))
        for s in (a, b, c)
    }
    gelekt = []
    for sleutel, cel in totaal.items():
        if cel.n is None:
            continue
        verborgen = [
            code
            for code, res in per_swv.items()
            if res[sleutel].n is None and res[sleutel].onderdrukt
        ]
        bekend = sum(res[sleutel].n or 0 for res in per_swv.values())
        # With exactly one hidden SWV, total − the others would give it away.
        if len(verborgen) == 1 and cel.n - bekend > 0:
            gelekt.append((sleutel, verborgen[0], cel.n - bekend))
    assert gelekt == []
    # C (5 answers) is hidden, and so is B (the next smallest), though it has 25.
    d1 = (G.OUDER, "D1.behoefte")
    assert per_swv[c.code][d1].onderdrukt and per_swv[b.code][d1].onderdrukt
    assert per_swv[a.code][d1].n == 30
    # D4.partner: nobody small, nothing hidden.
    assert per_swv[b.code][(G.OUDER, "D4.partner")].n == 20
    # The same pattern for an SWV reader of B: its own figure is hidden too.
    eigen = resultaten_voor(actor=actor(R.DIRECTEUR, b), meting_id=m.pk, route="t", swv_code=b.code)
    assert items(eigen)[d1].onderdrukt
    # Response counts: C's 5 is hidden, and B's with it (A 40, B 25, C 5).
    g = groep(eigen, G.OUDER, 1)
    assert g.responsen is None
    assert (
        groep(
            resultaten_voor(actor=wie, meting_id=m.pk, route="t", swv_code=a.code), G.OUDER, 1
        ).responsen
        == 40
    )


def test_interval_van_de_andere_meting(reeks):
    *_, nu = reeks
    i = items(analyse(nu, samenwerkingsverband_id=None))
    v = i[(G.OUDER, "D1.behoefte")].vorige
    laag, hoog = proportion_confint(4, 15, method="wilson")
    assert math.isclose(v.ci_laag, 100 * laag) and math.isclose(v.ci_hoog, 100 * hoog)
    w = VORIG["D4.cijfer"]
    t_laag, t_hoog = stats.t.interval(0.95, len(w) - 1, loc=sum(w) / len(w), scale=stats.sem(w))
    c = i[(G.OUDER, "D4.cijfer")].vorige
    assert math.isclose(c.ci_laag, t_laag) and math.isclose(c.ci_hoog, t_hoog)
    # Hidden in this wave, shown in the other: the other's interval is shown.
    assert i[(G.OUDER, "D4.partner")].vorige.ci_laag is not None


def test_niet_gesloten_noemt_de_meting():
    swv = SamenwerkingsverbandFactory()
    m = bouw_meting(swv=swv, jaar=2025, status=Metingstatus.OPEN)
    with pytest.raises(MetingNietGesloten) as fout:
        resultaten_voor(actor=actor(R.DIRECTEUR, swv), meting_id=m.pk, route="t")
    assert fout.value.meting == m


def test_log_actie_voor_afdrukken(reeks):
    swv, *_, nu = reeks
    resultaten_voor(
        actor=actor(R.OPR_LID, swv), meting_id=nu.pk, route="t", log_actie=Actie.AFDRUKKEN
    )
    with pytest.raises(Geweigerd):
        resultaten_voor(
            actor=actor(R.LOKET, swv), meting_id=nu.pk, route="t", log_actie=Actie.AFDRUKKEN
        )
    assert set(Toegangsregel.objects.values_list("actie", flat=True)) == {Actie.AFDRUKKEN}
