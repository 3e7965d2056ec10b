"""The results pages: figures per goal and group with their interval, the comparison with
the baseline and the previous wave in words, suppressed cells in words, the charts, the
choice of scope on a national wave, a wave that is not closed, refusals (403/404, logged),
the access log (one record, nothing shown without it) and bounded query counts.

The statistics themselves are tested in ``test_statistiek.py`` and the selector in
``test_resultaten_selector.py``; here a small world with known answers (see ``maak_wereld``).
"""

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from statsmodels.stats.proportion import proportion_confint

from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Actie, Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.core.tests.test_toegangslog import kapot_toegangslog
from passend.doelstellingen.grafieken import resultaat_tekst
from passend.doelstellingen.models import Meting, Vraag
from passend.doelstellingen.rules import Metingstatus, Respondentgroep, Schaal
from passend.doelstellingen.tests.resultaten_data import antwoorden, bouw_meting
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

R = Rolsoort
G = Respondentgroep
OBJECT_TYPE = "doelstellingen.resultaten"
PAGINA = "doelstellingen:resultaten"


@dataclass
class Wereld:
    swv: Samenwerkingsverband
    nulmeting: Meting
    vorige: Meting
    meting: Meting


def _eens(aantal_eens: int, aantal: int) -> list[int]:
    """``aantal`` answers on the 1–5 scale of which ``aantal_eens`` agree (4 or 5)."""
    return [5 if i % 2 else 4 for i in range(aantal_eens)] + [2] * (aantal - aantal_eens)


def vul(
    meting: Meting,
    swv: Samenwerkingsverband,
    *,
    eens: tuple[int, int],
    cijfers: list[int],
    partner: int,
    leraren: int,
) -> None:
    """Parents: D1.behoefte ``eens`` (agreeing, n), D4.cijfer ``cijfers``, D4.partner with
    ``partner`` answers (all agreeing); ``leraren`` teachers answering both items."""
    antwoorden(
        meting,
        swv=swv,
        groep=G.OUDER,
        waarden={
            "D1.behoefte": _eens(*eens),
            "D4.cijfer": cijfers,
            "D4.partner": [5] * partner,
        },
    )
    if leraren:
        antwoorden(
            meting,
            swv=swv,
            groep=G.LERAAR,
            waarden={"D3.toegerust": [4] * leraren, "D3.cijfer": [7] * leraren},
        )


def maak_wereld(*, naam: str = "SWV Doelstad", schaal: int = 1) -> Wereld:
    """An SWV with a baseline (2022), a previous wave (2024) and this wave (2025), closed.

    Parents, D1.behoefte: 10 of 20 agree (2022), 12 of 20 (2024), 27 of 30 (2025): clearly
    higher than both. D4.partner: 8 answers in 2025 (suppressed), 12 before. Teachers: 5 in
    2025 (their group count and cells suppressed). ``schaal`` multiplies the parents (for
    the query counts)."""
    swv = SamenwerkingsverbandFactory(naam=naam)
    nul = bouw_meting(swv=swv, jaar=2022, nulmeting=True)
    vorige = bouw_meting(swv=swv, jaar=2024)
    meting = bouw_meting(swv=swv, jaar=2025)
    for _ in range(schaal):
        vul(nul, swv, eens=(10, 20), cijfers=[6] * 10 + [7] * 10, partner=12, leraren=12)
        vul(vorige, swv, eens=(12, 20), cijfers=[6, 7] * 10, partner=12, leraren=12)
        vul(meting, swv, eens=(27, 30), cijfers=[7, 8] * 15, partner=8, leraren=5)
    return Wereld(swv=swv, nulmeting=nul, vorige=vorige, meting=meting)


def client_als(swv: Samenwerkingsverband | None, rolsoort: str) -> Client:
    rol: Rol = RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv)
    return client_voor(rol)


def _tekst(antwoord) -> str:
    return antwoord.content.decode()


def _cellen_na(html: str, rijkop: str) -> list[str]:
    """The texts of the data cells of the table row headed ``rijkop``."""
    rij = html[html.index(f">{rijkop}</th>") :]
    rij = rij[: rij.index("</tr>")]
    return [cel.strip() for cel in re.findall(r"<td[^>]*>(.*?)</td>", rij, re.S)]


# --- The figures ------------------------------------------------------------------------------


