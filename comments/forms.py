import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from comments.models import (
    BODY_MAX_LENGTH,
    NAME_MAX_LENGTH,
    Comment,
    is_open_for_comments,
)
from comments.text import clean_plain_text

_TOKEN_SALT = "comments.form"


def issue_token(article: Article) -> str:
    """A signed note of when the form was shown, and for which article."""
    return signing.dumps({"article": article.pk, "at": time.time()}, salt=_TOKEN_SALT)


class CommentForm(forms.Form):
    # Bounded so a forged number cannot overflow the database's integer.
    parent = forms.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Shown with your comment."),
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Never shown; only our moderators see it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    body = forms.CharField(
        label=_("Comment"),
        help_text=_("Plain text; links are allowed."),
        widget=forms.Textarea(
            attrs={"rows": 6, "dir": "auto", "maxlength": BODY_MAX_LENGTH}
        ),
    )
    # The honeypot: hidden from people by CSS, filled in by naive robots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # Checked in clean(), so a missing or forged one reads like an expired one.
    issued = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, article: Article, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.article = article
        self.fields["issued"].initial = issue_token(article)

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_name(self) -> str:
        name = " ".join(clean_plain_text(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(self.fields["name"].error_messages["required"])
        return name

    def clean_body(self) -> str:
        # Measured after line ends are folded: a browser sends each line break
        # as two characters, which must not count twice against the limit.
        body = clean_plain_text(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError(self.fields["body"].error_messages["required"])
        MaxLengthValidator(BODY_MAX_LENGTH)(body)
        return body

    def clean_parent(self) -> Comment | None:
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        # One level of replies, to a comment readers can see on this article.
        parent = (
            Comment.objects.approved()
            .filter(article=self.article, parent=None, pk=parent_id)
            .first()
        )
        if parent is None:
            self._replace_data("parent", "")
            raise forms.ValidationError(
                _(
                    "That comment cannot be answered. Your text is kept: send it "
                    "as a new comment."
                )
            )
        return parent

    def clean(self) -> dict:
        cleaned = super().clean()
        if not is_open_for_comments(self.article):
            raise forms.ValidationError(_("Comments on this article are closed."))
        self._check_token(cleaned.get("issued", ""))
        return cleaned

    def _check_token(self, token: str) -> None:
        try:
            shown = signing.loads(
                token, salt=_TOKEN_SALT, max_age=settings.COMMENTS_FORM_MAX_AGE
            )
        except signing.BadSignature:  # tampered with, or too old
            shown = None
        if not shown or shown.get("article") != self.article.pk:
            self._replace_data("issued", issue_token(self.article))
            self.add_error(
                None,
                _("This form has expired. Your text is kept: please send it again."),
            )
        elif time.time() - shown["at"] < settings.COMMENTS_MIN_SECONDS:
            # The token stays: a person only has to press the button again.
            self.add_error(
                None,
                _("That was quick! Please check your comment, then send it again."),
            )

    def _replace_data(self, field: str, value: str) -> None:
        """Change what the re-shown form carries, keeping everything typed."""
        self.data = self.data.copy()
        self.data[field] = value
