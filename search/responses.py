"""Whole search answers, kept for every visitor who asks the same address.

Even with what the engine found cached, rendering a search again costs about 130 ms (twenty cards, the
filter form, the menus) and the API's JSON about 70: a hundred times a bare Django view. The bytes of
the answer are kept instead, under the catalogue version and for at most `SEARCH_CACHE_SECONDS`, like the
engine's reads (`search/catalogue.py`). What must happen on every request still does, in the views:
the search page writes the Comune's search log and the hit counter of Wagtail's search terms, and puts
the visitor's own CSRF token into its one form on the way out. Signed-in users get a page of their own
(the userbar).
"""

from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from search.catalogue import cached

# What `{% csrf_token %}` writes into a kept page instead of a visitor's token (format_html leaves it as is).
CSRF_PLACEHOLDER = "csrf-token-of-this-visitor"


def kept(request, name, render, *, shared=True):
    """`render()`, or what it gave for this address, language and day since the catalogue last changed."""
    if not shared:
        return render()
    address = (request.scheme, request.get_host(), request.get_full_path())
    return cached(name, (address, get_language(), timezone.localdate()), render)


def for_everyone(request):
    """Whether this visitor sees what every other visitor sees: not signed in (no userbar, no drafts)."""
    return not request.user.is_authenticated


def kept_json(request, name, data):
    """A JSON answer of `data()` (any visitor's, the same for all), kept as `kept` keeps it."""
    body = kept(request, name, lambda: JsonResponse(data()).content)
    return HttpResponse(body, content_type="application/json")


def kept_page(request, name, page):
    """The HTML of `page()` (a TemplateResponse), kept as `kept` keeps it for visitors not signed in."""
    content = kept(request, name, lambda: rendered(page()), shared=for_everyone(request))
    return HttpResponse(with_csrf_token(request, content))


def rendered(response):
    """A TemplateResponse's HTML, with a placeholder where `{% csrf_token %}` writes the visitor's token."""
    response.context_data["csrf_token"] = CSRF_PLACEHOLDER
    return response.render().content


def with_csrf_token(request, content):
    """The page with the visitor's token in place of the placeholder (the cookie is set, as `{% csrf_token %}` does)."""
    placeholder = CSRF_PLACEHOLDER.encode()
    return content.replace(placeholder, get_token(request).encode()) if placeholder in content else content
