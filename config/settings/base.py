"""Settings shared by every environment; everything that differs comes from the environment."""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    # Our apps come first: their translations take precedence over django.contrib's
    # (the admin's Vietnamese "History" is not what our pages mean).
    "coordination",
    "regulation",
    "meetings",
    "meetings.evaluation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "guardian",
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's, except that a session is rewritten about once a minute, not on every request.
    "coordination.sessions.SessionMiddleware",
    # Vietnamese unless the person chose English (never the browser's Accept-Language).
    "coordination.language.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view or process_view reads input: control characters out, an unreadable body a 400 page.
    "coordination.input_guard.InputGuardMiddleware",
    # Every view needs a signed-in user unless it is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",  # REST framework's views opt out, answer 401
    "coordination.middleware.MembershipGroupsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that it sees failed logins after authentication ran.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "coordination.context_processors.acting_capacity",
            ],
        },
    }
]


def _sqlite_default():
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "db.sqlite3",
        # WAL lets the web process read while the Celery worker writes; IMMEDIATE takes the
        # write lock at BEGIN so concurrent writers queue instead of failing with "locked".
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": env.db("DATABASE_URL") if env.str("DATABASE_URL", default="") else _sqlite_default()}
# The dashboard's covering indexes (INCLUDE columns) are a PostgreSQL feature; SQLite builds them
# without the extra columns, which is harmless for one machine, so its warning is not shown there.
SILENCED_SYSTEM_CHECKS = ["models.W040"] if "sqlite" in DATABASES["default"]["ENGINE"] else []
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No parallel workers for a page's query (DB_PARALLEL_WORKERS, default 0): a page's counts and lists
    # cover a few thousand rows at most, where starting a worker costs more than it saves (the inbox's
    # count took 10 ms with one, 5 without), and on a small machine every core is already busy serving
    # other pages. Raise it only for a database server with cores to spare.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c max_parallel_workers_per_gather={env.int('DB_PARALLEL_WORKERS', default=0)}")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Content-Security-Policy (django-csp 4): scripts, styles, images and fonts come from this site's
