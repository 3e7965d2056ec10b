"""Staff pages of the aanbod app (/aanbod/): the school's and the SWV's."""

from passend.aanbod.views import school, swv

app_name = "aanbod"
urlpatterns = [*school.urlpatterns, *swv.urlpatterns]
