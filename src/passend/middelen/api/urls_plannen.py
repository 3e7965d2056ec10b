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

# Keys are free text: a malformed one is a JSON 404 from the view, not an HTML one.
urlpatterns: list[URLPattern] = [
    path("plannen/", PlanlijstView.as_view(), name="plan-list"),
    path("plannen/<str:pk>/", PlandetailView.as_view(), name="plan-detail"),
    path("plannen/<str:pk>/versies/", VersiesView.as_view(), name="plan-versies"),
    path(
        "planversies/<str:pk>/instemming/",
        InstemmingView.as_view(),
        name="planversie-instemming",
    ),
    path("planversies/<str:pk>/oogo/", OogoView.as_view(), name="planversie-oogo"),
    path(
        "verantwoording/<str:swv_code>/",
        VerantwoordingView.as_view(),
        name="verantwoording",
    ),
]