def test_directeur_ziet_uitkomsten_met_interval_en_vergelijking():
    wereld = maak_wereld()
    antwoord = client_als(wereld.swv, R.DIRECTEUR).get(reverse(PAGINA, args=[wereld.meting.pk]))
    assert antwoord.status_code == 200
    html = _tekst(antwoord)
    assert "Uitkomsten Meting 2025" in html
    # 27 of 30 agree: 90 % with the Wilson interval (as statsmodels computes it).
    laag, hoog = proportion_confint(27, 30, method="wilson")
    verwacht = resultaat_tekst(90.0, 100 * laag, 100 * hoog, Schaal.EENS_ONEENS)
    assert verwacht.startswith("90 % (") and verwacht in html
    # The baseline (50 %) and the previous wave (60 %) with the difference and its meaning.
    assert "Nulmeting 2022" in html and "Vorige meting 2024" in html
    assert "+40 procentpunt" in html and "+30 procentpunt" in html
    assert "hoger dan de nulmeting" in html and "hoger dan de vorige meting" in html
    assert "toets op twee proporties, p = " in html and "Welch-toets, p = " in html
    # The mean mark: 7,5 in 2025.
    assert "7,5 (" in html
    # Every goal has a section, in order.
    posities = [html.index(f'id="doel-{n}"') for n in range(1, 8)]
    assert posities == sorted(posities)
    assert "Deze meting had geen vragen over deze doelstelling." in html  # goals 2, 5, 6, 7
    # The explanation of interval, tests, Holm and suppression, once.
    assert html.count("Zo leest u de uitkomsten") == 1
    assert "gecorrigeerd volgens Holm" in html


def test_kleine_cellen_tonen_woorden_geen_getal():
    wereld = maak_wereld()
    html = _tekst(client_als(wereld.swv, R.OPR_LID).get(reverse(PAGINA, args=[wereld.meting.pk])))
    assert "minder dan 10 antwoorden" in html
    # The teachers (5) and the 8 answers on D4.partner are never shown as numbers.
    leraren = html[html.index('id="doel-3-leraar"') :]
    leraren = leraren[: leraren.index("</section>")]
    assert "Ingevulde vragenlijsten: minder dan 10." in leraren
    assert _cellen_na(leraren, "Ik voel mij toegerust.")[:2] == [
        "minder dan 10",
        "minder dan 10 antwoorden",
    ]
    assert _cellen_na(html, "De school ziet mij als partner.")[:2] == [
        "minder dan 10",
        "minder dan 10 antwoorden",
    ]
    # The earlier waves had enough answers: their figures are shown.
    assert _cellen_na(leraren, "Ik voel mij toegerust.")[2].startswith("100 %")
    # The chart draws it in words too.
    assert "te weinig antwoorden" in html


def test_grafiek_met_tekstalternatief():
    wereld = maak_wereld()
    html = _tekst(client_als(wereld.swv, R.DIRECTEUR).get(reverse(PAGINA, args=[wereld.meting.pk])))
    assert 'role="img"' in html
    assert 'aria-labelledby="grafiek-1-ouder-eens_oneens-titel' in html
    assert (
        "Doelstelling 1, Ouders van leerlingen met een ondersteuningsbehoefte: percentage" in html
    )
    assert "Meting 2025 90 procent, 95%-betrouwbaarheidsinterval" in html
    # The waves compared with have their interval too: 10 of 20 agreed in 2022.
    laag, hoog = proportion_confint(10, 20, method="wilson")
    assert (
        f"Nulmeting 2022 50 procent, 95%-betrouwbaarheidsinterval {100 * laag:.0f} tot "
        f"{100 * hoog:.0f} procent" in html
    )
    assert resultaat_tekst(50.0, 100 * laag, 100 * hoog, Schaal.EENS_ONEENS) in html


def test_nulmeting_zelf_heeft_geen_vergelijking():
    wereld = maak_wereld()
    html = _tekst(
        client_als(wereld.swv, R.DIRECTEUR).get(reverse(PAGINA, args=[wereld.nulmeting.pk]))
    )
    assert "Er is geen eerdere meting om mee te vergelijken." in html
    assert "Verschil met" not in html


# --- A wave that is not closed ----------------------------------------------------------------


