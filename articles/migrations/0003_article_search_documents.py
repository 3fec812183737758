from django.db import migrations, models

# GIN indexes over the exact expression articles.search.search_vector() builds,
# so the planner can use them. Only PostgreSQL has them; elsewhere search falls
# back to substring matching and this step does nothing.
SEARCH_INDEXES = {
    "ar": "arabic",
    "en": "english",
}
CREATE_INDEX = """
CREATE INDEX IF NOT EXISTS article_search_{language}_idx ON articles_article USING gin ((
    setweight(to_tsvector('{config}'::regconfig,
        COALESCE(search_headline_{language}, '')), 'A')
    || setweight(to_tsvector('{config}'::regconfig,
        COALESCE(search_text_{language}, '')), 'B')
))
"""
DROP_INDEX = "DROP INDEX IF EXISTS article_search_{language}_idx"


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language, config in SEARCH_INDEXES.items():
        schema_editor.execute(CREATE_INDEX.format(language=language, config=config))


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in SEARCH_INDEXES:
        schema_editor.execute(DROP_INDEX.format(language=language))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_translation_tracking"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_headline_ar",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="search_headline_en",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="search_text_ar",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="search_text_en",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(create_search_indexes, drop_search_indexes),
    ]
