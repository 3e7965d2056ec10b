"""Attacks on the suppressed KPI figures (issue #7 review) and the input fixes.

Each test tries one way to learn a hidden small cell (a denominator, parts and their
total, the national total, filters, free dates, chart points), or one bad input, and
fails on the code before the fix.
"""

import datetime
from decimal import Decimal

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.core.models import Resultaat, Toegangsregel
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.monitor.rules import (
    Afbakening,
    Optelling,
    aanvullend_onderdrukken,
    een_jaar_eerder,
    vorige_periode,
)
from passend.monitor.selectors.kpi import (
    dashboard_tabel,
    kpi_dashboard,
    kpi_landelijk,
    landelijk_tabel,
)
from passend.monitor.tests.kpi_data import TOT, VAN, actor, bouw, toegekend, vestiging
from passend.monitor.tests.test_kpi_paginas import (
    SCHOOLJAAR,
    _tekst,
    client_als,
    maak_wereld,
    rol_in,
)
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
)
from passend.toelaatbaarheid.rules import Soort
from passend.verzuim.tests.factories import VerzuimmeldingFactory

R = Rolsoort
D = datetime.date
KENGETALLEN = "/api/v1/monitor/kengetallen/"
LANDELIJK = "/api/v1/monitor/landelijk/"
ONDERDRUKT = [R.TOEZICHTHOUDER, R.OPR_LID]


def figuren(d):
    return {k.code: k for k in d.kengetallen}


def dashboard_als(rolsoort, swv, van=VAN, tot=TOT, afbakening=None):
    return kpi_dashboard(
        actor=actor(rolsoort, swv),
        samenwerkingsverband=swv,
        van=van,
        tot=tot,
        afbakening=afbakening or Afbakening(),
        route="t",
    )


def landelijk(sector=None):
    return kpi_landelijk(
        actor=actor(R.INSPECTEUR), van=VAN, tot=TOT, afbakening=Afbakening(sector=sector), route="t"
    )


def token_client(rol) -> Client:
    _, token = koppeling_aanmaken(naam="Koppeling", rol=rol)
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Token {token}")


# --- The pure rule --------------------------------------------------------------------------


@st.composite
def tabellen(draw):
    """Random cells (counts, some small) and sums among them, some sharing cells."""
    n = draw(st.integers(min_value=2, max_value=9))
    waarden = {i: draw(st.integers(min_value=0, max_value=40)) for i in range(n)}
    optellingen = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        cellen = draw(st.lists(st.sampled_from(range(n)), min_size=2, max_size=n, unique=True))
        k = draw(st.integers(min_value=1, max_value=len(cellen) - 1))
        optellingen.append(Optelling(tuple(cellen[:k]), tuple(cellen[k:])))
    return waarden, optellingen


@settings(max_examples=300, deadline=None)
@given(tabellen(), st.integers(min_value=2, max_value=12))
def test_geen_verborgen_cel_terug_te_rekenen(tabel, grens):
    waarden, optellingen = tabel
    klein = {c for c, w in waarden.items() if 0 < w < grens}
    weg = aanvullend_onderdrukken(waarden, klein, optellingen)
    assert klein <= weg
    for optelling in optellingen:
        # With exactly one hidden cell, the others give it away by adding and subtracting.
        assert sum(1 for c in optelling.cellen if c in weg) != 1
    # Deterministic: the same answer again.
    assert aanvullend_onderdrukken(waarden, klein, optellingen) == weg


def test_het_kleinste_deel_dat_niet_0_is_gaat_mee():
    waarden = {"totaal": 30, "sbo": 12, "so": 3, "vso": 15, "leeg": 0}
    optelling = Optelling(("totaal",), ("sbo", "so", "vso", "leeg"))
    assert aanvullend_onderdrukken(waarden, {"so"}, [optelling]) == {"so", "sbo"}
    # A hidden total and every part shown: a part goes too.
    assert aanvullend_onderdrukken(waarden, {"totaal"}, [optelling]) == {"totaal", "so"}
    # No part left but zeros: a total.
    waarden = {"totaal": 30, "a": 30, "b": 0, "c": 7}
    assert aanvullend_onderdrukken(waarden, {"c"}, [Optelling(("totaal",), ("a", "b", "c"))]) == {
        "c",
        "a",
    }


def test_een_jaar_eerder_veilig():
    assert een_jaar_eerder(D(1, 1, 1)) == D.min
    assert een_jaar_eerder(D(2024, 2, 29)) == D(2023, 2, 28)
    assert vorige_periode(D(2025, 8, 1), D(2026, 7, 31)) == (D(2024, 8, 1), D(2025, 7, 31))


