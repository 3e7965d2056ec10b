"""Benchmarks: ``make bench`` (``python -m passend.bench``). Figures go to BENCHMARKS.md.

Runs on a fresh database (SQLite ``var/bench.sqlite3`` unless ``DATABASE_URL`` is set):
imports the 8,717 real school locations of ../shared/data, builds the demo region, then
times pages in-process (server time, Django test client with a verified session).
"""

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BASIS = Path(__file__).resolve().parent.parent.parent
SCHOLEN = BASIS.parent / "shared" / "data" / "scholen.geo.json"


def _opzetten() -> None:
    sys.path.insert(0, str(BASIS / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passend.conf.dev")
    os.environ["DEBUG"] = "false"
    if "DATABASE_URL" not in os.environ:
        pad = BASIS / "var" / "bench.sqlite3"
        pad.parent.mkdir(exist_ok=True)
        pad.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{pad}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _tijden(functie: Callable[[], Any], herhalingen: int) -> dict[str, float]:
    functie()  # warm-up
    metingen = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        metingen.append((time.perf_counter() - begin) * 1000)
    return _statistiek(metingen)


def _statistiek(metingen: list[float]) -> dict[str, float]:
    metingen = sorted(metingen)
    return {
        "n": len(metingen),
        "p50_ms": round(statistics.median(metingen), 1),
        "p95_ms": round(metingen[max(0, int(len(metingen) * 0.95) - 1)], 1),
        "max_ms": round(metingen[-1], 1),
    }


def _client_als(rolsoort: str) -> Any:
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from passend.accounts.models import Rol

    rol = (
        Rol.objects.filter(rolsoort=rolsoort, gebruiker__totpdevice__isnull=False)
        .select_related("gebruiker")
        .first()
    )
    assert rol is not None, rolsoort

    apparaat = TOTPDevice.objects.filter(user=rol.gebruiker).first()
    client = Client()
    client.force_login(rol.gebruiker)
    sessie = client.session
    if apparaat is not None:
        sessie["otp_device_id"] = apparaat.persistent_id
    sessie["passend_actieve_rol"] = rol.pk
    sessie.save()
    return client


def main() -> None:
    _opzetten()
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from passend.demo.bouwer import bouw_demo_regio
    from passend.leerlingen.models import Leerling
    from passend.organisaties.services import vestigingen_importeren

    resultaten: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "database": connection.vendor,
        }
    }
    bron = SCHOLEN.read_bytes()
    begin = time.perf_counter()
    eerste = vestigingen_importeren(
        bron=bron,
        bestandsnaam=SCHOLEN.name,
        samenwerkingsverband=None,
        peildatum=timezone.localdate(),
    )
    duur = time.perf_counter() - begin
    resultaten["import_eerste_keer"] = {
        "rijen": eerste.gelezen,
        "seconden": round(duur, 2),
        "rijen_per_seconde": round(eerste.gelezen / duur),
    }
    begin = time.perf_counter()
    tweede = vestigingen_importeren(
        bron=bron,
        bestandsnaam=SCHOLEN.name,
        samenwerkingsverband=None,
        peildatum=timezone.localdate(),
    )
    duur = time.perf_counter() - begin
    resultaten["import_opnieuw"] = {
        "rijen": tweede.gelezen,
        "ongewijzigd": tweede.ongewijzigd,
        "seconden": round(duur, 2),
        "rijen_per_seconde": round(tweede.gelezen / duur),
    }
    begin = time.perf_counter()
    bouw_demo_regio(seed=2026)
    resultaten["demo_regio"] = {
        "leerlingen": Leerling.objects.count(),
        "seconden": round(time.perf_counter() - begin, 2),
    }

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    resultaten["gids_zoeken"] = _gids_zoeken()
    ib = _client_als("intern_begeleider")
    ouder = _client_als("ouder")
    privacy = _client_als("privacy_officer")
    beheerder = _client_als("functioneel_beheerder")
    leerling = Leerling.objects.filter(inschrijvingen__vestiging__school=_school_van(ib)).first()
    assert leerling is not None
    paginas: dict[str, Callable[[], Any]] = {
        "mijn werk (IB)": lambda: ib.get("/mijn-werk/"),
        "leerlingenlijst (IB)": lambda: ib.get("/leerlingen/"),
        "leerlingen zoeken (IB)": lambda: ib.get("/leerlingen/?q=de"),
        "leerlingdossier (IB)": lambda: ib.get(f"/leerlingen/{leerling.sleutel}/"),
        "mijn kinderen (ouder)": lambda: ouder.get("/mijn-werk/"),
        "toegangslog (privacy officer)": lambda: privacy.get("/privacy/toegangslog/"),
        "regio-overzicht (beheerder)": lambda: beheerder.get("/organisaties/"),
        "vestigingen zoeken, landelijk (API)": lambda: beheerder.get(
            "/api/v1/vestigingen/?q=utrecht"
        ),
    }
    from passend.ondersteuning.models import Ontwikkelingsperspectief
    from passend.ondersteuning.pdf import opp_pdf
    from passend.ondersteuning.rules import Status

    vastgesteld = Ontwikkelingsperspectief.objects.filter(status=Status.VASTGESTELD).first()
    assert vastgesteld is not None
    paginas["OPP-overzicht (IB)"] = lambda: ib.get("/opp/")
    paginas["OPP (IB)"] = lambda: ib.get(f"/opp/{vastgesteld.sleutel}/")
    paginas["OPP als PDF (IB, incl. toegangslog)"] = lambda: ib.get(
        f"/opp/{vastgesteld.sleutel}/pdf/"
    )
    resultaten["opp_pdf_weergeven"] = _tijden(lambda: opp_pdf(vastgesteld), 10)
    resultaten["aanmeldingen_toegevoegd"] = _aanmeldingen_toevoegen(AANTAL_AANMELDINGEN)
    bestuurder = _client_als("bestuurder")
    schoolleider = _client_als("schoolleider")
    loket = _client_als("loket")
    commissielid = _client_als("commissielid")
    paginas["aanmeldingen van de school (schoolleider)"] = lambda: schoolleider.get(
        "/aanmeldingen/"
    )
    paginas["lopende termijnen (bestuurder)"] = lambda: bestuurder.get("/aanmeldingen/termijnen/")
    paginas["lopende termijnen (SWV loket)"] = lambda: loket.get("/aanmeldingen/termijnen/")
    paginas["API aanmeldingen (schoolleider)"] = lambda: schoolleider.get("/api/v1/aanmeldingen/")
    paginas["werkvoorraad arrangementen (loket)"] = lambda: loket.get(
        "/arrangementen/werkvoorraad/"
    )
    paginas["mijn werk (commissielid)"] = lambda: commissielid.get("/mijn-werk/")
    directeur = _client_als("directeur")
    paginas["TLV-overzicht (loket)"] = lambda: loket.get("/tlv/")
    paginas["TLV-rapportage (directeur)"] = lambda: directeur.get("/tlv/rapportage/")
    paginas["TLV BRON-export (directeur)"] = lambda: directeur.get("/tlv/bron-export.csv")
    inspecteur = _client_als("inspecteur")
    paginas["regionale monitor (directeur)"] = lambda: directeur.get("/monitor/")
    paginas["regionale monitor, 5 schooljaren (directeur)"] = lambda: directeur.get(
        "/monitor/", {"van": "2021-08-01", "tot": "2026-07-31"}
    )
    paginas["alle samenwerkingsverbanden (inspecteur)"] = lambda: inspecteur.get(
        "/monitor/landelijk/"
    )
    paginas["dekkend netwerk, analyses (directeur)"] = lambda: directeur.get("/monitor/netwerk/")
    resultaten["paginas"] = {}
    for naam, functie in paginas.items():
        status = functie().status_code
        assert status == 200, (naam, status)
        resultaten["paginas"][naam] = _tijden(functie, 30)

    if connection.vendor == "postgresql":
        # The KPI figures at national scale (152 SWVs, 5 school years of case data).
        from passend.monitor import bench_kpi

        resultaten["kpi_landelijk"] = bench_kpi.run()
        # The doelstellingenmonitor: analysing a national wave of 1,000,000 answers.
        from passend.doelstellingen import bench_analyse

        resultaten["doelstellingen_analyse"] = bench_analyse.run()
    else:
        # The placement optimiser needs no database: once, in the SQLite run.
        from passend.monitor import bench_netwerk

        resultaten["dekkend_netwerk"] = bench_netwerk.run()

    uit = BASIS / "var" / "bench.json"
    uit.write_text(json.dumps(resultaten, indent=2, ensure_ascii=False))
    print(json.dumps(resultaten, indent=2, ensure_ascii=False))


