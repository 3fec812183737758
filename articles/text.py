"""Arabic text normalisation: one function for documents, queries and word lists."""

import re
import unicodedata

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_LETTER_FORMS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        # Persian and Arabic-Indic digits read as Western digits.
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)


def normalize_arabic(text: str) -> str:
    """Fold what an Arabic reader treats as the same word onto one spelling.

    Removes diacritics (tashkeel) and tatweel; أ إ آ ٱ → ا; ى → ي; ة → ه;
    Eastern digits → Western; Latin letters are case-folded. Applied to both
    documents and queries, so either side may carry any of the forms.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_LETTER_FORMS).casefold()


def isolate(text: str) -> str:
    """Text wrapped in first-strong isolates (U+2068…U+2069) for plain-text places.

    Keeps a piece whose direction may differ from its surroundings (an Arabic
    headline in an English <title> or feed) from reordering them; never the old
    embedding or override controls.
    """
    return f"\u2068{text}\u2069" if text else ""
