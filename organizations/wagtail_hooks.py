from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from organizations.models import Place


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "home"
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["name", "address", "district", "is_help_desk"]
    list_filter = ["is_help_desk", "district"]
    search_fields = ["name", "address"]


register_snippet(PlaceViewSet)

# The onboarding registers its own admin views (registration requests, colleagues).
from . import onboarding_hooks  # noqa: E402, F401
