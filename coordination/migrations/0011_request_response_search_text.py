"""Split the request's search text: the response is matched only where the page shows it (issue 12)."""

from django.db import migrations, models


def split(apps, schema_editor):
    from coordination.text_search import normalize

    CoordinationRequest = apps.get_model("coordination", "CoordinationRequest")
    for request in CoordinationRequest.objects.only("pk", "title", "content", "origin", "response_content"):
        # Not an audited change (the search columns are excluded from history): a plain update is right here.
        CoordinationRequest.objects.filter(pk=request.pk).update(
            search_text=normalize(request.title, request.content, request.origin),
            response_search_text=normalize(request.response_content),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0010_outbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="coordinationrequest",
            name="response_search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(split, migrations.RunPython.noop),
    ]
