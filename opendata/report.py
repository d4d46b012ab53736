"""What an import did, record by record, for the command's output and the admin's preview."""

from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

OUTCOME_LABELS = {
    "created": gettext_lazy("creata"),
    "updated": gettext_lazy("aggiornata"),
    "skipped": gettext_lazy("scartata"),
}


@dataclass
class Entry:
    index: int  # 1-based position of the record in the file (a CSV row counts from the first data row)
    hsds_id: str
    outcome: str  # created, updated or skipped
    title: str = ""
    messages: list = field(default_factory=list)  # reasons for skipping, or notes

    @property
    def outcome_label(self):
        return OUTCOME_LABELS[self.outcome]


@dataclass
class ImportReport:
    dry_run: bool = False
    entries: list = field(default_factory=list)
    error: str = ""  # a problem with the whole file; records before it are in `entries`
    created_terms: list = field(default_factory=list)

    def add(self, entry):
        self.entries.append(entry)

    def count(self, outcome):
        return sum(1 for entry in self.entries if entry.outcome == outcome)

    @property
    def created(self):
        return self.count("created")

    @property
    def updated(self):
        return self.count("updated")

    @property
    def skipped(self):
        return self.count("skipped")

    @property
    def skipped_entries(self):
        return [entry for entry in self.entries if entry.outcome == "skipped"]

    @property
    def noted_entries(self):
        return [entry for entry in self.entries if entry.outcome != "skipped" and entry.messages]

    def summary(self):
        if self.dry_run:
            text = _("Prova senza modifiche: %(created)s da creare, %(updated)s da aggiornare, %(skipped)s scartate.")
        else:
            text = _("%(created)s opportunità create, %(updated)s aggiornate, %(skipped)s scartate.")
        return text % {"created": self.created, "updated": self.updated, "skipped": self.skipped}

    def lines(self, *, verbose=False):
        """The report as text lines: summary, then every skipped record and every note."""
        lines = [self.summary()]
        if self.error:
            lines.append(_("Errore nel file: %(error)s") % {"error": self.error})
        created = _("Termine da creare: %(term)s") if self.dry_run else _("Termine creato: %(term)s")
        lines.extend(created % {"term": term} for term in self.created_terms)
        for entry in self.entries:
            if entry.outcome == "skipped" or entry.messages or verbose:
                reasons = "; ".join(entry.messages)
                lines.append(
                    f"#{entry.index} [{entry.hsds_id or '?'}] {entry.outcome_label}"
                    + (f" «{entry.title}»" if entry.title else "")
                    + (f": {reasons}" if reasons else "")
                )
        return lines

    def as_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        entries = [Entry(**entry) for entry in data.get("entries", [])]
        return cls(
            dry_run=data.get("dry_run", False),
            entries=entries,
            error=data.get("error", ""),
            created_terms=data.get("created_terms", []),
        )
