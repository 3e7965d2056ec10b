"""The staff pages of a disagreement: Dutch errors per field, nothing saved on an error, a
stale form shows the conflict message (what was typed is kept), and the access log on
reading and on refusal."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from passend.accounts.rules import Rolsoort
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import Regio, client_voor, maak_regio
from passend.geschillen.models import Onenigheid, Stap
from passend.geschillen.rules import Status
from passend.geschillen.tests.factories import standaardstap

pytestmark = pytest.mark.django_db
R = Rolsoort
CONFLICT = "Iemand anders heeft deze onenigheid intussen gewijzigd."


@pytest.fixture
def regio() -> Regio:
    return maak_regio("eigen", 1)


def _ib(regio: Regio):
    return client_voor(regio.rollen[R.INTERN_BEGELEIDER])


def _regels(route: str) -> list[Toegangsregel]:
    return list(Toegangsregel.objects.filter(route=route).order_by("id"))


def _vers(onenigheid: Onenigheid) -> Onenigheid:
    return Onenigheid.objects.get(pk=onenigheid.pk)


def test_stap_zonder_gegevens_toont_fouten_per_veld_en_slaat_niets_op(regio):
    zaak = regio.extra["onenigheid_school"]
    antwoord = _ib(regio).post(reverse("geschillen:stap", args=[zaak.sleutel]), {})
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors
    assert set(fouten) == {"routestap", "begonnen_op"}
    assert fouten["begonnen_op"] == ["Vul de datum in waarop de stap is begonnen."]
    assert fouten["routestap"] == ["Kies de stap die begint."]
    assert not zaak.stappen.exists()
    (regel,) = _regels("geschillen:stap")
    assert regel.reden.startswith("stap vastleggen: niet opgeslagen")


def test_stap_voor_de_start_geeft_de_fout_bij_de_datum(regio):
    zaak = regio.extra["onenigheid_school"]
    routestap = standaardstap("gesprek-school")
    antwoord = _ib(regio).post(
        reverse("geschillen:stap", args=[zaak.sleutel]),
        {"routestap": routestap.pk, "begonnen_op": "2026-09-01", "toelichting": "Te vroeg."},
    )
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["begonnen_op"] == [
        "Deze datum kan niet vóór de start (01-11-2026) liggen."
    ]
    assert "Te vroeg." in antwoord.content.decode()  # what was typed is kept
    assert not zaak.stappen.exists()
    assert _vers(zaak).revisie == zaak.revisie


def test_stap_afronden_in_de_toekomst_wordt_geweigerd(regio):
    zaak = regio.extra["onenigheid"]
    stap = regio.extra["onenigheid_stap"]
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    antwoord = _ib(regio).post(
        reverse("geschillen:stap-afronden", args=[zaak.sleutel, stap.pk]),
        {"afgerond_op": morgen.isoformat(), "uitkomst": ""},
    )
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors
    assert set(fouten) == {"uitkomst"}  # the form refuses first; the date is checked next
    antwoord = _ib(regio).post(
        reverse("geschillen:stap-afronden", args=[zaak.sleutel, stap.pk]),
        {"afgerond_op": morgen.isoformat(), "uitkomst": "opgelost"},
    )
    assert antwoord.context["form"].errors["afgerond_op"] == [
        "Deze datum kan niet in de toekomst liggen."
    ]
    assert Stap.objects.get(pk=stap.pk).afgerond_op is None


def test_commissie_data_in_de_verkeerde_volgorde(regio):
    zaak = regio.extra["onenigheid"]
    antwoord = _ib(regio).post(
        reverse("geschillen:commissie", args=[zaak.sleutel]),
        {
            "revisie": zaak.revisie,
            "besluit_op": "2026-10-10",
            "commissie_ingediend_op": "2026-10-01",
            "oordeel": "Gegrond.",
        },
    )
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors
    assert fouten["commissie_ingediend_op"] == [
        "Deze datum kan niet vóór het besluit (10-10-2026) liggen."
    ]
    assert fouten["oordeel_op"] == ["Vul de datum van het oordeel in."]
    vers = _vers(zaak)
    assert vers.besluit_op is None
    assert vers.revisie == zaak.revisie


def test_commissie_met_een_oude_revisie_toont_het_conflict_en_houdt_de_invoer(regio):
    zaak = regio.extra["onenigheid"]
    Onenigheid.objects.filter(pk=zaak.pk).update(revisie=zaak.revisie + 1)
    antwoord = _ib(regio).post(
        reverse("geschillen:commissie", args=[zaak.sleutel]),
        {"revisie": zaak.revisie, "besluit_op": "2026-10-10"},
    )
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    assert CONFLICT in pagina
    assert 'value="2026-10-10"' in pagina
    assert f'name="revisie" value="{zaak.revisie + 1}"' in pagina  # next try may save
    assert _vers(zaak).besluit_op is None
    (regel,) = _regels("geschillen:commissie")
    assert regel.resultaat == "toegestaan"


def test_afsluiten_met_een_oude_revisie_slaat_niets_op(regio):
    zaak = regio.extra["onenigheid_school"]
    Onenigheid.objects.filter(pk=zaak.pk).update(revisie=zaak.revisie + 1)
    antwoord = _ib(regio).post(
        reverse("geschillen:afsluiten", args=[zaak.sleutel]),
        {
            "revisie": zaak.revisie,
            "status": Status.OPGELOST,
            "afgesloten_op": timezone.localdate().isoformat(),
            "afsluiting": "Afspraak: extra leeshulp.",
        },
    )
    assert antwoord.status_code == 200
    assert CONFLICT in antwoord.content.decode()
    assert "Afspraak: extra leeshulp." in antwoord.content.decode()
    assert _vers(zaak).status == Status.OPEN


def test_afsluiten_zonder_gegevens_toont_fouten_per_veld(regio):
    zaak = regio.extra["onenigheid_school"]
    antwoord = _ib(regio).post(
        reverse("geschillen:afsluiten", args=[zaak.sleutel]), {"revisie": zaak.revisie}
    )
    assert set(antwoord.context["form"].errors) == {"status", "afgesloten_op", "afsluiting"}
    assert _vers(zaak).status == Status.OPEN


def test_school_start_zonder_omschrijving(regio):
    antwoord = _ib(regio).post(
        reverse("geschillen:starten", args=[regio.leerling.sleutel]),
        {"onderwerp": "ondersteuning", "omschrijving": "  "},
    )
    assert antwoord.status_code == 200
    assert "omschrijving" in antwoord.context["form"].errors
    assert Onenigheid.objects.filter(leerling=regio.leerling).count() == 2
    (regel,) = _regels("geschillen:starten")
    assert regel.reden == "onenigheid starten: niet opgeslagen"


def test_lezen_legt_een_regel_vast_en_weigeren_ook(regio):
    zaak = regio.extra["onenigheid"]
    url = reverse("geschillen:onenigheid", args=[zaak.sleutel])
    assert _ib(regio).get(url).status_code == 200
    assert client_voor(regio.rollen[R.LERAAR]).get(url).status_code == 403
    ander = maak_regio("ander", 2)
    assert client_voor(ander.rollen[R.INTERN_BEGELEIDER]).get(url).status_code == 404
    gelezen, rol_geweigerd, verborgen = _regels("geschillen:onenigheid")
    assert (gelezen.actie, gelezen.resultaat) == ("lezen", "toegestaan")
    assert gelezen.object_id == str(zaak.sleutel)
    assert rol_geweigerd.resultaat == "geweigerd"
    assert (verborgen.resultaat, verborgen.object_id) == ("geweigerd", str(zaak.sleutel))


def test_post_in_een_afgesloten_onenigheid_slaat_niets_op_en_wordt_gelogd(regio):
    zaak = regio.extra["onenigheid_school"]
    Onenigheid.objects.filter(pk=zaak.pk).update(
        status=Status.GESLOTEN, afgesloten_op=timezone.localdate()
    )
    antwoord = _ib(regio).post(reverse("geschillen:stap", args=[zaak.sleutel]), {})
    assert antwoord.status_code == 302
    assert not zaak.stappen.exists()
    (regel,) = _regels("geschillen:stap")
    assert regel.resultaat == "geweigerd"


def test_overzicht_legt_de_leerlingen_van_de_getoonde_pagina_vast(regio):
    """One ZOEKEN record per page, after paging, naming exactly the pupils shown."""
    from passend.geschillen.tests.factories import OnenigheidFactory
    from passend.leerlingen.tests.factories import LeerlingFactory

    eigen = [regio.extra["onenigheid"], regio.extra["onenigheid_school"]]
    extra = [
        OnenigheidFactory(
            leerling=LeerlingFactory(),
            vestiging=regio.vestiging,
            samenwerkingsverband=regio.swv,
            gestart_op=datetime.date(2026, 9, 1) - datetime.timedelta(days=i),
        )
        for i in range(27)
    ]
    alle = [o for o in eigen + extra if o.status == Status.OPEN]
    client = _ib(regio)
    getoond = set()
    for nummer in (1, 2):
        antwoord = client.get(reverse("geschillen:overzicht"), {"pagina": nummer})
        assert antwoord.status_code == 200
        pagina = antwoord.context["pagina"]
        (regel,) = _regels("geschillen:overzicht")[nummer - 1 :]
        assert regel.actie == "zoeken" and regel.resultaat == "toegestaan"
        sleutels = {r.leerling_sleutel for r in regel.leerlingen.all()}
        assert sleutels == {o.leerling.sleutel for o in pagina}
        for o in pagina:
            assert escape(o.leerling.naam) in antwoord.content.decode()
        getoond |= sleutels
    assert getoond == {o.leerling.sleutel for o in alle}
