"""/verzuim/: the cases (urls_zaken) and the reports and exports (urls_rapportage)."""

from passend.verzuim import urls_rapportage, urls_zaken

app_name = "verzuim"
urlpatterns = [*urls_zaken.urlpatterns, *urls_rapportage.urlpatterns]
