from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.engines.elasticsearch.health import add_health_panel
from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Sinonimi")
    menu_name = "synonyms"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__"]
    search_fields = ["terms"]


register_snippet(SynonymViewSet)


@hooks.register("construct_homepage_panels")
def search_health_panel(request, panels):
    # Administrators see whether searches run on Elasticsearch or fell back to the database.
    add_health_panel(request, panels)
