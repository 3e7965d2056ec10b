"""API of disagreements: the same policy, selectors, services and access log as the pages.
``viewsets`` holds the resource, ``serializers`` the answers and the request bodies."""

from passend.geschillen.api.viewsets import OnenigheidViewSet

__all__ = ["OnenigheidViewSet"]
