from rest_framework.routers import SimpleRouter

from passend.ondersteuning import api

router = SimpleRouter()
router.register(
    "ontwikkelingsperspectieven",
    api.OntwikkelingsperspectiefViewSet,
    basename="ontwikkelingsperspectief",
)

urlpatterns = router.urls
