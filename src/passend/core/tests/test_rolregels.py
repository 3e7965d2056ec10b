"""The shared construction of role and object rules (``core.permissions.rolregels``)."""

from types import SimpleNamespace

import pytest
import rules

from passend.core.permissions import heeft_rol_in, rolregels


def actor(rolsoort: str) -> SimpleNamespace:
    return SimpleNamespace(rolsoort=rolsoort)


@rules.predicate
def zichtbaar(actor: object, obj: dict | None) -> bool:
    return obj is not None and obj["zichtbaar"]


@rules.predicate
def met_gezag(actor: object, obj: dict | None) -> bool:
    return obj is not None and obj["gezag"]


REGELS = rolregels(
    {"lijst": {"a", "b"}, "bekijken": {"a"}, "intrekken": {"a"}},
    objectacties=("bekijken", "intrekken"),
    in_zicht=zichtbaar,
    extra={"intrekken": met_gezag},
)


def test_de_rolregel_kijkt_alleen_naar_de_rol():
    assert REGELS.test_rule("rol:bekijken", actor("a"))
    assert not REGELS.test_rule("rol:bekijken", actor("b"))
    assert REGELS.test_rule("lijst", actor("b"))
    assert heeft_rol_in(["x"]).test(actor("x"))


def test_een_objectactie_vraagt_rol_en_zicht_en_de_extra_regel():
    zicht_en_gezag = {"zichtbaar": True, "gezag": True}
    assert REGELS.test_rule("bekijken", actor("a"), zicht_en_gezag)
    assert not REGELS.test_rule("bekijken", actor("b"), zicht_en_gezag)
    assert not REGELS.test_rule("bekijken", actor("a"), {"zichtbaar": False, "gezag": True})
    assert REGELS.test_rule("intrekken", actor("a"), zicht_en_gezag)
    assert not REGELS.test_rule("intrekken", actor("a"), {"zichtbaar": True, "gezag": False})


def test_een_objectactie_zonder_zichtregel_is_een_fout():
    with pytest.raises(ValueError, match="in_zicht"):
        rolregels({"bekijken": {"a"}}, objectacties=("bekijken",))
