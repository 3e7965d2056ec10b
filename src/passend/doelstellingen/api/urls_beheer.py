"""API routes of survey waves (under /api/v1/): ``api:meting-list``, ``api:meting-detail``,
``api:meting-respons``, ``api:meting-uitnodigingen``."""

from rest_framework.routers import SimpleRouter

from passend.doelstellingen.api.beheer import MetingViewSet

router = SimpleRouter()
router.register("metingen", MetingViewSet, basename="meting")

urlpatterns = router.urls
