"""API routes of the doelstellingenmonitor (under /api/v1/): waves and their response
(``api/urls_beheer``) and results (``api/urls_resultaten``)."""

from passend.doelstellingen.api import urls_beheer, urls_resultaten

urlpatterns = [*urls_beheer.urlpatterns, *urls_resultaten.urlpatterns]
