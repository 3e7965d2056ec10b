"""API of the support offer (/api/v1/aanbod/, /api/v1/ondersteuningsgebieden/).

* public, without a log-in: the published offers (read only through
  ``selectors.catalogus.openbaar_aanbod``, so a concept is never shown), filtered by
  gemeente, soort, gebied and samenwerkingsverband, one by vestigingscode; and the areas;
* for the school (and the SWV's import roles, as the policy allows): the concept of a
  school year — open it, replace its content with the ``revisie`` it was read with (a stale
  one is a 409 with code ``revisie``), publish it — through ``services.aanbod`` with the
  actor of the token or session.

``serializers`` holds the answers, ``invoer`` the strict request bodies (an unknown field
is a 400), ``schema`` the named enum components, ``viewsets`` the resources.
"""
