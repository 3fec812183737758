"""Reading admin pages the way a browser would, for tests that post them back."""

import json
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def form_data(response, form_id: str) -> dict[str, str | list[str]]:
    """What a browser would send back for the form as the page shows it."""
    form = page(response).find("form", id=form_id)
    data: dict[str, str | list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "file"}:
            continue
        if field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "select" and field.has_attr("multiple"):
            data[name] = [o["value"] for o in field.find_all("option", selected=True)]
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            data[name] = field.get("value", "")
    return data


def admin_errors(response) -> list:
    """The form and inline errors of a refused admin save, for failure messages."""
    context = response.context
    if context is None or "adminform" not in context:
        return [response.status_code, response.get("Location")]
    errors = [context["adminform"].form.errors]
    errors += [formset.formset.errors for formset in context["inline_admin_formsets"]]
    return errors


def loaded_urls(response) -> list[str]:
    """Every URL the page makes the browser fetch: scripts, styles, images, frames."""
    html = page(response)
    urls = [el["src"] for el in html.find_all(src=True)]
    urls += [el["href"] for el in html.find_all("link", href=True)]
    # ES modules are fetched through the page's import map.
    for importmap in html.find_all("script", type="importmap"):
        urls += json.loads(importmap.string)["imports"].values()
    return urls


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc
