"""Routes of middelen (namespace ``middelen``): budgets and reserves (``urls_begroting``)
and plans with consent and OOGO (``urls_plannen``). The public page where the support money
went is ``urls_openbaar`` (namespace ``verantwoording``, under /verantwoording/)."""

from passend.middelen import urls_begroting, urls_plannen

app_name = "middelen"

urlpatterns = [*urls_begroting.urlpatterns, *urls_plannen.urlpatterns]
