"""Reads about people and roles."""

from datetime import date

from django.db.models import QuerySet

from passend.accounts.models import Gebruiker, Koppeling, Rol, token_hash
from passend.core.perioden import actief_op


def actieve_rollen(*, gebruiker: Gebruiker, peildatum: date) -> QuerySet[Rol]:
    return (
        Rol.objects.filter(gebruiker=gebruiker)
        .filter(actief_op(peildatum))
        .select_related("school", "schoolbestuur", "samenwerkingsverband", "gemeente")
        .order_by("id")
    )


def koppeling_bij_token(*, token: str, peildatum: date) -> Koppeling | None:
    return (
        Koppeling.objects.filter(token_hash=token_hash(token), actief=True)
        .filter(actief_op(peildatum, prefix="rol__"))
        .filter(rol__gebruiker__is_active=True)
        .select_related(
            "rol__gebruiker",
            "rol__school",
            "rol__schoolbestuur",
            "rol__samenwerkingsverband",
            "rol__gemeente",
        )
        .first()
    )
