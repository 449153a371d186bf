from django.db import migrations

from coordination.trigram import trigram_index


class Migration(migrations.Migration):
    dependencies = [("regulation", "0006_regulation_frame")]

    operations = [trigram_index("regulation_article", "article_search_trgm")]
