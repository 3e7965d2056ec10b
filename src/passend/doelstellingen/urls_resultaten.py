"""Page routes of the results of a wave: the page and its PDF report."""

from django.urls import URLPattern, path

from passend.doelstellingen.views import resultaten

urlpatterns: list[URLPattern] = [
    path("<int:pk>/resultaten/", resultaten.resultaten, name="resultaten"),
    path("<int:pk>/resultaten/rapport.pdf", resultaten.resultaten_pdf, name="resultaten-pdf"),
]
