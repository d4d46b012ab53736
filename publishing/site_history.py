"""The site history report (*Report → Cronologia del sito*) lists only what its reader may see, filters included.

Wagtail 8.0 limits the report's rows to the log entries each log model's
`viewable_by_user` allows (for an association editor: its own organization's
pages, and the places' entries of its own people, see
`organizations.models.PlaceLogEntryManager`), but its "User" filter lists
every user who ever made a page log entry: `SiteHistoryReportFilterSet` still
overrides `get_user_choices`, which `HistoryFilterSet` no longer calls (it asks
`get_users_queryset`), so the choices come from all `PageLogEntry` rows, and any
admin user read the names (often the email addresses) of every association's
editors and of the Comune's staff. This restores the intended choices, the users
of the entries the reader may see, until Wagtail does it itself.
"""

from wagtail.admin.views.reports.audit_logging import SiteHistoryReportFilterSet, get_users_for_filter


def _viewable_users(self):
    return get_users_for_filter(self.request.user)


def site_history_user_filter_restrict():
    """Idempotent; leaves the filter set alone once Wagtail defines `get_users_queryset` on it."""
    if "get_users_queryset" not in SiteHistoryReportFilterSet.__dict__:
        SiteHistoryReportFilterSet.get_users_queryset = _viewable_users
    return SiteHistoryReportFilterSet.get_users_queryset
