from rest_framework.routers import SimpleRouter

from passend.leerlingen import api

router = SimpleRouter()
router.register("leerlingen", api.LeerlingViewSet, basename="leerling")

urlpatterns = router.urls
