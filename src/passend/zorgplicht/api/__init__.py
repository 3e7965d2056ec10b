"""API of aanmelding and zorgplicht: the same policy, selectors, services and access log as
the pages. ``viewsets`` holds the resource, ``serializers`` the answers, ``invoer`` the
request bodies, ``schema`` the named choice sets."""

from passend.zorgplicht.api.viewsets import AanmeldingViewSet

__all__ = ["AanmeldingViewSet"]
