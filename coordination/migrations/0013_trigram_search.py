from django.db import migrations

from coordination.trigram import trigram_index


class Migration(migrations.Migration):
    dependencies = [("coordination", "0012_grant_indexes_and_document_order")]

    operations = [
        trigram_index("coordination_coordinationrequest", "request_search_trgm"),
        trigram_index("coordination_coordinationrequest", "request_response_search_trgm", "response_search_text"),
        trigram_index("coordination_document", "document_search_trgm"),
    ]
