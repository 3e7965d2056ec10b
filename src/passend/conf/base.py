"""Settings of Passend.

One settings module, read from the environment, with safe (production) defaults.
``dev`` and ``test`` only change defaults. Every variable is listed in ``.env.example``.
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

from csp.constants import NONE, SELF

from passend.conf.env import database_from_url, env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "passend.core",
    "passend.organisaties",
    "passend.accounts",
    "passend.leerlingen",
    "passend.privacy",
    "passend.ondersteuning",
    "passend.zorgplicht",
    "passend.arrangementen",
    "passend.toelaatbaarheid",
    "passend.aanbod",
    "passend.verzuim",
    "passend.geschillen",
    "passend.steunpunt",
    "passend.monitor",
    "passend.doelstellingen",
    "passend.middelen",
    "passend.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "passend.accounts.middleware.TweeFactorVerplichtMiddleware",
    "passend.core.middleware.ToegangslogFailClosedMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "passend.urls"
WSGI_APPLICATION = "passend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "passend.accounts.context_processors.actor",
            ],
            "string_if_invalid": "",
        },
    }
]

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", "sqlite:///var/passend.sqlite3"), BASE_DIR)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.Gebruiker"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "var" / "assets"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Log-in, sessions and cookies -------------------------------------------------
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "accounts:mijn-werk"
LOGOUT_REDIRECT_URL = "two_factor:login"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Passend")
TWO_FACTOR_PATCH_ADMIN = False

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "passend.accounts.blokkade.gebruikersnaam_voor_blokkade"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"
AXES_VERBOSE = False

# Content Security Policy: only our own scripts and styles, no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}

# --- API --------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "passend.accounts.authentication.KoppelingTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["passend.accounts.api.HeeftActor"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "passend.core.api.StrikteLimitOffsetPaginering",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "passend.core.api.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Passend API",
    "DESCRIPTION": (
        "API van Passend voor koppelingen (bijvoorbeeld de leerlingadministratie van een "
        "school). Een koppeling authenticeert met `Authorization: Token <token>`; het token "
        "hoort bij één organisatie en één rol. Elke lees- of schrijfactie op leerlinggegevens "
        "gaat door het autorisatiebeleid en komt in het toegangslog."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from our own static files (no CDN), with its script in a separate file (CSP).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "VestigingSoortEnum": "passend.organisaties.rules.Soort",
        "FactorSoortEnum": "passend.ondersteuning.rules.FactorSoort",
        "TlvSoortEnum": "passend.toelaatbaarheid.rules.Soort",
        "TlvStatusEnum": "passend.toelaatbaarheid.rules.Status",
        "TlvBesluitEnum": "passend.toelaatbaarheid.rules.Besluit",
        "OppStatusEnum": "passend.ondersteuning.rules.Status",
        "InstemmingBesluitEnum": "passend.ondersteuning.rules.Besluit",
        "VerzuimsoortEnum": "passend.verzuim.rules.Verzuimsoort",
        "VerzuimvormEnum": "passend.verzuim.rules.Verzuimvorm",
        "VerzuimRedenEnum": "passend.verzuim.rules.Reden",
        "VerzuimUitkomstEnum": "passend.verzuim.rules.Uitkomst",
        "VerzuimPartnersoortEnum": "passend.verzuim.rules.Partnersoort",
        "TlvBezwaarUitkomstEnum": "passend.toelaatbaarheid.rules.Uitkomst",
        "OnenigheidStatusEnum": "passend.geschillen.rules.Status",
        "RoutestapSoortEnum": "passend.geschillen.rules.Stapsoort",
        "NetwerkanalyseStatusEnum": "passend.monitor.models.Analysestatus",
        "PostsoortEnum": "passend.middelen.rules.Postsoort",
        "BegrotingsstatusEnum": "passend.middelen.rules.Begrotingsstatus",
        "MetingstatusEnum": "passend.doelstellingen.rules.Metingstatus",
        "RespondentgroepEnum": "passend.doelstellingen.rules.Respondentgroep",
        "DoelstellingEnum": "passend.doelstellingen.rules.Doelstelling",
        "SchaalEnum": "passend.doelstellingen.rules.Schaal",
        "PlansoortEnum": "passend.middelen.rules.Plansoort",
        "InstemmingsuitkomstEnum": "passend.middelen.rules.Instemmingsuitkomst",
        "OogouitkomstEnum": "passend.middelen.rules.Oogouitkomst",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "passend.core.api.foutantwoorden_toevoegen",
    ],
}

# --- Domain settings (unconfirmed rules are settings, DOMAIN.md) -----------------
PASSEND: dict[str, Any] = {
    # Aggregates for the inspectorate and the public never show cells under this size.
    "KLEINE_CEL_GRENS": env_int("PASSEND_KLEINE_CEL_GRENS", 10),
    # Pupils of this age and older may log in themselves.
    "LEERLING_LOGIN_MINIMUM_LEEFTIJD": env_int("PASSEND_LEERLING_LOGIN_LEEFTIJD", 12),
    # Remind the school this many days before an OPP's yearly evaluation falls due.
    "OPP_HERINNERING_DAGEN": env_int("PASSEND_OPP_HERINNERING_DAGEN", 42),
    # Zorgplicht: whether the summer holiday suspends the decision term (unconfirmed rule:
    # default no), and which holiday region's dates (noord/midden/zuid) count.
    "ZORGPLICHT_ZOMERVAKANTIE_SCHORT": env_bool("PASSEND_ZORGPLICHT_ZOMERVAKANTIE_SCHORT", False),
    "ZORGPLICHT_ZOMERVAKANTIE_REGIO": env_str("PASSEND_ZORGPLICHT_ZOMERVAKANTIE_REGIO", "midden"),
    # Summer holidays per region (rijksoverheid.nl), first and last day inclusive.
    "ZOMERVAKANTIES": {
        "noord": [
            ("2025-07-12", "2025-08-24"),
            ("2026-07-04", "2026-08-16"),
            ("2027-07-10", "2027-08-22"),
        ],
        "midden": [
            ("2025-07-19", "2025-08-31"),
            ("2026-07-18", "2026-08-30"),
            ("2027-07-24", "2027-09-05"),
        ],
        "zuid": [
            ("2025-07-05", "2025-08-17"),
            ("2026-07-11", "2026-08-23"),
            ("2027-07-17", "2027-08-29"),
        ],
    },
    # Term for parents to object to an arrangement decision (unconfirmed, so a setting).
    "ARRANGEMENT_BEZWAARTERMIJN_WEKEN": env_int("PASSEND_ARRANGEMENT_BEZWAARTERMIJN_WEKEN", 6),
    # TLV defaults; each SWV may set its own values (toelaatbaarheid.Tlvregeling).
    # Professions allowed as the second deskundige (the first is an orthopedagoog or psycholoog).
    "TLV_TWEEDE_DESKUNDIGEN": env_list(
        "PASSEND_TLV_TWEEDE_DESKUNDIGEN",
        [
            "orthopedagoog",
            "psycholoog",
            "kinder- en jeugdpsychiater",
            "jeugdarts",
            "maatschappelijk werker",
        ],
    ),
    # Labels of bekostigingscategorie 1/2/3 for so/vso (unconfirmed: a setting).
    "TLV_CATEGORIE_LABELS": env_list("PASSEND_TLV_CATEGORIE_LABELS", ["laag", "midden", "hoog"]),
    # Shortest duration of a TLV in months (e.g. at least one school year).
    "TLV_MINIMALE_DUUR_MAANDEN": env_int("PASSEND_TLV_MINIMALE_DUUR_MAANDEN", 12),
    # TLVs ending within this many months are listed for verlenging.
    "TLV_EINDE_SIGNAAL_MAANDEN": env_int("PASSEND_TLV_EINDE_SIGNAAL_MAANDEN", 6),
    # Public guide (aanbod): the default and the largest search radius in km, how many
    # schools a result page lists, and how many schools a parent may compare.
    "AANBOD_ZOEKSTRAAL_KM": env_int("PASSEND_AANBOD_ZOEKSTRAAL_KM", 10),
    "AANBOD_MAXIMALE_STRAAL_KM": env_int("PASSEND_AANBOD_MAXIMALE_STRAAL_KM", 50),
    "AANBOD_RESULTATEN": env_int("PASSEND_AANBOD_RESULTATEN", 25),
    "AANBOD_VERGELIJKEN_MAXIMAAL": env_int("PASSEND_AANBOD_VERGELIJKEN_MAXIMAAL", 4),
    # The national onderwijsconsulenten (independent help for parents), shown in the guide.
    "ONDERWIJSCONSULENTEN_WEBSITE": env_str(
        "PASSEND_ONDERWIJSCONSULENTEN_WEBSITE", "https://www.onderwijsconsulenten.nl"
    ),
    # Doorbraakaanpak (measure 9; the legal form is open, so these are settings): when a
    # verzuim case has no offer this many weeks after the absence began, Passend asks for a
    # doorbraak plan, due this many weeks later, by the person with doorzettingsmacht.
    "VERZUIM_DOORBRAAK_NA_WEKEN": env_int("PASSEND_VERZUIM_DOORBRAAK_NA_WEKEN", 12),
    "VERZUIM_DOORBRAAK_TERMIJN_WEKEN": env_int("PASSEND_VERZUIM_DOORBRAAK_TERMIJN_WEKEN", 4),
    "VERZUIM_DOORZETTINGSMACHT": env_str(
        "PASSEND_VERZUIM_DOORZETTINGSMACHT",
        "de directeur-bestuurder van het samenwerkingsverband",
    ),
    # Regional monitor: the national participation rates (percent of all pupils of the
    # sector) that an SWV's rates are compared with, per school year. Indicative figures
    # after DUO's published counts; set the year's figures when DUO publishes them. A year
    # without figures uses the latest year before it.
    "MONITOR_LANDELIJKE_DEELNAME": {
        "2021-2022": {"sbo": 2.5, "so": 1.7, "vso": 3.6},
        "2022-2023": {"sbo": 2.5, "so": 1.7, "vso": 3.7},
        "2023-2024": {"sbo": 2.5, "so": 1.8, "vso": 3.8},
        "2024-2025": {"sbo": 2.6, "so": 1.8, "vso": 3.9},
    },
    # Dekkend netwerk analysis (ADR 0010): the longest acceptable home–school distance in
    # km per sector and kind of place, the penalty (in km) for a place in special education
    # ("zo regulier mogelijk"), and the places for extra support at a regular location that
    # offers an area without stating its capacity (percent of its pupils).
    "DEKKEND_NETWERK_MAX_AFSTAND_KM": {
        "po": {
            "extra": env_int("PASSEND_DEKKEND_NETWERK_PO_EXTRA_KM", 5),
            "sbo": env_int("PASSEND_DEKKEND_NETWERK_PO_SBO_KM", 15),
            "so": env_int("PASSEND_DEKKEND_NETWERK_PO_SO_KM", 30),
        },
        "vo": {
            "extra": env_int("PASSEND_DEKKEND_NETWERK_VO_EXTRA_KM", 15),
            "pro": env_int("PASSEND_DEKKEND_NETWERK_VO_PRO_KM", 20),
            "vso": env_int("PASSEND_DEKKEND_NETWERK_VO_VSO_KM", 30),
        },
    },
    # Middelen: the normbedragen (euro per pupil) DUO deducts from an SWV's budget for each
    # pupil with a TLV at the teldatum (afdracht), per calendar year: sbo, and so/vso per
    # bekostigingscategorie (1 laag, 2 midden, 3 hoog). Indicative figures; set the year's
    # amounts from the published regeling. A year without figures uses the latest before it.
    "MIDDELEN_NORMBEDRAGEN": {
        "2024": {
            "sbo": 4850.00,
            "so_1": 9950.00,
            "so_2": 14650.00,
            "so_3": 19950.00,
            "vso_1": 8950.00,
            "vso_2": 16600.00,
            "vso_3": 19400.00,
        },
        "2025": {
            "sbo": 5050.00,
            "so_1": 10350.00,
            "so_2": 15250.00,
            "so_3": 20750.00,
            "vso_1": 9300.00,
            "vso_2": 17250.00,
            "vso_3": 20150.00,
        },
        "2026": {
            "sbo": 5200.00,
            "so_1": 10650.00,
            "so_2": 15700.00,
            "so_3": 21350.00,
            "vso_1": 9600.00,
            "vso_2": 17800.00,
            "vso_3": 20750.00,
        },
    },
    "DEKKEND_NETWERK_STRAF_SPECIAAL_KM": env_int("PASSEND_DEKKEND_NETWERK_STRAF_SPECIAAL_KM", 10),
    "DEKKEND_NETWERK_EXTRA_PLAATSEN_PROCENT": env_int(
        "PASSEND_DEKKEND_NETWERK_EXTRA_PLAATSEN_PROCENT", 4
    ),
    # Run analyses in a background thread of the web process (False: at once, in the
    # request; tests and the management command).
    "DEKKEND_NETWERK_ACHTERGROND": env_bool("PASSEND_DEKKEND_NETWERK_ACHTERGROND", True),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Lockout is per account (username), as the product requires: school networks put many
# people behind one IP address, so an IP-wide lockout would lock out a whole school.
# axes.W006 warns about rotating user agents/cookies, which are not lockout parameters here.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
