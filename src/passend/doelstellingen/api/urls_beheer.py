"""API routes of survey waves (under /api/v1/): ``api:meting-list``, ``api:meting-detail``
(GET, PATCH), ``api:meting-respons``, ``api:meting-openen``, ``api:meting-sluiten``,
``api:meting-vragen`` (POST), ``api:meting-vraag`` (DELETE), ``api:meting-uitnodigingen``.
The keys are taken as free text (``lookup_value_regex``): a malformed one is the view's JSON
404."""

from rest_framework.routers import SimpleRouter

from passend.doelstellingen.api.beheer import MetingViewSet

router = SimpleRouter()
router.register("metingen", MetingViewSet, basename="meting")

urlpatterns = router.urls
