"""Attacks on the suppressed KPI figures (issue #7 review) and the input fixes.

Each test tries one way to learn a hidden small cell (a denominator, parts and their
total, the national total, filters, free dates, chart points), or one bad input, and
fails on the code before the fix.
"""

import datetime

import pytest
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
    # Exactly one whole school year: 2 of them are refused.
    for jaren in (2, 5):
        antwoord = client.get(KENGETALLEN, {"schooljaar": "2025-2026", "jaren": jaren})
        assert antwoord.status_code == 400
        assert "jaren" in antwoord.json()["velden"]
    antwoord = client.get(KENGETALLEN, {"schooljaar": "2025-2026", "jaren": 1})
    assert antwoord.status_code == 200
    assert (antwoord.json()["van"], antwoord.json()["tot"]) == ("2025-08-01", "2026-07-31")
    inspectie = token_client(rol_in(None, R.INSPECTEUR))
    assert inspectie.get(LANDELIJK, {"van": "2025-08-01", "tot": "2025-09-30"}).status_code == 400
    twee = inspectie.get(LANDELIJK, {"schooljaar": "2025-2026", "jaren": 2})
    assert twee.status_code == 400
    assert "jaren" in twee.json()["velden"]
    een = inspectie.get(LANDELIJK, {"schooljaar": "2025-2026"})
    assert een.status_code == 200
    assert all(
        k["vorig_jaar_aantal"] is None and k["verandering"] is None
        for rij in een.json()["rijen"]
        for k in rij["kengetallen"]
    )


@pytest.mark.django_db
def test_landelijke_pagina_alleen_een_schooljaar():
    maak_wereld()
    client = client_als(None, R.INSPECTEUR)
    antwoord = client.get(reverse("monitor:landelijk"), {"van": "2025-08-01", "tot": "2025-09-30"})
    assert "landelijk" not in antwoord.context
    assert "Kies één heel schooljaar." in _tekst(antwoord)
    antwoord = client.get(reverse("monitor:landelijk"), {"schooljaar": "2025-2026", "jaren": "3"})
    assert "landelijk" not in antwoord.context
    assert "Kies één heel schooljaar." in _tekst(antwoord)
    assert (
        client.get(
            reverse("monitor:landelijk-csv"), {"schooljaar": "2025-2026", "jaren": "2"}
        ).status_code
        == 400
    )
    antwoord = client.get(reverse("monitor:landelijk"), {"schooljaar": "2025-2026"})
    assert (antwoord.context["landelijk"].van, antwoord.context["landelijk"].tot) == (
        D(2025, 8, 1),
        D(2026, 7, 31),
    )
    assert not Toegangsregel.objects.filter(
        resultaat=Resultaat.TOEGESTAAN, reden__contains="2023"
    ).exists()


@pytest.mark.django_db
def test_selectors_weigeren_meer_dan_een_schooljaar():
    """Belt and braces: the selectors refuse what the forms and the API refuse."""
    wereld = maak_wereld()
    with pytest.raises(ValueError):
        kpi_landelijk(
            actor=actor(R.INSPECTEUR),
            van=D(2024, 8, 1),
            tot=TOT,
            afbakening=Afbakening(),
            route="t",
        )
    with pytest.raises(ValueError):
        dashboard_als(R.OPR_LID, wereld.swv, van=D(2024, 8, 1), tot=TOT)
    assert not Toegangsregel.objects.exists()


