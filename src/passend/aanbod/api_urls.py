"""API routes of the aanbod app (under /api/v1/, namespace ``api``); see ``api``."""

from django.urls import URLPattern, URLResolver, path
from rest_framework.routers import SimpleRouter

from passend.aanbod.api.viewsets import (
    AanbodViewSet,
    ConceptView,
    OndersteuningsgebiedViewSet,
    PublicerenView,
)

router = SimpleRouter()
router.register("aanbod", AanbodViewSet, basename="aanbod")
router.register(
    "ondersteuningsgebieden", OndersteuningsgebiedViewSet, basename="ondersteuningsgebied"
)

urlpatterns: list[URLPattern | URLResolver] = [
    *router.urls,
    path(
        "aanbod/<str:vestigingscode>/concept/<str:schooljaar>/",
        ConceptView.as_view(),
        name="aanbod-concept",
    ),
    path(
        "aanbod/<str:vestigingscode>/concept/<str:schooljaar>/publiceren/",
        PublicerenView.as_view(),
        name="aanbod-publiceren",
    ),
]