# --- 1. A hidden count as another row's denominator -----------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("rolsoort", ONDERDRUKT)
def test_kleine_noemer_verborgen(rolsoort):
    data = bouw()
    directeur = figuren(dashboard_als(R.DIRECTEUR, data.a))
    besloten = directeur["zorgplicht_besloten"].aantal
    assert 0 < besloten < 10  # the dataset has a small number of decisions
    assert directeur["zorgplicht_overschreden"].noemer == besloten
    assert directeur["zorgplicht_overschreden"].noemer_eenheid == "besloten aanmeldingen"
    d = dashboard_als(rolsoort, data.a)
    f = figuren(d)
    assert f["zorgplicht_besloten"].aantal is None
    k = f["zorgplicht_overschreden"]
    assert (k.noemer, k.waarde) == (None, None)
    _, rijen = dashboard_tabel(d)
    rij = next(r for r in rijen if r[1] == k.label)
    assert rij[5] == "<10" and rij[3] == "<10"
    # The pupils are no small count: shown as the denominator of a rate.
    assert f["tlv_toegekend"].noemer == 1100 and f["tlv_toegekend"].noemer_eenheid == "leerlingen"


@pytest.mark.django_db
def test_noemer_op_de_pagina_met_eenheid():
    wereld = maak_wereld()
    tekst = _tekst(client_als(wereld, R.DIRECTEUR).get(reverse("monitor:dashboard"), SCHOOLJAAR))
    assert ">Noemer</th>" in tekst and "Van aantal leerlingen" not in tekst
    assert "1000 leerlingen" in tekst


@pytest.mark.django_db
def test_kleine_noemer_niet_in_de_landelijke_tabel():
    data = bouw()
    tabel = landelijk()
    codes = [c for c, _, _ in tabel.kolommen]
    rij = next(r for r in tabel.rijen if r.samenwerkingsverband == data.a)
    k = rij.kengetallen[codes.index("zorgplicht_overschreden")]
    assert k.noemer is None and k.waarde is None
    _, rijen = landelijk_tabel(tabel)
    for r in rijen:
        if r[0] == data.a.code and r[3] == k.label:
            assert r[7] == "<10"


# --- 2a. Parts and their total --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("rolsoort", ONDERDRUKT)
def test_delen_en_totaal_verraden_geen_kleine_cel(rolsoort):
    data = bouw()
    # 12 more sbo TLVs: the sbo cell (13) and the total (14) are shown; so stays 1.
    for _ in range(12):
        toegekend(
            data.a, data.v1, soort=Soort.SBO, ontvangen=D(2025, 10, 1), compleet=D(2025, 10, 8),
            besluit=D(2025, 10, 22), ingang=D(2025, 11, 1), einde=D(2026, 10, 31),
        )  # fmt: skip
    f = figuren(dashboard_als(rolsoort, data.a))
    assert f["tlv_so"].aantal is None
    soorten = [f[c].aantal for c in ("tlv_toegekend", "tlv_sbo", "tlv_so", "tlv_vso")]
    assert sum(1 for a in soorten if a is None) >= 2  # "total - sbo - vso" gives nothing
    categorieen = [f[c].aantal for c in ("tlv_so", "tlv_vso")] + [
        f[f"tlv_categorie_{n}"].aantal for n in (1, 2, 3)
    ]
    assert sum(1 for a in categorieen if a is None) != 1
    # The rate of a hidden count is hidden with it.
    assert all(
        f[c].waarde is None for c in ("tlv_toegekend", "tlv_sbo", "tlv_so") if f[c].aantal is None
    )
    # The directeur sees all of it.
    d = figuren(dashboard_als(R.DIRECTEUR, data.a))
    assert (d["tlv_toegekend"].aantal, d["tlv_sbo"].aantal, d["tlv_so"].aantal) == (14, 13, 1)


# --- 2b. The national total -------------------------------------------------------------------


def _verborgen_per_kolom(tabel, rijen):
    codes = [c for c, _, _ in tabel.kolommen]
    uit = {}
    for i, code in enumerate(codes):
        cellen = [r.kengetallen[i] for r in rijen] + [tabel.totaal[i]]
        uit[code] = [k.aantal is None and k.onderdrukt for k in cellen]
    return uit


