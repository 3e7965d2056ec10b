"""The portal pages of the OPP: parents and the pupil read the plan in plain words, give
their view and decide on the handelingsdeel. Thin: parse, call a selector or service, render.
One module per page: ``plan`` (reading), ``inbreng`` (the parents' and the pupil's view),
``instemming`` (consent); ``afhandeling`` and ``beslissen`` hold what they share.

Every request writes exactly one access-log record. A GET fetches through
``opp_voor_actor`` (which logs). A POST that calls a service authorises with the
non-logging selector ``opp_voor_schrijven``, because the service logs a successful write
itself; when nothing is saved (a form error, a closed plan, a refusal) the view writes the
one record itself. The consent page does the same on a GET, so that a parent without gezag
is logged as refused.
"""

from passend.ondersteuning.views.portaal.inbreng import mening, zienswijze
from passend.ondersteuning.views.portaal.instemming import instemmen
from passend.ondersteuning.views.portaal.plan import bekijken

__all__ = ["bekijken", "instemmen", "mening", "zienswijze"]
