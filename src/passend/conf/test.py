"""Test defaults: like development, fast password hashing, SQLite unless DATABASE_URL."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-passend-key-0123456789abcdef")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("DATABASE_URL", "sqlite:///var/test.sqlite3")

from passend.conf.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the app folders and var/assets (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Dekkend netwerk analyses run at once (in the request) in tests; a browser test that
# shows the progress turns the background thread on itself.
PASSEND["DEKKEND_NETWERK_ACHTERGROND"] = False  # noqa: F405 (PASSEND comes from the star import above)