@pytest.mark.django_db
def test_landelijk_totaal_verraadt_geen_kleine_cel():
    klein = maak_wereld(tlvs=3, naam="SWV Klein")
    maak_wereld(tlvs=12, naam="SWV Groot")
    tabel = landelijk()
    for code, verborgen in _verborgen_per_kolom(tabel, tabel.rijen).items():
        assert sum(verborgen) != 1, code
    codes = [c for c, _, _ in tabel.kolommen]
    i = codes.index("tlv_toegekend")
    rij = next(r for r in tabel.rijen if r.samenwerkingsverband == klein.swv)
    assert rij.kengetallen[i].aantal is None
    groot = [r.kengetallen[i].aantal for r in tabel.rijen if r.samenwerkingsverband != klein.swv]
    assert tabel.totaal[i].aantal is None or None in groot


@pytest.mark.django_db
def test_sectortabel_en_hele_tabel_samen_verraden_niets():
    po_klein = maak_wereld(tlvs=3, naam="SWV PO klein")
    maak_wereld(tlvs=12, naam="SWV PO groot")
    maak_wereld(tlvs=4, naam="SWV VO klein", sector="VO")
    maak_wereld(tlvs=11, naam="SWV VO groot", sector="VO")
    heel, po = landelijk(), landelijk("PO")
    codes = [c for c, _, _ in heel.kolommen]
    i = codes.index("tlv_toegekend")
    # What an attacker knows of the PO SWVs and their total from both tables together.
    bekend = {}
    for tabel in (heel, po):
        for r in tabel.rijen:
            if r.kengetallen[i].aantal is not None:
                bekend[r.samenwerkingsverband.pk] = r.kengetallen[i].aantal
    if po.totaal[i].aantal is not None:
        bekend["totaal"] = po.totaal[i].aantal
    onbekend = [
        s for s in [*(r.samenwerkingsverband.pk for r in po.rijen), "totaal"] if s not in bekend
    ]
    assert po_klein.swv.pk in onbekend
    assert len(onbekend) >= 2


# --- 2c/2d. Filters and free dates ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("rolsoort", ONDERDRUKT)
def test_geen_filters_voor_onderdrukte_rollen_op_de_pagina(rolsoort):
    wereld = maak_wereld()
    client = client_als(wereld, rolsoort)
    leeg = client.get(reverse("monitor:dashboard"))
    assert (
        "bestuur" not in leeg.context["form"].fields and "soort" not in leeg.context["form"].fields
    )
    assert "van" not in leeg.context["form"].fields
    voor = Toegangsregel.objects.count()
    bestuur = wereld.vestiging.school.bestuur
    for vraag in (
        {"bestuur": bestuur.pk},
        {"soort": "bao"},
        {"van": "2025-08-01", "tot": "2025-09-30"},
    ):
        antwoord = client.get(reverse("monitor:dashboard"), vraag)
        assert antwoord.status_code == 200
        assert "dashboard" not in antwoord.context
        assert antwoord.context["form"].errors
        csv = client.get(reverse("monitor:dashboard-csv"), vraag)
        assert csv.status_code == 400
    assert Toegangsregel.objects.count() == voor  # nothing read, nothing logged


@pytest.mark.django_db
def test_directeur_houdt_filters_en_eigen_periode():
    wereld = maak_wereld()
    client = client_als(wereld, R.DIRECTEUR)
    antwoord = client.get(
        reverse("monitor:dashboard"),
        {"van": "2025-08-01", "tot": "2025-09-30", "soort": "bao"},
    )
    assert antwoord.context["dashboard"].afbakening.soort == "bao"
    assert "zaken zonder school" in _tekst(antwoord)


@pytest.mark.django_db
@pytest.mark.parametrize("rolsoort", ONDERDRUKT)
def test_selector_weigert_filters_en_vrije_data(rolsoort):
    data = bouw()
    with pytest.raises(ValueError):
        dashboard_als(rolsoort, data.a, afbakening=Afbakening(bestuur_id=data.bestuur_x.pk))
    with pytest.raises(ValueError):
        dashboard_als(rolsoort, data.a, van=D(2025, 8, 1), tot=D(2025, 9, 30))
    with pytest.raises(ValueError):
        kpi_landelijk(
            actor=actor(R.MINISTERIE),
            van=D(2025, 8, 2),
            tot=TOT,
            afbakening=Afbakening(),
            route="t",
        )


