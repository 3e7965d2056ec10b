from rest_framework.routers import SimpleRouter

from passend.arrangementen.api.viewsets import ArrangementaanvraagViewSet

router = SimpleRouter()
router.register("arrangementen", ArrangementaanvraagViewSet, basename="arrangementaanvraag")

urlpatterns = router.urls
