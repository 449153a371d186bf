"""Demo accounts for `make run`; each app adds its own demo data through `register`."""

from django.contrib.auth import get_user_model
from django.db import transaction

from ..groups import sync_user_groups
from ..models import Clearance, Membership, OrgUnit, Party, Role

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


@transaction.atomic
def load_demo():
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
    for loader in _extra_loaders:
        loader()
    return created


def account_lines():
    lines = []
    for username, first, last, memberships in ACCOUNTS:
        roles = "; ".join(
            f"{Role(role).label} {Party.objects.get(code=code).short_name}" for code, role, *_ in memberships
        )
        lines.append(f"  {username:<18} {last} {first:<10} {roles}")
    return lines
