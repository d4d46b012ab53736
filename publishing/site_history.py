"""The site history report (*Report → Cronologia del sito*) lists only what its reader may see, filters included.

Wagtail 8.0 limits the report's rows to the log entries each log model's
`viewable_by_user` allows (for an association editor: its own organization's
pages, and the places' entries of its own people, see
`organizations.models.PlaceLogEntryManager`), but its "User" filter lists
every user who ever made a page log entry: `SiteHistoryReportFilterSet`
overrides `get_user_choices`, which `HistoryFilterSet` no longer calls (it asks
`get_users_queryset`), so any admin user read the names (often the email
addresses) of every association's editors and of the Comune's staff.

`SiteHistoryView` is Wagtail's report with the intended choices, the users of
the entries the reader may see; `portal/urls.py` mounts it at the report's own
addresses, ahead of Wagtail's admin URLs, so the menu and every link reach it.
"""

from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet, get_users_for_filter


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        return get_users_for_filter(self.request.user)

    class Meta(SiteHistoryReportFilterSet.Meta):
        pass


class SiteHistoryView(LogEntriesView):
    filterset_class = SiteHistoryFilterSet
