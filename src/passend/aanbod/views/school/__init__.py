"""The school's pages of the support offer: the overview of the school's (or the board's)
locations, one location's offer for a school year, describing and publishing it
(``aanbod``), the waiting list of an sbo/so/vso location (``wachtlijst``), and the
schoolgids text written from the offer (``schoolgids``); ``basis`` holds what they share.

Thin: parse (form), call one selector or service, render or redirect. The offer holds no
pupil data, so nothing here writes the access log; every page goes through the policy: a
role that may never use a page gets a 403, a hidden location a 404.
"""

from django.urls import URLPattern, re_path

from passend.aanbod.views.school.aanbod import (
    beschrijven,
    bewerken,
    overzicht,
    publiceren,
    vestiging,
)
from passend.aanbod.views.school.basis import CODE, JAAR
from passend.aanbod.views.school.schoolgids import (
    schoolgids,
    schoolgids_bewerken,
    schoolgids_download,
    schoolgids_opstellen,
)
from passend.aanbod.views.school.wachtlijst import wachtlijst


def _pad(*delen: str) -> str:
    return "^" + "/".join(delen) + "$"


urlpatterns: list[URLPattern] = [
    re_path(r"^$", overzicht, name="overzicht"),
    re_path(_pad("vestiging", CODE, JAAR, ""), vestiging, name="vestiging"),
    re_path(_pad("vestiging", CODE, JAAR, "beschrijven", ""), beschrijven, name="beschrijven"),
    re_path(_pad("vestiging", CODE, JAAR, "bewerken", ""), bewerken, name="bewerken"),
    re_path(_pad("vestiging", CODE, JAAR, "publiceren", ""), publiceren, name="publiceren"),
    re_path(_pad("vestiging", CODE, "wachtlijst", ""), wachtlijst, name="wachtlijst-bijhouden"),
    re_path(_pad("vestiging", CODE, JAAR, "schoolgids", ""), schoolgids, name="schoolgids"),
    re_path(
        _pad("vestiging", CODE, JAAR, "schoolgids", "opstellen", ""),
        schoolgids_opstellen,
        name="schoolgids-opstellen",
    ),
    re_path(
        _pad("vestiging", CODE, JAAR, "schoolgids", "bewerken", ""),
        schoolgids_bewerken,
        name="schoolgids-bewerken",
    ),
    re_path(
        _pad("vestiging", CODE, JAAR, r"schoolgids\.pdf"),
        schoolgids_download,
        name="schoolgids-pdf",
    ),
]