#: Open registrations added to the demo region for the term overviews (a large SWV's year).
AANTAL_AANMELDINGEN = 3000


def _aanmeldingen_toevoegen(aantal: int) -> dict[str, Any]:
    """Seed open registrations of existing pupils at the region's locations, with live terms
    spread over the past 12 weeks (bulk: benchmark seeding, not the services)."""
    from datetime import timedelta

    from django.utils import timezone

    from passend.accounts.models import Gebruiker
    from passend.leerlingen.models import Leerling
    from passend.organisaties.models import Vestiging
    from passend.zorgplicht.models import Aanmelding
    from passend.zorgplicht.rules import beslissen_uiterlijk, tijdelijke_plaatsing_vanaf

    vandaag = timezone.localdate()
    vestigingen = list(Vestiging.objects.filter(lidmaatschappen__isnull=False).distinct())
    leerlingen = list(Leerling.objects.order_by("id").values_list("id", flat=True)[:aantal])
    ingediend_door = Gebruiker.objects.filter(rollen__rolsoort="schoolleider").first()
    assert ingediend_door is not None
    begin = time.perf_counter()
    Aanmelding.objects.bulk_create(
        [
            Aanmelding(
                leerling_id=leerling_id,
                vestiging=vestigingen[i % len(vestigingen)],
                ontvangen_op=(ontvangen := vandaag - timedelta(days=i % 84)),
                wijze="papier",
                ingediend_door=ingediend_door,
                ondersteuning_verwacht=i % 3 == 0,
                beslissen_uiterlijk=beslissen_uiterlijk(ontvangen),
                tijdelijke_plaatsing_vanaf=tijdelijke_plaatsing_vanaf(ontvangen),
            )
            for i, leerling_id in enumerate(leerlingen)
        ],
        batch_size=500,
    )
    return {"aantal": len(leerlingen), "seconden": round(time.perf_counter() - begin, 2)}


