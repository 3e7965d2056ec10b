"""Public routes (namespace ``vragenlijst``): answering a questionnaire with an anonymous code."""

from django.urls import path

from passend.doelstellingen.views.invullen import bedankt, invullen, start

app_name = "vragenlijst"

urlpatterns = [
    path("", start, name="start"),
    path("invullen/", invullen, name="invullen"),
    path("bedankt/", bedankt, name="bedankt"),
]
