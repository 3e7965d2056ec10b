"""Forms of the registration pages. Parents get plain (B1) questions; the school gets the
words of the law. Every field has a Dutch label and Dutch error messages."""

from passend.zorgplicht.forms.portaal import OuderAanmeldForm, SchoolZoekForm
from passend.zorgplicht.forms.school import BesluitForm, LeerlingZoekForm, PapierForm, VerlengenForm
from passend.zorgplicht.forms.velden import NIEUW, NieuwKindVelden

__all__ = [
    "NIEUW",
    "BesluitForm",
    "LeerlingZoekForm",
    "NieuwKindVelden",
    "OuderAanmeldForm",
    "PapierForm",
    "SchoolZoekForm",
    "VerlengenForm",
]
