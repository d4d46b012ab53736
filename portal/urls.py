from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from publishing.site_history import SiteHistoryView

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's site history report with a "User" filter limited to what its reader may see: these come first,
    # so they answer the report's own addresses (wagtailadmin_reports:site_history and its results).
    path("admin/reports/site-history/", require_admin_access(SiteHistoryView.as_view())),
    path("admin/reports/site-history/results/", require_admin_access(SiteHistoryView.as_view(results_only=True))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("search.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Italian pages have no prefix; other languages live under /en/ and so on.
urlpatterns += i18n_patterns(
    path("cerca/", include("search.urls")),
    path("registra-associazione/", include("organizations.urls")),
    path("opportunita/", include("opportunities.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
