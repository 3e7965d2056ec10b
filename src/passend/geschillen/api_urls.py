"""The geschillen API routes (under /api/v1/)."""

from rest_framework.routers import SimpleRouter

from passend.geschillen.api import OnenigheidViewSet

router = SimpleRouter()
router.register("onenigheden", OnenigheidViewSet, basename="onenigheid")

urlpatterns = router.urls
