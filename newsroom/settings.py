"""Newsroom settings: one module, every knob an environment variable.

The defaults run on a laptop with no services (SQLite and a local-memory cache
under var/); production differs only by its environment.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


def env_list(name: str, default: str) -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def development_secret_key() -> str:
    """A key generated once into var/, so no secret is ever written in the code."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


# Core
DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or development_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Apps
INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The admin's rich-text editor, and article history with version compare.
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    "articles",
    "comments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'newsroom.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# Cache
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Internationalisation
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar", "en")
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's stock Arabic formats swap the separators; ours keep Western digits
# and separators with Arabic month names.
FORMAT_MODULE_PATH = ["newsroom.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Static files and media
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded media is served by Django itself unless a web server or object
# storage does it (production sets SERVE_MEDIA=false).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Image uploads (articles.images). Django limits neither bytes nor pixels, and
# Pillow only warns below twice its own pixel limit, so these limits are ours.
# Keep IMAGE_MAX_PIXELS under Pillow's (89.5 megapixels): above it Pillow's
# warning, which we treat as an error, would refuse first.
IMAGE_MAX_UPLOAD_BYTES = int(os.environ.get("IMAGE_MAX_UPLOAD_BYTES", 15 * 2**20))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 40_000_000))
# All frames of an animation together: re-encoding 100 frames of 1000×1000
# (100 megapixels) took 16 s and 160 MB here.
IMAGE_MAX_ANIMATION_PIXELS = int(
    os.environ.get("IMAGE_MAX_ANIMATION_PIXELS", 100_000_000)
)
# Widths of the renditions served to readers (never wider than the original).
IMAGE_RENDITION_WIDTHS = [
    int(width) for width in env_list("IMAGE_RENDITION_WIDTHS", "320,480,800,1200,1600")
]
# The tabbed translation admin would load jQuery UI from a CDN otherwise.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"  # resolved by {% static %}
MODELTRANSLATION_CUSTOM_FIELDS = ()
# Article history compares related rows (topic, image) by id: they are not
# versioned, and comparing them otherwise reports every one as changed.
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True

# Security
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and env_bool("HTTPS"))
SESSION_COOKIE_SECURE = env_bool("HTTPS")
CSRF_COOKIE_SECURE = env_bool("HTTPS")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Forms: a URL typed without a scheme means https (Django 6's default).
FORMS_URLFIELD_ASSUME_HTTPS = True

# E-mail: printed to the console unless a mail server is configured.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

# Comments (issue 5). Word lists are comma-separated; each entry may be a
# phrase, matched as whole words after Arabic normalisation.
COMMENTS_CLOSE_AFTER_DAYS = int(os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "30"))
COMMENTS_MAX_LINKS = int(os.environ.get("COMMENTS_MAX_LINKS", "2"))
COMMENTS_MODERATION_WORDS = env_list("COMMENTS_MODERATION_WORDS", "")
COMMENTS_BLOCK_WORDS = env_list("COMMENTS_BLOCK_WORDS", "")
COMMENTS_AUTO_APPROVE_KNOWN = env_bool("COMMENTS_AUTO_APPROVE_KNOWN")
COMMENTS_MIN_SECONDS = int(os.environ.get("COMMENTS_MIN_SECONDS", "3"))
COMMENTS_FORM_MAX_AGE = int(os.environ.get("COMMENTS_FORM_MAX_AGE", str(2 * 86400)))
COMMENTS_RATE_LIMIT_IP = int(os.environ.get("COMMENTS_RATE_LIMIT_IP", "10"))
COMMENTS_RATE_LIMIT_EMAIL = int(os.environ.get("COMMENTS_RATE_LIMIT_EMAIL", "5"))
COMMENTS_RATE_LIMIT_WINDOW = int(os.environ.get("COMMENTS_RATE_LIMIT_WINDOW", "600"))
COMMENTS_NOTIFY_INTERVAL = int(os.environ.get("COMMENTS_NOTIFY_INTERVAL", "900"))
COMMENTS_IP_RETENTION_DAYS = int(os.environ.get("COMMENTS_IP_RETENTION_DAYS", "30"))
# Behind a reverse proxy: HTTP_X_FORWARDED_FOR (its last entry is used).
COMMENTS_CLIENT_IP_HEADER = os.environ.get("COMMENTS_CLIENT_IP_HEADER", "REMOTE_ADDR")
