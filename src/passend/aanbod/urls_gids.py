"""The public guide for parents (/gids/): no log-in."""

from passend.aanbod.views import gids

app_name = "gids"
urlpatterns = [*gids.urlpatterns]
