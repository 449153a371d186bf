"""Ships the two bodies of the regulation, their (party, role) groups and the main units."""

from django.db import migrations

PARTIES = [
    dict(code="BCSD", abbreviation="BCSĐ", order=1,
         name_vi="Ban cán sự đảng Viện kiểm sát nhân dân tối cao",
         name_en="Party Committee Board of the Supreme People's Procuracy",
         short_name_vi="Ban cán sự đảng", short_name_en="Party Committee Board"),
    dict(code="DU", abbreviation="ĐU", order=2,
         name_vi="Đảng ủy Viện kiểm sát nhân dân tối cao",
         name_en="Party Executive Committee of the Supreme People's Procuracy",
         short_name_vi="Đảng ủy", short_name_en="Party Executive Committee"),
]
ROLES = ["staff", "leader", "admin"]
UNITS = [
    ("Văn phòng VKSND tối cao", "Office of the SPP"),
    ("Văn phòng Đảng ủy", "Office of the Party Executive Committee"),
    ("Vụ Tổ chức cán bộ", "Department of Organisation and Personnel"),
    ("Thanh tra VKSND tối cao", "Inspectorate of the SPP"),
    ("Ủy ban Kiểm tra Đảng ủy", "Inspection Committee of the Party Executive Committee"),
    ("Công đoàn VKSND tối cao", "Trade Union of the SPP"),
    ("Đoàn Thanh niên VKSND tối cao", "Youth Union of the SPP"),
    ("VKSND cấp cao tại Hà Nội", "High People's Procuracy in Hanoi"),
    ("VKSND cấp cao tại Đà Nẵng", "High People's Procuracy in Da Nang"),
    ("VKSND cấp cao tại Thành phố Hồ Chí Minh", "High People's Procuracy in Ho Chi Minh City"),
]


def forwards(apps, schema_editor):
    Party = apps.get_model("coordination", "Party")
    OrgUnit = apps.get_model("coordination", "OrgUnit")
    Group = apps.get_model("auth", "Group")
    for data in PARTIES:
        party, _ = Party.objects.update_or_create(code=data["code"], defaults=data)
        for role in ROLES:
            Group.objects.get_or_create(name=f"party:{party.code}:{role}")
    for name_vi, name_en in UNITS:
        OrgUnit.objects.get_or_create(name_vi=name_vi, defaults={"name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("coordination", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
