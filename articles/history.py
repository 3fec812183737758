"""What one revision of an article holds (django-reversion).

An article is saved with its byline, sections and quotes, so restoring a
revision brings them all back, in every language. Corrections stay out on
purpose: they are a public record that a restore must never erase. Saves
outside a revision block (importer, demo, shell) simply make no revision.
"""

import reversion

from articles.models import Article, ArticleAuthor, Quote, Section

ARTICLE_FOLLOWS = ("articleauthor_set", "sections", "quotes")


def register_models() -> None:
    """Register with reversion; run from AppConfig.ready().

    Not at import time of models.py: reversion lists a model's fields when it
    is registered, and modeltranslation adds headline_ar, headline_en… only
    in its own ready(). Registered earlier, revisions would lose them.
    """
    for model in (Section, Quote, ArticleAuthor):
        if not reversion.is_registered(model):
            reversion.register(model)
    if not reversion.is_registered(Article):
        reversion.register(Article, follow=ARTICLE_FOLLOWS)
