"""The verzuim API routes (under /api/v1/)."""

from rest_framework.routers import SimpleRouter

from passend.verzuim.api import VerzuimmeldingViewSet

router = SimpleRouter()
router.register("verzuimmeldingen", VerzuimmeldingViewSet, basename="verzuimmelding")

urlpatterns = router.urls
