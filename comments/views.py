from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import Article
from articles.views import ArticleDetailView, get_by_slug
from comments.forms import CommentForm
from comments.models import CommentStatus, hash_ip
from comments.ratelimit import client_ip, within_limits
from comments.services import submit_comment


class CommentCreateView(ArticleDetailView):
    """Takes a comment posted under an article, then goes back to the article.

    Built on the article page's view so a refused form is shown again on the
    article itself, with the reader's text and an error beside each field.
    """

    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        # Nothing to show here; a reload or a typed URL lands on the article.
        article = get_by_slug(Article.objects.published(), kwargs["slug"])
        return redirect(f"{article.get_absolute_url()}#comments")

    def post(self, request, *args, **kwargs):
        # Only what readers can see takes comments: anything else is a 404.
        self.object = article = get_by_slug(self.get_queryset(), kwargs["slug"])
        form = CommentForm(request.POST, article=article)
        if not form.is_valid():
            return self.show_again(form, status=400)
        ip = client_ip(request)
        if not within_limits(ip_hash=hash_ip(ip), email=form.cleaned_data["email"]):
            form.add_error(
                None,
                _(
                    "You have sent many comments in a short time. Your text is "
                    "kept: please wait a few minutes, then send it again."
                ),
            )
            return self.show_again(form, status=429)
        comment = submit_comment(
            article=article,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            body=form.cleaned_data["body"],
            parent=form.cleaned_data["parent"],
            user=request.user,
            ip=ip,
            is_bot=form.is_bot,
            queue_url=request.build_absolute_uri(
                reverse("admin:comments_comment_changelist") + "?status__exact=pending"
            ),
        )
        if comment.status == CommentStatus.APPROVED:
            messages.success(
                request, _("Your comment is published."), extra_tags="comments"
            )
            return redirect(comment.get_absolute_url())
        # Held and blocked comments read the same, so spammers learn nothing.
        messages.success(
            request,
            _(
                "Thank you. Your comment is waiting for moderation and will "
                "appear once a moderator approves it."
            ),
            extra_tags="comments",
        )
        return redirect(f"{article.get_absolute_url()}#comments")

    def show_again(self, form: CommentForm, *, status: int):
        context = self.get_context_data(comment_form=form)
        return self.render_to_response(context, status=status)
