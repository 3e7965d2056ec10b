"""The pages of the aanbod app, one module per face: ``school`` (describe, publish, waiting
list, schoolgids text), ``gids`` (the public guide for parents, no log-in) and ``swv`` (the
region's overview, waiting lists over time, sociale kaart, CSV import and export). Each
module keeps its own ``urlpatterns``; ``urls`` and ``urls_gids`` combine them."""
