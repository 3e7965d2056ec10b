from rest_framework.routers import SimpleRouter

from passend.zorgplicht.api import AanmeldingViewSet

router = SimpleRouter()
router.register("aanmeldingen", AanmeldingViewSet, basename="aanmelding")

urlpatterns = router.urls
