import pytest

from passend.steunpunt.tests.wereld import Wereld, maak_wereld


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()
