"""The strict limit/offset paging of the API: a bad or huge value is a 400 (a field error),
never ignored and never a database error."""

import pytest
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from passend.core.api import StrikteLimitOffsetPaginering


def _verzoek(**params: str) -> Request:
    return Request(APIRequestFactory().get("/api/v1/iets/", params))


def test_offset_tot_en_met_het_maximum_mag() -> None:
    paginering = StrikteLimitOffsetPaginering()
    assert paginering.get_offset(_verzoek(offset="10000000")) == 10_000_000
    assert paginering.get_offset(_verzoek()) == 0


@pytest.mark.parametrize("offset", ["10000001", "99999999999999999999999"])
def test_te_grote_offset_is_een_veldfout(offset: str) -> None:
    with pytest.raises(ValidationError) as exc:
        StrikteLimitOffsetPaginering().get_offset(_verzoek(offset=offset))
    assert exc.value.detail == {"offset": ["Geef een getal van 0 tot en met 10000000 op."]}


def test_schema_noemt_het_maximum_van_de_offset() -> None:
    paginering = StrikteLimitOffsetPaginering()
    (offset,) = [
        p for p in paginering.get_schema_operation_parameters(None) if p["name"] == "offset"
    ]
    assert offset["schema"] == {"type": "integer", "minimum": 0, "maximum": 10_000_000}
