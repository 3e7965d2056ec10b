from django.urls import path

from passend.privacy import views

app_name = "privacy"

urlpatterns = [
    path("toegangslog/", views.toegangslog, name="toegangslog"),
    path("toegangslog/export.csv", views.toegangslog_export, name="toegangslog-export"),
]
