from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from two_factor.urls import urlpatterns as two_factor_urls

from passend.core import views as core_views

api_v1 = [
    path("", include("passend.organisaties.api_urls")),
    path("", include("passend.leerlingen.api_urls")),
    path("", include("passend.ondersteuning.api_urls")),
    path("", include("passend.zorgplicht.api_urls")),
    path("", include("passend.arrangementen.api_urls")),
    path("", include("passend.toelaatbaarheid.api_urls")),
    path("", include("passend.aanbod.api_urls")),
    path("", include("passend.verzuim.api_urls")),
    path("", include("passend.geschillen.api_urls")),
    path("", include("passend.monitor.api_urls")),
    path("", include("passend.doelstellingen.api_urls")),
    path("", include("passend.middelen.api_urls")),
]

urlpatterns = [
    path("", core_views.start, name="start"),
    path("healthz", core_views.healthz, name="healthz"),
    path("", include(two_factor_urls)),
    path("", include("passend.accounts.urls")),
    path("organisaties/", include("passend.organisaties.urls")),
    path("leerlingen/", include("passend.leerlingen.urls")),
    path("privacy/", include("passend.privacy.urls")),
    path("opp/", include("passend.ondersteuning.urls")),
    path("aanmeldingen/", include("passend.zorgplicht.urls")),
    path("arrangementen/", include("passend.arrangementen.urls")),
    path("tlv/", include("passend.toelaatbaarheid.urls")),
    path("aanbod/", include("passend.aanbod.urls")),
    path("gids/", include("passend.aanbod.urls_gids")),
    path("verzuim/", include("passend.verzuim.urls")),
    path("onenigheid/", include("passend.geschillen.urls")),
    path("steunpunt/", include("passend.steunpunt.urls")),
    path("steunpunten/", include("passend.steunpunt.urls_openbaar")),
    path("monitor/", include("passend.monitor.urls")),
    path("doelstellingenmonitor/", include("passend.doelstellingen.urls")),
    path("vragenlijst/", include("passend.doelstellingen.urls_invullen")),
    path("middelen/", include("passend.middelen.urls")),
    path("verantwoording/", include("passend.middelen.urls_openbaar")),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

handler403 = "passend.core.views.geen_toegang"
handler404 = "passend.core.views.niet_gevonden"
handler500 = "passend.core.views.serverfout"
