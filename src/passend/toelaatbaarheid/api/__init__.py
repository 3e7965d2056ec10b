"""API of the toelaatbaarheidsverklaring: the same policy, selectors, services and access
log as the pages. ``viewsets`` holds the resource, ``serializers`` the answers and
``invoer`` the request bodies."""

from passend.toelaatbaarheid.api.viewsets import ToelaatbaarheidsverklaringViewSet

__all__ = ["ToelaatbaarheidsverklaringViewSet"]
