from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CopyView, SnippetViewSet

from organizations.models import Place


class PlaceCopyView(CopyView):
    """Shows the add form filled from another place; the form is posted to the add view.

    Wagtail's copy view also accepts a POST itself and saves it over the place being copied, so anyone
    allowed to add places (association editors) could change any shared place, or clear its help-desk mark.
    """

    http_method_names = ["get", "head", "options"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    copy_view_class = PlaceCopyView
    icon = "home"
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["name", "address", "district", "is_help_desk"]
    list_filter = ["is_help_desk", "district"]
    search_fields = ["name", "address"]


register_snippet(PlaceViewSet)

# The onboarding registers its own admin views (registration requests, colleagues).
from . import onboarding_hooks  # noqa: E402, F401
