"""/onenigheid/: disagreements and their route (urls_onenigheid) and the Veilig Thuis guard
(urls_veilig_thuis)."""

from passend.geschillen import urls_onenigheid, urls_veilig_thuis

app_name = "geschillen"
urlpatterns = [*urls_onenigheid.urlpatterns, *urls_veilig_thuis.urlpatterns]
