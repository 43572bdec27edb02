"""Settings shared by every environment; values that differ per deployment come from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "accounts",
    "notifications",
    "payments",
    "analytics",
    "authoring",
    "courses",
    "access",
    "quizzes",
    "benchmark",  # only the make_bench_data command; its baseline view is wired in by the bench settings
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",  # home.SchoolSettings; read through home.school, not its context processor
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "learning_site.request_guards.RejectNulCharactersMiddleware",
    # One read of the content generation per request, for every cached page entry it uses.
    "courses.page_cache.ContentGenerationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, which has checked the host against ALLOWED_HOSTS.
    "learning_site.page_routing.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "learning_site.security.SiteCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "learning_site.urls"
# The learner API answers a failed CSRF check in JSON like every other API error.
CSRF_FAILURE_VIEW = "courses.api.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "learning_site.wsgi.application"

# SQLite in the project folder unless DATABASE_URL says otherwise (PostgreSQL in CI and production).
# DATABASE_CONN_MAX_AGE keeps connections open between requests (production defaults it to 60 s);
# a connection that died meanwhile is noticed before the request uses it.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "learning_site.postgresql"  # Django's, reading timestamps faster
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before a password is ever checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Learning Site <no-reply@localhost>")
# Email goes out by SMTP when EMAIL_HOST is set (EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
# EMAIL_USE_TLS or EMAIL_USE_SSL with it); without it, emails are printed to the console. Either way
# they are sent by the task queue from the outbox (notifications/), never inside a request.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1" if EMAIL_PORT == 587 else "0") == "1"
    EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "1" if EMAIL_PORT == 465 else "0") == "1"
    EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/login/"
# One password reset for everybody, staff included: /password-reset/, with its rate limits.
WAGTAIL_PASSWORD_RESET_ENABLED = False

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"


def media_storage_setting():
    """Uploaded media on Cloudinary when CLOUDINARY_URL is set (the SDK reads it itself), else files
    under MEDIA_ROOT. Cloudinary: learning_site/cloudinary_storage.py."""
    cloudinary_url = os.environ.get("CLOUDINARY_URL", "")
    if not cloudinary_url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(cloudinary_url)
    if parts.scheme != "cloudinary" or not (parts.hostname and parts.username and parts.password):
        raise ImproperlyConfigured("CLOUDINARY_URL must look like cloudinary://<api_key>:<api_secret>@<cloud_name>.")
    return {"BACKEND": "learning_site.cloudinary_storage.CloudinaryStorage"}


STORAGES = {
    "default": media_storage_setting(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex lesson bodies exceed Django's default of 1000 form fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Learning Site"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents: files for students, and lesson recordings (audio and video) for transcription.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "md", "odt", "pdf", "pptx", "txt", "xlsx", "zip"] + [
    "mp3", "m4a", "wav", "ogg", "flac", "webm", "mp4", "m4v", "mov", "mkv",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "500")) * 1024 * 1024
# Documents are served by Django so the before_serve_document hook can refuse gated files.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The read-only pages API never searches: search must go through the tier-aware /search/.
WAGTAILAPI_SEARCH_ENABLED = False
WAGTAILAPI_LIMIT_MAX = 50

# Quizzes and certificates
QUIZ_LATE_GRACE_SECONDS = int(os.environ.get("QUIZ_LATE_GRACE_SECONDS", "30"))
ACCREDIBLE_API_KEY = os.environ.get("ACCREDIBLE_API_KEY", "")
ACCREDIBLE_API_URL = os.environ.get("ACCREDIBLE_API_URL", "https://api.accredible.com/v1")
ACCREDIBLE_GROUP_ID = os.environ.get("ACCREDIBLE_GROUP_ID", "")

# AI (OpenAI): optional; the site runs without it. OPENAI_BASE_URL points at any compatible server.
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "")
OPENAI_MODEL = os.environ.get("OPENAI_MODEL", "gpt-4o-mini")
OPENAI_BASE_URL = os.environ.get("OPENAI_BASE_URL", "")
OPENAI_TIMEOUT_SECONDS = float(os.environ.get("OPENAI_TIMEOUT_SECONDS", "60"))
OPENAI_TRANSCRIPTION_MODEL = os.environ.get("OPENAI_TRANSCRIPTION_MODEL", "whisper-1")
# OpenAI's transcription endpoint takes files up to 25 MB; longer recordings are sent in parts below this.
TRANSCRIPTION_MAX_PART_BYTES = int(os.environ.get("TRANSCRIPTION_MAX_PART_BYTES", str(24 * 1024 * 1024)))

# Checkout (Stripe): optional; without a secret key paid items show the school's contact line.
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")  # a fake Stripe server, in tests and the demo
STRIPE_MEMBERSHIP_PRICE_ID = os.environ.get("STRIPE_MEMBERSHIP_PRICE_ID", "")
STRIPE_CURRENCY = os.environ.get("STRIPE_CURRENCY", "usd")

# The shared cache: Redis when REDIS_URL is set (every app process then counts rate limits together),
# else memory local to each process (fine for one development server).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "learning_site.cache.RedisCache",  # Django's, sharing its Redis client
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),  # sites sharing one Redis keep apart
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions live in the database, the one store every app server shares and that survives a cache
# flush. With Redis as the shared cache, reads come from it first ("cached_db"); a cache local to
# each process must not hold sessions, or two processes would each keep their own stale copy.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"

# Background work (Accredible, AI drafting) goes through django-tasks. TASK_BACKEND=database queues it
# in PostgreSQL for `manage.py db_worker` to run (production's default); "immediate" runs it at once,
# inside the request that asked (development's and the tests' default: no worker to start).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(default_backend):
    name = os.environ.get("TASK_BACKEND") or default_backend
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {name!r}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = tasks_setting("immediate")

# The client's address: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT reverse proxies in front, the address
# the outermost of them saw (X-Forwarded-For entries a client adds itself are never believed).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Brute-force protection of every login form (/login/, /admin/login/): django-axes locks an account
# and, separately, a client address after AXES_FAILURE_LIMIT failures, for LOGIN_COOL_OFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOL_OFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "learning_site.rate_limits.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.views.login_locked_out"
AXES_VERBOSE = False

# Rate limits per client address (and per user where it says so), counted in the shared cache:
# {name: (requests, seconds)}. Override one with RATE_LIMIT_<NAME>="requests/seconds".
RATE_LIMITS = {
    "register": (5, 3600),
    "certificate_verify": (30, 60),
    "quiz_post": (30, 60),
    "password_reset": (5, 3600),
    "password_reset_address": (3, 3600),
    "assistant_client": (60, 600),
    # The lesson assistant per student (each question costs an OpenAI call).
    "assistant_user": (
        int(os.environ.get("ASSISTANT_RATE_LIMIT_REQUESTS", "20")),
        int(os.environ.get("ASSISTANT_RATE_LIMIT_SECONDS", "600")),
    ),
}
for _name in RATE_LIMITS:
    if os.environ.get(f"RATE_LIMIT_{_name.upper()}"):
        _requests, _seconds = os.environ[f"RATE_LIMIT_{_name.upper()}"].split("/")
        RATE_LIMITS[_name] = (int(_requests), int(_seconds))

# Cross-origin requests carry the origin only: Vimeo's domain-restricted embeds need it; paths stay private.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# The pages API answers with the session's user only: no HTTP Basic logins that would bypass the
# login form's brute-force limits.
REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"]}

# Wagtail asks releases.wagtail.org for new versions from the admin; the CSP and closed networks refuse.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from the site itself: no Gravatar requests (privacy, the admin CSP, closed networks).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy (django-csp). Public pages: no inline script or style except by nonce;
# video players from their own origins. The Wagtail admin gets ADMIN_CONTENT_SECURITY_POLICY
# (learning_site/security.py), because Wagtail itself still writes inline scripts and styles there.
# Cloudinary video files play in a <video> element with Cloudinary's poster image; player links in
# Cloudinary's own player.
CLOUDINARY_DELIVERY_ORIGIN = "https://res.cloudinary.com"
VIDEO_FRAME_ORIGINS = [
    "https://player.vimeo.com",
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://drive.google.com",
    "https://player.cloudinary.com",
]
CHECKOUT_ORIGINS = ["https://checkout.stripe.com"] + (
    [urlsplit(STRIPE_API_BASE)._replace(path="", query="", fragment="").geturl()] if STRIPE_API_BASE else []
)
VIDEO_SCRIPT_ORIGINS = ["https://player.vimeo.com", "https://www.youtube.com", "https://s.ytimg.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, *VIDEO_SCRIPT_ORIGINS],
        "style-src": [SELF, NONCE],
        # With media on Cloudinary, images and their renditions come from its delivery host.
        "img-src": [SELF, "data:", CLOUDINARY_DELIVERY_ORIGIN],  # Cloudinary posters, and media stored there
        "media-src": [SELF, "https:"],  # lesson videos as .mp4 files from any https host (CDNs)
        "frame-src": [SELF, *VIDEO_FRAME_ORIGINS],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF, *CHECKOUT_ORIGINS],  # the Buy buttons' redirect to Stripe's payment page
        "frame-ancestors": [SELF],  # Wagtail's preview panel frames the site's own pages
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE, *VIDEO_SCRIPT_ORIGINS],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],  # avatars (Gravatar) and image previews
    "font-src": [SELF, "data:"],
}

# Every error with its traceback and the request path goes to the console, and so to the process
# manager's log (Django alone only prints them with DEBUG on).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "axes": {"level": "WARNING"},  # one INFO line per login attempt otherwise
    },
}