def test_lopende_meting_geeft_een_duidelijke_melding_en_leest_niets():
    wereld = maak_wereld()
    open_ = bouw_meting(swv=wereld.swv, jaar=2026, status=Metingstatus.OPEN)
    antwoord = client_als(wereld.swv, R.DIRECTEUR).get(reverse(PAGINA, args=[open_.pk]))
    assert antwoord.status_code == 200
    html = _tekst(antwoord)
    assert "pas als de meting gesloten is" in html
    assert "procent" not in html and "Zo leest u de uitkomsten" not in html
    # The read is logged (allowed, nothing to show yet), exactly once.
    regel = Toegangsregel.objects.get()
    assert regel.resultaat == Resultaat.TOEGESTAAN
    assert regel.reden == "meting nog niet gesloten"
    assert regel.object_id == str(open_.pk)
    # The directeur runs the wave: a link to its response rates.
    assert reverse("doelstellingen:respons", args=[open_.pk]) in html
    assert "Uitkomsten Meting 2026" in html


def test_lopende_meting_zonder_link_naar_respons_voor_wie_die_niet_ziet():
    wereld = maak_wereld()
    open_ = bouw_meting(swv=wereld.swv, jaar=2026, status=Metingstatus.OPEN)
    html = _tekst(client_als(wereld.swv, R.OPR_LID).get(reverse(PAGINA, args=[open_.pk])))
    assert "pas als de meting gesloten is" in html
    assert reverse("doelstellingen:respons", args=[open_.pk]) not in html


# --- Who may read ------------------------------------------------------------------------------


def test_een_rol_zonder_recht_krijgt_403_gelogd():
    wereld = maak_wereld()
    antwoord = client_als(wereld.swv, R.LOKET).get(reverse(PAGINA, args=[wereld.meting.pk]))
    assert antwoord.status_code == 403
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.object_type, regel.route) == (
        Resultaat.GEWEIGERD,
        OBJECT_TYPE,
        PAGINA,
    )


def test_meting_van_een_ander_swv_is_verborgen_en_gelogd():
    wereld = maak_wereld()
    ander = SamenwerkingsverbandFactory(naam="SWV Elders")
    antwoord = client_als(ander, R.DIRECTEUR).get(reverse(PAGINA, args=[wereld.meting.pk]))
    assert antwoord.status_code == 404
    assert "90 %" not in _tekst(antwoord)
    regel = Toegangsregel.objects.get()
    assert (regel.resultaat, regel.object_id) == (Resultaat.GEWEIGERD, str(wereld.meting.pk))


def test_precies_een_toegangsregel_voor_getoonde_uitkomsten():
    wereld = maak_wereld()
    client_als(wereld.swv, R.TOEZICHTHOUDER).get(reverse(PAGINA, args=[wereld.meting.pk]))
    regel = Toegangsregel.objects.get()
    assert (regel.actie, regel.resultaat, regel.object_type, regel.object_id, regel.route) == (
        Actie.LEZEN,
        Resultaat.TOEGESTAAN,
        OBJECT_TYPE,
        str(wereld.meting.pk),
        PAGINA,
    )
    assert not regel.leerlingen.exists()


def test_zonder_toegangslog_geen_uitkomsten():
    wereld = maak_wereld()
    client = client_als(wereld.swv, R.DIRECTEUR)
    with kapot_toegangslog():
        antwoord = client.get(reverse(PAGINA, args=[wereld.meting.pk]))
    assert antwoord.status_code == 503
    html = antwoord.content.decode(errors="replace")
    assert "90 %" not in html and "Zo leest u de uitkomsten" not in html
    assert not Toegangsregel.objects.exists()


# --- A national wave ---------------------------------------------------------------------------


@dataclass
class Landelijk:
    meting: Meting
    noord: Samenwerkingsverband
    zuid: Samenwerkingsverband


def maak_landelijk() -> Landelijk:
    noord = SamenwerkingsverbandFactory(naam="SWV Noord")
    zuid = SamenwerkingsverbandFactory(naam="SWV Zuid")
    meting = bouw_meting(swv=None, jaar=2025, naam="Landelijke meting 2025")
    vul(meting, noord, eens=(18, 20), cijfers=[8] * 20, partner=12, leraren=12)
    vul(meting, zuid, eens=(10, 20), cijfers=[6] * 20, partner=12, leraren=12)
    return Landelijk(meting=meting, noord=noord, zuid=zuid)


def test_ministerie_kiest_landelijk_of_een_swv():
    wereld = maak_landelijk()
    client = client_als(None, R.MINISTERIE)
    url = reverse(PAGINA, args=[wereld.meting.pk])
    html = _tekst(client.get(url))
    assert "Uitkomsten voor: <strong>Landelijk</strong>" in html
    assert "70 % (" in html  # 28 of 40
    assert 'name="swv"' in html
    assert f'value="{wereld.noord.code}"' in html and f'value="{wereld.zuid.code}"' in html
    html = _tekst(client.get(url, {"swv": wereld.noord.code}))
    assert "Uitkomsten voor: <strong>SWV Noord</strong>" in html
    assert "90 % (" in html
    assert f"rapport.pdf?swv={wereld.noord.code}" in html


