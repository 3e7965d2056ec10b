from rest_framework.routers import SimpleRouter

from passend.organisaties import api

router = SimpleRouter()
router.register(
    "samenwerkingsverbanden", api.SamenwerkingsverbandViewSet, basename="samenwerkingsverband"
)
router.register("schoolbesturen", api.SchoolbestuurViewSet, basename="schoolbestuur")
router.register("vestigingen", api.VestigingViewSet, basename="vestiging")

urlpatterns = router.urls