# --- The public guide's search over all real locations ---------------------------------

#: Requests per kind of search (random real postcodes and place names, seed 2026).
GIDS_ZOEKVRAGEN = 120


def _openbaar_aanbod_overal() -> dict[str, Any]:
    """Give every location without an offer a synthetic published, public offer: the three
    norm areas and, for some, up to three more (bulk: benchmark seeding, not the services).
    Area texts are empty now and then, so the needs filter has something to filter."""
    import random

    from django.utils import timezone

    from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied
    from passend.aanbod.rules import Status, schooljaar_van
    from passend.organisaties.models import Vestiging

    kans = random.Random(2026)  # noqa: S311 (benchmark sampling, not security)
    begin = time.perf_counter()
    nu = timezone.now()
    schooljaar = schooljaar_van(timezone.localdate())
    zonder = Vestiging.objects.filter(aanbod_versies__isnull=True).values_list("pk", flat=True)
    Aanbod.objects.bulk_create(
        [
            Aanbod(
                vestiging_id=pk,
                schooljaar=schooljaar,
                status=Status.GEPUBLICEERD,
                openbaar=True,
                gepubliceerd_op=nu,
                toelichting="Wij kijken naar wat elk kind nodig heeft.",
                contact="De intern begeleider",
            )
            for pk in zonder
        ],
        batch_size=1000,
    )
    gebieden = list(Ondersteuningsgebied.objects.filter(actief=True))
    norm = [g for g in gebieden if g.landelijke_norm]
    overig = [g for g in gebieden if not g.landelijke_norm]
    rijen = []
    nieuw = Aanbod.objects.filter(openbaar=True, gebieden__isnull=True).order_by("pk")
    for aanbod_id in nieuw.values_list("pk", flat=True):
        for g in norm + kans.sample(overig, kans.randint(0, 3)):
            rijen.append(
                Gebiedsaanbod(
                    aanbod_id=aanbod_id,
                    gebied=g,
                    basisondersteuning="In elke groep." if kans.random() < 0.9 else "",
                    extra_ondersteuning="Met het samenwerkingsverband."
                    if kans.random() < 0.6
                    else "",
                    faciliteiten=["stilteruimte"],
                )
            )
    Gebiedsaanbod.objects.bulk_create(rijen, batch_size=2000)
    return {
        "openbaar_aanbod": Aanbod.objects.filter(openbaar=True).count(),
        "gebiedsaanbod": Gebiedsaanbod.objects.count(),
        "seconden": round(time.perf_counter() - begin, 2),
    }


