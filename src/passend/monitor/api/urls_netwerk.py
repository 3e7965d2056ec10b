"""API routes of the monitor: dekkend netwerk analyses (under /api/v1/)."""

from rest_framework.routers import SimpleRouter

from passend.monitor.api.netwerk import NetwerkanalyseViewSet

router = SimpleRouter()
router.register("netwerkanalyses", NetwerkanalyseViewSet, basename="netwerkanalyse")

urlpatterns = router.urls
