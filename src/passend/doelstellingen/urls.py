"""Routes of the doelstellingenmonitor (namespace ``doelstellingen``): preparing and running
waves (``urls_beheer``) and their results (``urls_resultaten``). Answering a questionnaire
with a code is public: ``urls_invullen`` (namespace ``vragenlijst``, under /vragenlijst/)."""

from passend.doelstellingen import urls_beheer, urls_resultaten

app_name = "doelstellingen"

urlpatterns = [*urls_beheer.urlpatterns, *urls_resultaten.urlpatterns]
