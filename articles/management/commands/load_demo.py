from django.core.management.base import BaseCommand

from articles.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo topics, people, articles and illustrations, or refresh "
        "them in place. Safe to run again."
    )

    def handle(self, *args, **options) -> None:
        s = load_demo()
        self.stdout.write(
            "\n".join(
                [
                    f"topics: {s.topics}, tags: {s.tags}, authors: {s.authors}, "
                    f"people: {s.people}",
                    f"images: {s.images} (drawn now: {s.images_drawn})",
                    f"articles: {s.articles} (published {s.published}, "
                    f"scheduled {s.scheduled}, in review {s.in_review}, "
                    f"draft {s.drafts}; in English {s.translated})",
                    f"sections: {s.sections}, quotes: {s.quotes}, "
                    f"corrections: {s.corrections}, bylines: {s.bylines}",
                ]
            )
        )
