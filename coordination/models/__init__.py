"""Models of the coordination app, one module per subject; every model is importable from here."""

from .core import (  # noqa: F401
    MEETINGS_AND_INFORMATION_ARTICLE,
    Clearance,
    Confidentiality,
    CoordinationArea,
    Membership,
    MembershipQuerySet,
    OrgUnit,
    Party,
    Role,
    SecurityEvent,
    Urgency,
)
from .documents import (  # noqa: F401
    Document,
    DocumentCounter,
    DocumentDownload,
    DocumentGroupObjectPermission,
    DocumentType,
    DocumentUserObjectPermission,
    DocumentVersion,
)
from .jobs import SYSTEM_USERNAME, JobRun, ReminderSent  # noqa: F401
from .notifications import Notification  # noqa: F401
from .outbox import OutboxEntry  # noqa: F401
from .preferences import UserPreference  # noqa: F401
from .requests import (  # noqa: F401
    TRANSITIONS,
    Comment,
    CoordinationRequest,
    ExchangeForm,
    InvalidTransition,
    Opinion,
    RequestDocument,
    RequestEvent,
    RequestGroupObjectPermission,
    RequestKind,
    RequestState,
    RequestUserObjectPermission,
    Transition,
)
from .tokens import ApiToken  # noqa: F401