def test_ministerie_met_onbekend_swv_ziet_een_fout_en_het_landelijke_cijfer():
    wereld = maak_landelijk()
    antwoord = client_als(None, R.INSPECTEUR).get(
        reverse(PAGINA, args=[wereld.meting.pk]), {"swv": "ONBEKEND"}
    )
    assert antwoord.status_code == 200
    html = _tekst(antwoord)
    assert "Niet alles is goed ingevuld" in html and 'aria-invalid="true"' in html
    assert "Uitkomsten voor: <strong>Landelijk</strong>" in html
    # One record: the national figures shown; nothing for the refused code.
    assert Toegangsregel.objects.filter(resultaat=Resultaat.TOEGESTAAN).count() == 1


def test_swv_lezer_ziet_landelijk_en_eigen_swv_maar_geen_ander():
    wereld = maak_landelijk()
    client = client_als(wereld.noord, R.DIRECTEUR)
    url = reverse(PAGINA, args=[wereld.meting.pk])
    html = _tekst(client.get(url))
    assert f'value="{wereld.noord.code}"' in html and f'value="{wereld.zuid.code}"' not in html
    assert client.get(url, {"swv": wereld.noord.code}).status_code == 200
    antwoord = client.get(url, {"swv": wereld.zuid.code})
    assert antwoord.status_code == 404
    assert Toegangsregel.objects.filter(resultaat=Resultaat.GEWEIGERD).count() == 1


# --- Bounded queries -------------------------------------------------------------------------

#: Measured (16) + a margin of 2; the same for small and larger data (session, user, second factor,
#: role, the selector's aggregates, the access-log record).
MAX_PAGINA = 18


@pytest.mark.parametrize("schaal", [1, 6])
def test_pagina_heeft_een_vast_aantal_queries(schaal: int, django_assert_max_num_queries):
    wereld = maak_wereld(schaal=schaal)
    client = client_als(wereld.swv, R.DIRECTEUR)
    url = reverse(PAGINA, args=[wereld.meting.pk])
    client.get(url)  # warm up
    with django_assert_max_num_queries(MAX_PAGINA):
        antwoord = client.get(url)
    assert antwoord.status_code == 200


@pytest.mark.parametrize("swvs", [2, 8])
def test_landelijke_pagina_heeft_een_vast_aantal_queries(swvs: int, django_assert_max_num_queries):
    meting = bouw_meting(swv=None, jaar=2025, naam="Landelijke meting 2025")
    for i in range(swvs):
        swv = SamenwerkingsverbandFactory(naam=f"SWV {i:02d}")
        vul(meting, swv, eens=(6, 12), cijfers=[7] * 12, partner=12, leraren=12)
    client = client_als(None, R.MINISTERIE)
    url = reverse(PAGINA, args=[meting.pk])
    client.get(url)  # warm up
    with django_assert_max_num_queries(MAX_PAGINA):
        antwoord = client.get(url, {"swv": swv.code})
    assert antwoord.status_code == 200
    assert len(antwoord.context["form"].fields["swv"].choices) == swvs + 1


def test_een_stelling_met_een_andere_schaal_is_niet_te_vergelijken():
    """D1.behoefte was asked as a mark (1–10) in the baseline and on the agree scale now:
    the comparison says so, instead of "not asked", and shows no figures."""
    wereld = maak_wereld()
    Vraag.objects.filter(vragenlijst__meting=wereld.nulmeting, code="D1.behoefte").update(
        schaal=Schaal.CIJFER
    )
    html = _tekst(client_als(wereld.swv, R.DIRECTEUR).get(reverse(PAGINA, args=[wereld.meting.pk])))
    cellen = _cellen_na(html, "De ondersteuning past bij mijn kind.")
    # n, result, then per compared wave: result, difference, meaning, test
    nulmeting, vorige = cellen[2:6], cellen[6:10]
    assert nulmeting == ["–", "–", "andere antwoordschaal: niet te vergelijken", "–"]
    assert "niet gevraagd" not in " ".join(nulmeting)
    assert "antwoorden" not in nulmeting[0]
    assert vorige[2] == "hoger dan de vorige meting"
