from rest_framework.routers import SimpleRouter

from passend.toelaatbaarheid.api import ToelaatbaarheidsverklaringViewSet

router = SimpleRouter()
router.register(
    "toelaatbaarheidsverklaringen",
    ToelaatbaarheidsverklaringViewSet,
    basename="toelaatbaarheidsverklaring",
)

urlpatterns = router.urls