@pytest.mark.django_db
def test_api_geen_filters_en_geen_vrije_data_voor_onderdrukte_rollen():
    wereld = maak_wereld()
    client = token_client(rol_in(wereld, R.OPR_LID))
    bestuur = wereld.vestiging.school.bestuur
    for vraag, veld in (
        ({"bestuur": bestuur.bevoegd_gezag_nummer}, "bestuur"),
        ({"soort": "bao"}, "soort"),
        ({"van": "2025-08-01", "tot": "2025-09-30"}, "van"),
    ):
        antwoord = client.get(KENGETALLEN, vraag)
        assert antwoord.status_code == 400, vraag
        assert veld in antwoord.json()["velden"]
    # Whole school years are fine: 2 of them.
    antwoord = client.get(KENGETALLEN, {"schooljaar": "2025-2026", "jaren": 2})
    assert antwoord.status_code == 200
    assert (antwoord.json()["van"], antwoord.json()["tot"]) == ("2024-08-01", "2026-07-31")
    inspectie = token_client(rol_in(None, R.INSPECTEUR))
    assert inspectie.get(LANDELIJK, {"van": "2025-08-01", "tot": "2025-09-30"}).status_code == 400
    assert inspectie.get(LANDELIJK, {"schooljaar": "2025-2026"}).status_code == 200


@pytest.mark.django_db
def test_landelijke_pagina_alleen_hele_schooljaren():
    maak_wereld()
    client = client_als(None, R.INSPECTEUR)
    antwoord = client.get(reverse("monitor:landelijk"), {"van": "2025-08-01", "tot": "2025-09-30"})
    assert "landelijk" not in antwoord.context
    assert "hele schooljaren" in _tekst(antwoord)
    antwoord = client.get(reverse("monitor:landelijk"), {"schooljaar": "2025-2026", "jaren": "3"})
    assert (antwoord.context["landelijk"].van, antwoord.context["landelijk"].tot) == (
        D(2023, 8, 1),
        D(2026, 7, 31),
    )
    # The link to one SWV keeps the same school years.
    assert "schooljaar=2025-2026&amp;jaren=3" in _tekst(antwoord)


# --- 2e. Chart points and the period ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("rolsoort", ONDERDRUKT)
def test_jaarpunten_en_periode_verraden_geen_klein_jaar(rolsoort):
    swv = SamenwerkingsverbandFactory(sector="PO")
    v = vestiging(swv, SchoolbestuurFactory(), "bao", leerlingenaantal=1000)

    def tlvs(aantal, dag):
        for _ in range(aantal):
            toegekend(
                swv, v, soort=Soort.SBO, ontvangen=dag - datetime.timedelta(days=30),
                compleet=dag - datetime.timedelta(days=20), besluit=dag, ingang=dag,
                einde=dag + datetime.timedelta(days=300),
            )  # fmt: skip

    tlvs(12, D(2024, 10, 1))  # 2024-2025: shown
    tlvs(3, D(2025, 10, 1))  # 2025-2026: small
    d = dashboard_als(rolsoort, swv, van=D(2024, 8, 1), tot=TOT)
    reeks = {r.code: r for r in d.reeksen}["tlv_toegekend"]
    punten = dict(reeks.punten)
    assert punten["2025-2026"] is None and "2025-2026" in reeks.onderdrukt
    # 15 over the period minus 12 in the first year would give the 3 away: the period's
    # figure is hidden too (each year can be asked for on its own, so not the other year).
    assert figuren(d)["tlv_toegekend"].aantal is None
    assert figuren(d)["tlv_toegekend"].waarde is None
    assert punten["2024-2025"] == Decimal("12.0")
    directeur = dashboard_als(R.DIRECTEUR, swv, van=D(2024, 8, 1), tot=TOT)
    assert figuren(directeur)["tlv_toegekend"].aantal == 15


# --- 3. The sector filter keeps cases without a school ---------------------------------------


@pytest.mark.django_db
def test_sectorfilter_houdt_kinderen_zonder_school():
    data = bouw()
    # 12 children at home without a school in both SWVs: no small cell to hide A's with.
    for swv in (data.a, data.b):
        for _ in range(12):
            VerzuimmeldingFactory(
                samenwerkingsverband=swv,
                leerling=LeerlingFactory(),
                absoluut=True,
                sinds=D(2025, 9, 1),
            )

    def thuiszitters(sector):
        tabel = landelijk(sector)
        codes = [c for c, _, _ in tabel.kolommen]
        rij = next(r for r in tabel.rijen if r.samenwerkingsverband == data.a)
        return rij.kengetallen[codes.index("thuiszitters")].aantal

    zonder = thuiszitters(None)
    assert zonder is not None and zonder >= 12
    assert thuiszitters(data.a.sector) == zonder


# --- 4. Participation of the own sector -------------------------------------------------------