# own static files only; no inline <script>, <style>, style="" or on*= handler anywhere (the
# browser test in tests/e2e fails on any violation); no page can be framed by another site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# One shared cache in production (CACHE_URL=redis://…) so the API's rate limits count across workers; the
# default keeps counts per process.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# The JSON API (/api/v1/, docs/api.md): personal tokens or the session, one error format, bounded pages,
# rate limits per token.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "coordination.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "coordination.api.pagination.Pagination",
    "DEFAULT_THROTTLE_CLASSES": ["coordination.api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": env("API_RATE_PER_TOKEN", default="600/min")},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "coordination.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "coordination.api.errors.exception_handler",
    "DATE_INPUT_FORMATS": ["iso-8601", "%d/%m/%Y"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Quy chế phối hợp công tác giữa Ban cán sự đảng và Đảng ủy VKSND tối cao",
    "DESCRIPTION": (
        "Đọc và tạo hồ sơ phối hợp như trên các trang của ứng dụng, với đúng quyền của người dùng. "
        "Xác thực bằng khóa API cá nhân (Authorization: Bearer qc_…) hoặc phiên đăng nhập. "
        "Lỗi luôn có dạng {\"detail\": …, \"errors\": {trường: […]}}. "
        "Sửa một đối tượng cần gửi lại ETag trong tiêu đề If-Match."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Enums are named after their field ("state", "kind"); where apps share a field name for different choice
    # sets, each set is named here (otherwise the schema check fails on the collision).
    "ENUM_NAME_OVERRIDES": {
        "MeetingKindEnum": "meetings.models.MeetingKind",
        "MeetingStateEnum": "meetings.models.MeetingState",
        "MinutesStateEnum": "meetings.models.MinutesState",
        "NoticeKindEnum": "meetings.models.NoticeKind",
        "NoticeStateEnum": "meetings.models.NoticeState",
        "EvaluationStateEnum": "meetings.evaluation.models.AnnualEvaluation.State",
        "RegulationStatusEnum": "regulation.models.Regulation.Status",
        "AmendmentStatusEnum": "regulation.models.Amendment.Status",
        "ChangeKindEnum": "regulation.models.ChangeKind",
        "DecisionKindEnum": "regulation.models.DecisionKind",
        "RequestActionEnum": "coordination.api.requests.serializers.ACTION_CHOICES",
        "RequestSideEnum": "coordination.api.requests.serializers.SIDE_CHOICES",
        "RequestStateEnum": "coordination.models.requests.RequestState",
        "RequestKindEnum": "coordination.models.requests.RequestKind",
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 30 minutes without a request, and when the browser closes. Each request pushes the
# end back, but the session row is rewritten only when the last push is SESSION_RENEW_AFTER seconds old
# (coordination/sessions.py): an idle session ends 29 to 30 minutes after its last request.
SESSION_ENGINE = "coordination.sessions"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_RENEW_AFTER = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Login throttling (django-axes): five failures lock the username+address pair for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# How many reverse proxies in front of gunicorn append to X-Forwarded-For (docs/deployment.md). 0: the
# client is REMOTE_ADDR and the header is ignored; N: the Nth address from the right. One function
# reads it for the security log, download records and axes.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "coordination.client_address.client_ip"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "/media-not-served/"  # files are served only through permission-checked views

# Uploaded documents: the largest file accepted, in bytes.
DOCUMENT_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Office files are zip archives: judged from what they declare, never inflated (coordination/archives.py).
# Real documents unpack to a few times their size; a "zip bomb" declares gigabytes or shrinks a thousandfold.
UPLOAD_ARCHIVE_MAX_UNPACKED = env.int("UPLOAD_ARCHIVE_MAX_UNPACKED", default=200 * 1024 * 1024)
UPLOAD_ARCHIVE_MAX_RATIO = env.int("UPLOAD_ARCHIVE_MAX_RATIO", default=100)
UPLOAD_ARCHIVE_MAX_MEMBERS = env.int("UPLOAD_ARCHIVE_MAX_MEMBERS", default=5000)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="quyche-phoihop@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address people open the application at: emails carry absolute links built on it (a mail
# client has no page to resolve "/danh-gia/1/" against). Required in production.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Celery. Without CELERY_BROKER_URL the broker is the filesystem under var/ (one machine only).


def filesystem_broker(folder):
    """Transport options and result backend of Celery's filesystem broker in `folder`, created here:
    the transport and the result backend fail unless their folders exist."""
    for sub in ("queue", "staging", "broken", "processed", "control", "results"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    options = {
        "data_folder_in": str(folder / "queue"),
        "data_folder_out": str(folder / "queue"),
        # config/broker.py: messages are written here and renamed into the queue; unreadable ones
        # end in broken/ for an operator to look at.
        "staging_folder": str(folder / "staging"),
        "broken_folder": str(folder / "broken"),
        "processed_folder": str(folder / "processed"),
        "control_folder": str(folder / "control"),
        "store_processed": False,
    }
    return options, f"file://{folder}/results"


CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
BROKER_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=600)  # seconds, Redis only: see below
if CELERY_BROKER_URL.startswith("filesystem"):
    # kombu's filesystem transport with atomic writes and a tolerant reader (config/broker.py).
    CELERY_BROKER_TRANSPORT_OPTIONS, _results = filesystem_broker(
        Path(env("CELERY_BROKER_FOLDER", default=str(VAR_DIR / "celery")))
    )
else:
    # Redis hands a job that was delivered but never acknowledged (its worker was killed) to another
    # worker after the visibility timeout. It must outlast the longest run, or a job still running
    # would be given to a second worker: the time limit below plus the longest retry countdown (64 s)
    # stays under it. docs/operations.md says why each job may run again.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": BROKER_VISIBILITY_TIMEOUT}
    # Redis keeps the results too; another broker (RabbitMQ) sends them back over its own channel.
    _results = CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else "rpc://"
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=_results)
CELERY_TIMEZONE = TIME_ZONE
# Every job is safe to run twice (docs/operations.md, per job), so each is acknowledged only once
# it has finished and given back to the queue when its worker process dies during the run.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# The longest job (the nightly figures, a reminder run mailing every member) takes seconds; a job
# still running after 5 minutes is stuck. Enforced by the prefork pool of production workers.
CELERY_TASK_SOFT_TIME_LIMIT = 270
CELERY_TASK_TIME_LIMIT = 300
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# The one beat schedule (run ONE beat process only: docs/operations.md). Each entry says when it
# runs and why. Times are Asia/Ho_Chi_Minh (CELERY_TIMEZONE). Every job is safe to run twice and
# writes a JobRun row (coordination.jobs.recorded_run) that admins see at /phoi-hop/tac-vu/.
CELERY_BEAT_SCHEDULE = {
    # Every 5 minutes: emails (outbox entries, coordination/outbox.py) that a broker outage or a
    # killed worker left unsent are queued again, so a step taken while Redis was down still mails
    # everyone once Redis is back. Writes a JobRun row only when something was left.
    "requeue-outbox": {
        "task": "coordination.tasks.requeue_outbox",
        "schedule": crontab(minute="*/5"),
    },
    # 02:00 every day: outbox entries done more than 30 days ago are deleted, so the table stays small.
    "purge-outbox": {
        "task": "coordination.tasks.purge_outbox",
        "schedule": crontab(hour=2, minute=0),
    },
    # 00:05 every day: memberships whose end date has passed lose their groups even if the
    # user never signs in again (the request middleware handles users who are signed in).
    "sync-membership-groups": {
        "task": "coordination.tasks.sync_membership_groups",
        "schedule": crontab(hour=0, minute=5),
    },
    # 00:15 every day: amendments approved by both bodies take effect on their effective date.
    "bring-amendments-into-force": {
        "task": "regulation.tasks.bring_amendments_into_force",
        "schedule": crontab(hour=0, minute=15),
    },
    # 00:30 every day: open the year's annual evaluation (Article 9) on its opening day (default
    # 1 December) or on the first run after it, if beat or the worker was down that day.
    "open-annual-evaluations": {
        "task": "meetings.evaluation.tasks.open_annual_evaluations",
        "schedule": crontab(hour=0, minute=30),
    },
    # 01:00 every day: a fresh dated snapshot of the figures of every evaluation not yet closed,
    # so the bodies write their self-assessments beside up-to-date numbers.
    "refresh-evaluation-statistics": {
        "task": "meetings.evaluation.tasks.refresh_evaluation_statistics",
        "schedule": crontab(hour=1, minute=0),
    },
    # 07:00 Monday to Friday: one email per person with their requests due within a few working
    # days and those overdue (at most one per person per day).
    "send-daily-digests": {
        "task": "coordination.tasks.send_daily_digests",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon-fri"),
    },
    # 07:30 Monday to Friday: leaders of a body that has not approved minutes waiting for days.
    "remind-minutes-awaiting-approval": {
        "task": "meetings.tasks.remind_minutes_awaiting_approval",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon-fri"),
    },
    # 07:45 Monday to Friday: a body whose periodic report (information regime) is due within a
    # week or overdue and not yet sent.
    "remind-reports-due": {
        "task": "meetings.tasks.remind_reports_due",
        "schedule": crontab(hour=7, minute=45, day_of_week="mon-fri"),
    },
    # 08:00 every Monday: the bodies that have not sent their self-assessment or approved the
    # evaluation are reminded (weekly: the evaluation runs over weeks, not days).
    "remind-evaluation-parts": {
        "task": "meetings.evaluation.tasks.remind_evaluation_parts",
        "schedule": crontab(hour=8, minute=0, day_of_week="mon"),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}, "axes": {"level": "WARNING"}},
}

# guardian: no anonymous user; every view needs a signed-in user anyway.
ANONYMOUS_USER_NAME = None

APP_NAME = _("Coordination regulation of the Party Committee Board and the Party Executive Committee")
