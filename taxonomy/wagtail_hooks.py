from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language


class VocabularyViewSet(SnippetViewSet):
    """The admin searches vocabularies with the ORM (icontains on `search_fields`), not Wagtail's search index.

    The starting terms come from a data migration, which never reaches the index, and rows written in bulk
    (imports, seed_demo) skip it too, so the index would answer "nothing matches" for terms that exist.
    A vocabulary has at most a few hundred rows: reading the table itself is exact for old and new terms
    alike and costs nothing. (Language is not even an indexed model.)
    """

    search_backend_name = None
    search_fields = ["name", "slug"]


class CategoryViewSet(VocabularyViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "parent", "slug"]
    list_filter = ["parent"]


class AudienceViewSet(VocabularyViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "min_age", "max_age"]


class AccessibilityFeatureViewSet(VocabularyViewSet):
    model = AccessibilityFeature
    icon = "success"
    list_display = ["name", "slug"]


class DistrictViewSet(VocabularyViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug"]


class LanguageViewSet(VocabularyViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class VocabulariesGroup(SnippetViewSetGroup):
    menu_label = _("Vocabolari")
    menu_icon = "tag"
    menu_order = 300
    items = (CategoryViewSet, AudienceViewSet, AccessibilityFeatureViewSet, DistrictViewSet, LanguageViewSet)


register_snippet(VocabulariesGroup)
