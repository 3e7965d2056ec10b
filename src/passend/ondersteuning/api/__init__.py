"""API of the ontwikkelingsperspectief (OPP): the same policy, selectors, services and access
log as the pages.

Every request that touches pupil data writes exactly one access-log record: reads through
the selectors, successful writes through the services; refusals and writes that were not
saved are recorded here. A hidden OPP, or one the actor may read but not change, is a 404.

``viewsets`` holds the resource, ``onderdelen`` its actions on the parts of a draft,
``serializers`` the answers, ``invoer`` the request bodies and ``afhandeling`` what the
actions share.
"""

from passend.ondersteuning.api.serializers import (
    OntwikkelingsperspectiefLijstSerializer,
    OntwikkelingsperspectiefSerializer,
)
from passend.ondersteuning.api.viewsets import OntwikkelingsperspectiefViewSet

__all__ = [
    "OntwikkelingsperspectiefLijstSerializer",
    "OntwikkelingsperspectiefSerializer",
    "OntwikkelingsperspectiefViewSet",
]
