"""API routes of the plans and the public figures (under /api/v1/)."""

from django.urls import URLPattern, path

from passend.middelen.api.plannen import (
    InstemmingView,
    OogoView,
    PlandetailView,
    PlanlijstView,
    VerantwoordingView,
    VersiesView,
)

urlpatterns: list[URLPattern] = [
    path("plannen/", PlanlijstView.as_view(), name="plan-list"),
    path("plannen/<int:pk>/", PlandetailView.as_view(), name="plan-detail"),
    path("plannen/<int:pk>/versies/", VersiesView.as_view(), name="plan-versies"),
    path(
        "planversies/<int:pk>/instemming/",
        InstemmingView.as_view(),
        name="planversie-instemming",
    ),
    path("planversies/<int:pk>/oogo/", OogoView.as_view(), name="planversie-oogo"),
    path(
        "verantwoording/<str:swv_code>/",
        VerantwoordingView.as_view(),
        name="verantwoording",
    ),
]
