import pytest

from articles.text import normalize_arabic


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("مُكْتَبَة", "مكتبه"),  # tashkeel removed, taa marbuta folded
        ("الذكـــاء", "الذكاء"),  # tatweel removed
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آخر", "اخر"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("ذكيّة", "ذكيه"),  # shadda
        ("الرحمٰن", "الرحمن"),  # superscript alef
        ("٢٠٢٣", "2023"),  # Arabic-Indic digits
        ("۲۰۲۳", "2023"),  # Persian digits
        ("Microsoft", "microsoft"),
        ("OpenAI و Microsoft", "openai و microsoft"),
    ],
)
def test_each_form_folds_to_one_spelling(written, normalised):
    assert normalize_arabic(written) == normalised


def test_normalisation_is_idempotent():
    once = normalize_arabic("إِنَّ الذَّكَـاءَ الاصْطِنَاعِيَّ")
    assert normalize_arabic(once) == once


def test_empty_text_stays_empty():
    assert normalize_arabic("") == ""
    assert normalize_arabic(None) == ""