# --- 2e. Chart points and the period ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("rolsoort", ONDERDRUKT)
def test_twee_jaar_min_een_jaar_verraadt_geen_klein_jaar(rolsoort):
    """The reviewer's attack: the previous-year value of a 2-year period (15) minus a
    single year shown elsewhere (12) gave a hidden single year (3); so did the year points
    of a chart. A suppressed reader now only reads single school years, without the
    previous year and without charts: nothing to subtract."""
    swv = SamenwerkingsverbandFactory(sector="PO")
    v = vestiging(swv, SchoolbestuurFactory(), "bao", leerlingenaantal=1000)

    def tlvs(aantal, dag):
        for _ in range(aantal):
            toegekend(
                swv, v, soort=Soort.SBO, ontvangen=dag - datetime.timedelta(days=30),
                compleet=dag - datetime.timedelta(days=20), besluit=dag, ingang=dag,
                einde=dag + datetime.timedelta(days=300),
            )  # fmt: skip

    tlvs(12, D(2023, 10, 1))  # 2023-2024: shown
    tlvs(3, D(2024, 10, 1))  # 2024-2025: small
    tlvs(12, D(2025, 10, 1))  # 2025-2026: shown
    # The 2-year period (and so its previous-year value) cannot be asked for.
    with pytest.raises(ValueError):
        dashboard_als(rolsoort, swv, van=D(2024, 8, 1), tot=TOT)
    client = client_voor_swv(swv, rolsoort)
    twee = client.get(reverse("monitor:dashboard"), {"schooljaar": "2025-2026", "jaren": "2"})
    assert "dashboard" not in twee.context
    api = token_client(rol_in_swv(swv, rolsoort))
    assert api.get(KENGETALLEN, {"schooljaar": "2025-2026", "jaren": 2}).status_code == 400
    # Each single year: its own figure only, the small one hidden, no previous year.
    for van, tot, aantal in (
        (D(2023, 8, 1), D(2024, 7, 31), 12),
        (D(2024, 8, 1), D(2025, 7, 31), None),
        (D(2025, 8, 1), TOT, 12),
    ):
        d = dashboard_als(rolsoort, swv, van=van, tot=tot)
        k = figuren(d)["tlv_toegekend"]
        assert k.aantal == aantal
        assert (k.vorig_jaar_aantal, k.vorig_jaar_waarde, k.verandering) == (None, None, None)
        assert d.reeksen == []
    # The directeur keeps the 2-year period with the previous year and the chart.
    directeur = dashboard_als(R.DIRECTEUR, swv, van=D(2024, 8, 1), tot=TOT)
    assert figuren(directeur)["tlv_toegekend"].aantal == 15
    assert figuren(directeur)["tlv_toegekend"].vorig_jaar_aantal == 15  # 2023-2025: 12 + 3
    assert {r.code: dict(r.punten) for r in directeur.reeksen}["tlv_toegekend"]


@pytest.mark.django_db
@pytest.mark.parametrize("rolsoort", [R.INSPECTEUR, R.MINISTERIE])
def test_landelijke_tabel_en_swv_dashboard_niet_samen(rolsoort):
    """The reviewer's attack: a cell hidden as a complement in the national table (35 in
    total, 12 and 20 shown, 3 hidden with a complement) was shown on the SWV's own
    dashboard for the national roles. They no longer read any SWV's dashboard: the
    selector refuses (logged), the page route and the API parameter are gone."""
    from passend.core.permissions import Geweigerd

    wereld = maak_wereld()
    with pytest.raises(Geweigerd):
        kpi_dashboard(
            actor=actor(rolsoort),
            samenwerkingsverband=wereld.swv,
            van=VAN,
            tot=TOT,
            afbakening=Afbakening(),
            route="t",
        )
    assert Toegangsregel.objects.get().resultaat == Resultaat.GEWEIGERD
    pagina = client_als(None, rolsoort).get(
        reverse("monitor:dashboard") + f"swv/{wereld.swv.code}/", SCHOOLJAAR
    )
    assert pagina.status_code == 404
    api = token_client(rol_in(None, rolsoort))
    antwoord = api.get(KENGETALLEN, {**SCHOOLJAAR, "samenwerkingsverband": wereld.swv.code})
    assert antwoord.status_code == 403
    assert not Toegangsregel.objects.filter(resultaat=Resultaat.TOEGESTAAN).exists()


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
def test_api_noemt_geen_ander_swv():
    a = maak_wereld(naam="SWV A")
    b = maak_wereld(naam="SWV B")
    client = token_client(rol_in(b, R.DIRECTEUR))
    antwoord = client.get(KENGETALLEN, {"samenwerkingsverband": a.swv.code, "bestuur": "999999"})
    assert antwoord.status_code == 400
    assert "samenwerkingsverband" in antwoord.json()["velden"]
    assert "kengetallen" not in antwoord.json()
    assert not Toegangsregel.objects.filter(resultaat=Resultaat.TOEGESTAAN).exists()


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


def rol_in_swv(swv, rolsoort):
    from passend.accounts.tests.factories import RolFactory

    return RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)


def client_voor_swv(swv, rolsoort):
    from passend.accounts.tests.factories import RolFactory
    from passend.core.tests.scenario import client_voor

    return client_voor(RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv))
