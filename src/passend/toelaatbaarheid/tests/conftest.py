"""Fixtures of the TLV tests (the world itself is in ``wereld``, shared with the browser test)."""

import pytest

from passend.toelaatbaarheid.tests.wereld import Wereld, maak_wereld


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()
