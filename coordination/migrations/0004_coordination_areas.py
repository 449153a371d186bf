"""Ships the six coordination areas of chapter II, one per article 3–8."""

from django.db import migrations

AREAS = [
    ("political-tasks", 3, "Lãnh đạo thực hiện nhiệm vụ chính trị", "Leading the political tasks"),
    ("political-ideological", 4, "Lãnh đạo công tác chính trị, tư tưởng", "Leading political and ideological work"),
    ("organisation-personnel", 5, "Lãnh đạo công tác tổ chức, cán bộ", "Leading organisation and personnel work"),
    ("inspection-complaints", 6,
     "Lãnh đạo công tác thanh tra, kiểm tra, giám sát và giải quyết khiếu nại, tố cáo",
     "Leading inspection, supervision and the handling of complaints and denunciations"),
    ("mass-organisations", 7, "Lãnh đạo các đoàn thể quần chúng", "Leading the mass organisations"),
    ("meetings-information", 8, "Chế độ tổ chức các cuộc họp và thông tin", "Meetings and the information regime"),
]


def forwards(apps, schema_editor):
    Area = apps.get_model("coordination", "CoordinationArea")
    for code, number, name_vi, name_en in AREAS:
        Area.objects.update_or_create(code=code, defaults={"article_number": number, "name_vi": name_vi,
                                                           "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("coordination", "0003_coordination_area")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