def _gids_zoeken() -> dict[str, Any]:
    """Time the guide's search page (server time, anonymous, Django's test client) over all
    real locations: random real postcodes and place names, without and with needs."""
    import random

    from django.db import connection
    from django.test import Client

    from passend.aanbod.selectors.catalogus import actieve_gebieden
    from passend.organisaties.models import Vestiging

    uitkomst: dict[str, Any] = {"aanbod": _openbaar_aanbod_overal()}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    kans = random.Random(2026)  # noqa: S311 (benchmark sampling, not security)
    kenmerken = list(
        Vestiging.objects.exclude(postcode="")
        .order_by("vestigingscode")
        .values_list("vestigingscode", "postcode", "plaats", "gemeente_id")
    )
    codes = [g.code for g in actieve_gebieden()]

    def behoeften() -> list[str]:
        return kans.sample(codes, kans.randint(1, 2))

    vragen: dict[str, list[dict[str, Any]]] = {
        "postcode": [],
        "postcode + behoefte": [],
        "plaats": [],
        "plaats + behoefte": [],
        "postcode + behoefte, 50 km": [],
    }
    for _ in range(GIDS_ZOEKVRAGEN):
        _, postcode, plaats, gemeente = kans.choice(kenmerken)
        vragen["postcode"].append({"postcode": postcode})
        vragen["postcode + behoefte"].append({"postcode": postcode, "nodig": behoeften()})
        _, postcode, plaats, gemeente = kans.choice(kenmerken)
        # The municipality only counts when a name is used in several (it then chooses).
        vragen["plaats"].append({"plaats": plaats.upper(), "gemeente": gemeente or ""})
        vragen["plaats + behoefte"].append(
            {"plaats": plaats, "gemeente": gemeente or "", "nodig": behoeften()}
        )
        _, postcode, plaats, gemeente = kans.choice(kenmerken)
        vragen["postcode + behoefte, 50 km"].append(
            {"postcode": postcode, "nodig": behoeften(), "straal": 50}
        )
    client = Client()
    client.get("/gids/", {"postcode": "3511 AB"})  # warm-up
    alle: list[float] = []
    met_scholen = 0
    for soort, lijst in vragen.items():
        metingen = []
        for params in lijst:
            begin = time.perf_counter()
            antwoord = client.get("/gids/", params)
            metingen.append((time.perf_counter() - begin) * 1000)
            assert antwoord.status_code == 200, (params, antwoord.status_code)
            met_scholen += b'name="v"' in antwoord.content
        uitkomst[soort] = _statistiek(metingen)
        alle.extend(metingen)
    uitkomst["alle_zoekvragen"] = _statistiek(alle)
    uitkomst["met_resultaten"] = met_scholen
    vier = [kans.choice(kenmerken)[0] for _ in range(4)]
    uitkomst["schoolpagina"] = _tijden(lambda: client.get(f"/gids/school/{vier[0]}/"), 30)
    uitkomst["vergelijken (4 scholen)"] = _tijden(
        lambda: client.get("/gids/vergelijken/", {"v": vier}), 30
    )
    return uitkomst


def _school_van(client: Any) -> Any:
    from passend.accounts.models import Rol

    return Rol.objects.get(pk=client.session["passend_actieve_rol"]).school


if __name__ == "__main__":
    main()
