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
from .notifications import Notification  # noqa: F401
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
