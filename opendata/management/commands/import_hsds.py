from opendata.management.base import ImportCommand
from opendata.sources import json_records, open_source, text_stream


class Command(ImportCommand):
    help = (
        "Import Open Referral HSDS 3.0 services (a JSON array or NDJSON, nested form) from a file or a URL: "
        "organizations, places and opportunities are created or updated, matched by their HSDS ids."
    )

    def records(self, source):
        return _records(open_source(source))


def _records(binary):
    with text_stream(binary) as text:
        yield from json_records(text)
