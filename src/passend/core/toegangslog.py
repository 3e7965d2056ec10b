"""Writing the access log: one record per request that touches pupil data.

The record is written synchronously, before the data is shown. If it cannot be written,
``ToegangslogNietBeschikbaar`` is raised and the caller shows nothing (fail closed): the
middleware and the API exception handler turn it into a 503 without pupil data.
"""

from collections.abc import Iterable
from typing import Any, Protocol
from uuid import UUID

from django.db import DatabaseError, transaction

from passend.core.models import Actie, Resultaat, Toegangsregel, ToegangsregelLeerling


class ToegangslogNietBeschikbaar(Exception):
    """The access log could not be written; no pupil data may be shown."""


class Handelende(Protocol):
    """Who acts: a person in a role for an organisation, possibly through a koppeling."""

    @property
    def gebruiker(self) -> Any: ...

    @property
    def rol_label(self) -> str: ...

    @property
    def organisatie_label(self) -> str: ...

    @property
    def organisatie_sleutel(self) -> str: ...

    @property
    def koppeling_naam(self) -> str: ...


def toegang_vastleggen(
    *,
    actor: Handelende,
    actie: Actie | str,
    object_type: str,
    object_id: str = "",
    leerling_sleutels: Iterable[UUID] = (),
    toegestaan: bool,
    reden: str,
    route: str = "",
) -> Toegangsregel:
    """Append one record to the access log, or raise ``ToegangslogNietBeschikbaar``."""
    gebruiker = actor.gebruiker
    try:
        with transaction.atomic():
            regel = Toegangsregel.objects.create(
                gebruiker=gebruiker,
                gebruikersnaam=getattr(gebruiker, "username", "") or "",
                naam=gebruiker.get_full_name() if gebruiker is not None else "",
                rol=actor.rol_label,
                organisatie=actor.organisatie_label,
                organisatie_sleutel=actor.organisatie_sleutel,
                koppeling=actor.koppeling_naam,
                actie=str(actie),
                object_type=object_type,
                object_id=str(object_id),
                resultaat=Resultaat.TOEGESTAAN if toegestaan else Resultaat.GEWEIGERD,
                reden=reden[:300],
                route=route[:200],
            )
            ToegangsregelLeerling.objects.bulk_create(
                [
                    ToegangsregelLeerling(regel=regel, leerling_sleutel=sleutel)
                    for sleutel in dict.fromkeys(leerling_sleutels)
                ]
            )
    except DatabaseError as exc:
        raise ToegangslogNietBeschikbaar(str(exc)) from exc
    return regel
