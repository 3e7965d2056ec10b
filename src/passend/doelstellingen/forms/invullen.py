"""Forms for answering a questionnaire with a code: the code, and the questionnaire itself
(one optional radio group per item; "Weet ik niet" or nothing is no answer)."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms

from passend.core.forms import NLDesignForm
from passend.doelstellingen.models import Vraag, Vragenlijst
from passend.doelstellingen.rules import Doelstelling, Schaal
from passend.doelstellingen.services.invullen import veldnaam

#: The 7 goals in plain words, as the heading of their items (adults, and pupils).
DOELEN_GEWOON: dict[int, tuple[str, str]] = {
    Doelstelling.ONDERSTEUNINGSBEHOEFTE_LEIDEND: (
        "Hulp die past bij wat de leerling nodig heeft",
        "Hulp die bij jou past",
    ),
    Doelstelling.LEERLING_GEHOORD: ("Luisteren naar de leerling", "Wordt er naar jou geluisterd?"),
    Doelstelling.LERAAR_TOEGERUST: (
        "Steun voor leraren",
        "Je juf, meester of mentor",
    ),
    Doelstelling.OUDER_PARTNER: ("Samenwerken met ouders", "Je ouders en de school"),
    Doelstelling.DEKKEND_NETWERK: (
        "Een passende plek voor elke leerling in de regio",
        "Een goede school voor iedereen",
    ),
    Doelstelling.TRANSPARANTE_MIDDELEN: (
        "Duidelijkheid over het geld voor ondersteuning",
        "Het geld voor extra hulp",
    ),
    Doelstelling.ADMINISTRATIEVE_LAST: (
        "Niet te veel papierwerk",
        "Niet te veel formulieren",
    ),
}

#: "Weet ik niet" counts as done for the progress, but is no answer (not stored).
WEET_IK_NIET = ("weetniet", "Weet ik niet")
#: The answers per scale; every value also in words (no meaning by number or colour alone).
KEUZES: dict[tuple[str, bool], list[tuple[str, str]]] = {
    (Schaal.EENS_ONEENS, False): [
        ("1", "Helemaal oneens"),
        ("2", "Oneens"),
        ("3", "Niet eens en niet oneens"),
        ("4", "Eens"),
        ("5", "Helemaal eens"),
    ],
    (Schaal.EENS_ONEENS, True): [
        ("1", "Klopt helemaal niet"),
        ("2", "Klopt niet"),
        ("3", "Klopt soms"),
        ("4", "Klopt"),
        ("5", "Klopt helemaal"),
    ],
    (Schaal.CIJFER, False): [
        ("1", "1 (heel slecht)"),
        *((str(cijfer), str(cijfer)) for cijfer in range(2, 10)),
        ("10", "10 (heel goed)"),
    ],
    (Schaal.CIJFER, True): [
        ("1", "1 (heel slecht)"),
        *((str(cijfer), str(cijfer)) for cijfer in range(2, 10)),
        ("10", "10 (heel goed)"),
    ],
}


class CodeForm(NLDesignForm):
    code = forms.CharField(
        label="Code",
        max_length=40,
        help_text="De code staat op de uitnodiging, bijvoorbeeld ABCD-EFGH-JKMN. "
        "Hoofdletters, spaties en streepjes maken niet uit.",
        error_messages={"required": "Vul de code van de uitnodiging in."},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


@dataclass(frozen=True)
class Groep:
    """The items of one goal, with the goal's heading in plain words."""

    doelstelling: int
    kop: str
    #: (number shown before the item, its field)
    velden: list[tuple[int, forms.BoundField]]


class VragenlijstForm(NLDesignForm):
    """One optional radio group per item of the questionnaire, in its order."""

    def __init__(
        self, *args: Any, vragenlijst: Vragenlijst, vragen: Iterable[Vraag], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.kindvriendelijk = vragenlijst.kindvriendelijk
        self.vragen = list(vragen)
        for vraag in self.vragen:
            self.fields[veldnaam(vraag.pk)] = forms.ChoiceField(
                label=vraag.tekst,
                required=False,
                choices=[*KEUZES[(vraag.schaal, self.kindvriendelijk)], WEET_IK_NIET],
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Kies een van de antwoorden bij deze vraag."},
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.vragen and not any(data.get(veldnaam(vraag.pk)) for vraag in self.vragen):
            # Sending nothing at all is most likely a slip; it would use up the code.
            if self.kindvriendelijk:
                raise forms.ValidationError(
                    "Je hebt nog niets ingevuld. Kies bij minstens één zin een antwoord, "
                    'of "Weet ik niet".'
                )
            raise forms.ValidationError(
                "U heeft nog niets ingevuld. Kies bij minstens één vraag een antwoord, "
                'of "Weet ik niet".'
            )
        return data

    def antwoorden(self) -> dict[int, int]:
        """The given answers (vraag id → value); "Weet ik niet" and nothing are left out."""
        return {
            vraag.pk: int(self.cleaned_data[veldnaam(vraag.pk)])
            for vraag in self.vragen
            if self.cleaned_data.get(veldnaam(vraag.pk)) not in ("", None, WEET_IK_NIET[0])
        }

    def aantal_beantwoord(self) -> int:
        """How many items were done ("Weet ik niet" too) in what was sent, valid or not."""
        if not self.is_bound:
            return 0
        return sum(
            1
            for vraag in self.vragen
            if str(self.data.get(self.add_prefix(veldnaam(vraag.pk)), "")).strip()
        )

    def groepen(self) -> list[Groep]:
        """The fields per goal, goals in order (the items come ordered by goal already)."""
        groepen: list[Groep] = []
        for nummer, vraag in enumerate(self.vragen, start=1):
            if not groepen or groepen[-1].doelstelling != vraag.doelstelling:
                kop = DOELEN_GEWOON[vraag.doelstelling][1 if self.kindvriendelijk else 0]
                groepen.append(Groep(doelstelling=vraag.doelstelling, kop=kop, velden=[]))
            groepen[-1].velden.append((nummer, self[veldnaam(vraag.pk)]))
        return groepen
