from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "parent", "slug"]
    list_filter = ["parent"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "min_age", "max_age"]


class AccessibilityFeatureViewSet(SnippetViewSet):
    model = AccessibilityFeature
    icon = "success"
    list_display = ["name", "slug"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code"]


class VocabulariesGroup(SnippetViewSetGroup):
    menu_label = _("Vocabolari")
    menu_icon = "tag"
    menu_order = 300
    items = (CategoryViewSet, AudienceViewSet, AccessibilityFeatureViewSet, DistrictViewSet, LanguageViewSet)


register_snippet(VocabulariesGroup)
