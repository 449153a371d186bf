"""Demo accounts for `make run`; each app adds its own demo data through `register`."""

from django.contrib.auth import get_user_model
from django.db import transaction

from ..groups import sync_user_groups
from ..models import Clearance, Membership, OrgUnit, Party, Role
from . import clock as demo_clock

DEMO_PASSWORD = "demo-phoihop-2026"

# username, first name, last name, [(party code, role, position, clearance, unit)]
ACCOUNTS = [
    (
        "bcsd.chuyenvien",
        "Lan",
        "Nguyễn Thị",
        [("BCSD", Role.STAFF, "Chuyên viên Văn phòng", Clearance.MAT, "Văn phòng VKSND tối cao")],
    ),
    (
        "bcsd.lanhdao",
        "Minh",
        "Trần Văn",
        [("BCSD", Role.LEADER, "Ủy viên Ban cán sự đảng", Clearance.TOI_MAT, "Văn phòng VKSND tối cao")],
    ),
    (
        "du.chuyenvien",
        "Hà",
        "Lê Thu",
        [("DU", Role.STAFF, "Chuyên viên Văn phòng Đảng ủy", Clearance.NONE, "Văn phòng Đảng ủy")],
    ),
    (
        "du.lanhdao",
        "Hùng",
        "Phạm Quốc",
        [("DU", Role.LEADER, "Phó Bí thư Đảng ủy", Clearance.TOI_MAT, "Văn phòng Đảng ủy")],
    ),
    (
        "quantri",
        "Dũng",
        "Hoàng Anh",
        [
            ("BCSD", Role.ADMIN, "Quản trị Quy chế", Clearance.MAT, "Văn phòng VKSND tối cao"),
            ("DU", Role.ADMIN, "Quản trị Quy chế", Clearance.MAT, "Văn phòng Đảng ủy"),
        ],
    ),
    (
        "haiben",
        "Thảo",
        "Đỗ Phương",
        [
            ("BCSD", Role.STAFF, "Chuyên viên Vụ Tổ chức cán bộ", Clearance.MAT, "Vụ Tổ chức cán bộ"),
            ("DU", Role.LEADER, "Ủy viên Ban Chấp hành Đảng ủy", Clearance.MAT, "Vụ Tổ chức cán bộ"),
        ],
    ),
]

_extra_loaders = []


def register(loader):
    """Apps register `loader()` functions that create their demo data idempotently."""
    _extra_loaders.append(loader)
    return loader


def term_start():
    """The day the regulation in force took effect: the demo members have held their posts since then."""
    from regulation.models import Regulation

    regulation = Regulation.objects.filter(status=Regulation.Status.IN_FORCE).first()
    return (regulation and (regulation.effective_on or regulation.signed_on)) or demo_clock.day(-540)


@transaction.atomic
def load_demo():
    """Load the accounts, then each app's data, as steps taken over the last year and a half.

    No email leaves and no task is queued: the steps "happened" long ago (see demo_clock).
    """
    with demo_clock.without_after_commit_work():
        with demo_clock.at(demo_clock.workday(term_start()), 8):
            created = _accounts()
        for loader in _extra_loaders:
            loader()
    return created


def _accounts():
    User = get_user_model()
    created = []
    for username, first, last, memberships in ACCOUNTS:
        user, made = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@vksndtc.local"}
        )
        if made:
            user.set_password(DEMO_PASSWORD)
            user.save()
            created.append(username)
        for code, role, title, clearance, unit in memberships:
            Membership.objects.get_or_create(
                user=user,
                party=Party.objects.get(code=code),
                role=role,
                defaults={
                    "position_title": title,
                    "clearance": clearance,
                    "unit": OrgUnit.objects.filter(name_vi=unit).first(),
                },
            )
        sync_user_groups(user)
    return created


def account_lines():
    lines = []
    for username, first, last, memberships in ACCOUNTS:
        roles = "; ".join(
            f"{Role(role).label} {Party.objects.get(code=code).short_name}" for code, role, *_ in memberships
        )
        lines.append(f"  {username:<18} {last + ' ' + first:<18} {roles}")
    return lines
