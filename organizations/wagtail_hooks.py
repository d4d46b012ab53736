from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CopyView, HistoryView, SnippetViewSet

from organizations.models import Place, PlaceLogEntry


class YesNoColumn(BooleanColumn):
    """Wagtail's tick or cross, read out as «Sì» or «No» rather than Python's True and False."""

    cell_template_name = "organizations/admin/yes_no_cell.html"


class PlaceCopyView(CopyView):
    """Shows the add form filled from another place; the form is posted to the add view.

    Wagtail's copy view also accepts a POST itself and saves it over the place being copied, so anyone
    allowed to add places (association editors) could change any shared place, or clear its help-desk mark.
    """

    http_method_names = ["get", "head", "options"]


class PlaceHistoryView(HistoryView):
    """A place's history, with only the entries the user may see (see PlaceLogEntryManager)."""

    def get_base_queryset(self):
        viewable = PlaceLogEntry.objects.viewable_by_user(self.request.user)
        return super().get_base_queryset().filter(pk__in=viewable.values("pk"))


class PlaceViewSet(SnippetViewSet):
    model = Place
    copy_view_class = PlaceCopyView
    history_view_class = PlaceHistoryView
    icon = "home"
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["name", "address", "district", YesNoColumn("is_help_desk", label=_("Sportello"))]
    list_filter = ["is_help_desk", "district"]
    # Searched with the ORM (icontains on these columns), not the search index: the database backend's
    # autocomplete cannot restrict itself to fields (it failed with "no such column: name"), and places
    # written in bulk (seed_demo) are not in the index until it is rebuilt.
    search_fields = ["name", "address", "city"]
    search_backend_name = None


register_snippet(PlaceViewSet)


@hooks.register("register_log_actions")
def register_place_log_model(actions):
    # Places' entries go to their own model, whose visibility follows the roles; the site history reads it too.
    actions.register_model(Place, PlaceLogEntry)


# The onboarding registers its own admin views (registration requests, colleagues).
from . import onboarding_hooks  # noqa: E402, F401
