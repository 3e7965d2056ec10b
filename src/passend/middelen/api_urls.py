"""API routes of middelen (under /api/v1/): budgets (``api/urls_begroting``) and plans and
the public figures (``api/urls_plannen``)."""

from passend.middelen.api import urls_begroting, urls_plannen

urlpatterns = [*urls_begroting.urlpatterns, *urls_plannen.urlpatterns]