@pytest.mark.django_db
def test_deelname_alleen_van_de_eigen_sector():
    po = maak_wereld(naam="SWV PO")
    vo = maak_wereld(naam="SWV VO", sector="VO")
    tekst = _tekst(client_als(po, R.DIRECTEUR).get(reverse("monitor:dashboard"), SCHOOLJAAR))
    assert "Deelname vso" not in tekst and "Deelname sbo" in tekst
    tekst = _tekst(client_als(vo, R.DIRECTEUR).get(reverse("monitor:dashboard"), SCHOOLJAAR))
    assert "Deelname sbo" not in tekst and "Deelname so " not in tekst and "Deelname vso" in tekst
    tabel = landelijk()
    codes = [c for c, _, _ in tabel.kolommen]
    for rij in tabel.rijen:
        vso = rij.kengetallen[codes.index("deelname_vso")]
        sbo = rij.kengetallen[codes.index("deelname_sbo")]
        if rij.samenwerkingsverband == po.swv:
            assert vso.aantal is None and not vso.onderdrukt
            assert sbo.aantal is not None or sbo.onderdrukt
        else:
            assert sbo.aantal is None and not sbo.onderdrukt


# --- 5. Dates out of range in the API ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "vraag",
    [
        {"van": "0001-01-01", "tot": "0001-12-31"},
        {"van": "9999-01-01", "tot": "9999-12-31"},
        {"van": "1999-08-01", "tot": "2000-07-31"},
    ],
)
def test_api_datums_buiten_bereik(vraag):
    wereld = maak_wereld()
    antwoord = token_client(rol_in(wereld, R.DIRECTEUR)).get(KENGETALLEN, vraag)
    assert antwoord.status_code == 400
    velden = antwoord.json()["velden"]
    assert any("tussen 2000 en 2100" in fout for fouten in velden.values() for fout in fouten)


@pytest.mark.django_db
def test_api_schooljaar_ongeldig():
    wereld = maak_wereld()
    client = token_client(rol_in(wereld, R.DIRECTEUR))
    for vraag in ({"schooljaar": "2025-2027"}, {"schooljaar": "9998-9999"}, {"jaren": 6}):
        antwoord = client.get(KENGETALLEN, vraag)
        assert antwoord.status_code == 400, vraag


# --- 6. Refusals: first the SWV, logged -------------------------------------------------------


@pytest.mark.django_db
def test_api_ander_swv_met_bestuur_is_een_gelogde_404():
    a = maak_wereld(naam="SWV A")
    b = maak_wereld(naam="SWV B")
    client = token_client(rol_in(b, R.DIRECTEUR))
    antwoord = client.get(KENGETALLEN, {"samenwerkingsverband": a.swv.code, "bestuur": "999999"})
    assert antwoord.status_code == 404
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.object_id) == (Resultaat.GEWEIGERD, a.swv.code)


@pytest.mark.django_db
def test_onbekend_swv_is_een_gelogde_404():
    inspectie = token_client(rol_in(None, R.INSPECTEUR))
    assert inspectie.get(KENGETALLEN, {"samenwerkingsverband": "PO9999"}).status_code == 404
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD
    client = client_als(None, R.INSPECTEUR)
    assert client.get(reverse("monitor:dashboard-swv", args=["PO9999"])).status_code == 404
    regel = Toegangsregel.objects.order_by("-pk").first()
    assert (regel.resultaat, regel.route) == (Resultaat.GEWEIGERD, "monitor:dashboard-swv")


@pytest.mark.django_db
def test_selector_swv_voor_kpi_weigert_ander_swv():
    from passend.monitor.selectors.kpi import swv_voor_kpi

    a = maak_wereld(naam="SWV A")
    b = maak_wereld(naam="SWV B")
    with pytest.raises(Http404):
        swv_voor_kpi(actor=actor(R.OPR_LID, b.swv), code=a.swv.code, route="t")
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD
    assert swv_voor_kpi(actor=actor(R.OPR_LID, b.swv), code=b.swv.code, route="t") == b.swv
    assert Toegangsregel.objects.count() == 1  # success: the figures' selector logs


# --- 7. An unknown chart point ----------------------------------------------------------------


@pytest.mark.django_db
def test_onbekend_punt_is_een_streep_met_tekst():
    leeg = SamenwerkingsverbandFactory(sector="PO")  # no locations: no pupils, no rates
    client = client_voor_swv(leeg, R.DIRECTEUR)
    tekst = _tekst(client.get(reverse("monitor:dashboard"), SCHOOLJAAR))
    assert (
        '<span aria-hidden="true">–</span><span class="passend-visueel-verborgen">onbekend</span>'
        in tekst
    )


def client_voor_swv(swv, rolsoort):
    from passend.accounts.tests.factories import RolFactory
    from passend.core.tests.scenario import client_voor

    return client_voor(RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv))
