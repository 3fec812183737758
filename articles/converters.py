"""URL converters for reader pages."""


class UnicodeSlugConverter:
    """A slug in any script (Arabic slugs are words too), nothing else.

    Stricter than <str:…>: control characters such as NUL never reach the
    database, which would reject them with an error instead of a 404.
    """

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
