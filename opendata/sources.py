"""Reading import files and URLs with bounded memory, time and size.

A JSON array is read element by element and NDJSON line by line, so a file of
any allowed size is imported in constant memory: only one record (at most
`MAX_RECORD_BYTES`) is held at a time. Problems with the file as a whole raise
`SourceError`, with a message for the person who started the import; problems
with one record are yielded as `RecordSyntaxError` so the other records go on.
"""

import io
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK_CHARS = 64 * 1024
MAX_RECORD_BYTES = 1024 * 1024
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_URL_TIMEOUT = 30


class SourceError(Exception):
    """The file or URL cannot be read at all: nothing was imported."""


@dataclass
class RecordSyntaxError:
    """One element of the file is not valid JSON (or too large); the reader has moved on to the next."""

    message: str


def max_source_bytes():
    return getattr(settings, "OPENDATA_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def open_source(location):
    """A binary stream of the file or URL `location`, refusing it when it is larger than the limit."""
    if urlsplit(location).scheme in ("http", "https"):
        return _open_url(location)
    path = Path(location)
    if not path.is_file():
        raise SourceError(_("Il file «%(path)s» non esiste.") % {"path": location})
    size = path.stat().st_size
    if size > max_source_bytes():
        raise SourceError(_too_large_message(size))
    return path.open("rb")


def _open_url(url):
    timeout = getattr(settings, "OPENDATA_IMPORT_URL_TIMEOUT", DEFAULT_URL_TIMEOUT)
    request = urllib.request.Request(url, headers={"Accept": "application/json, application/x-ndjson, text/csv"})
    try:
        response = urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 (scheme checked above)
    except urllib.error.HTTPError as error:
        raise SourceError(
            _("Il server ha risposto %(status)s a %(url)s.") % {"status": error.code, "url": url}
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SourceError(_("Impossibile scaricare %(url)s: %(reason)s.") % {"url": url, "reason": reason}) from None
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_source_bytes():
        response.close()
        raise SourceError(_too_large_message(int(declared)))
    return _LimitedReader(response, max_source_bytes())


class _LimitedReader(io.RawIOBase):
    """Stops a download that goes past the limit, whatever the server declared; times out like the response."""

    def __init__(self, raw, limit):
        self._raw, self._limit, self._read = raw, limit, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        try:
            count = self._raw.readinto(buffer)
        except (TimeoutError, OSError) as error:
            raise SourceError(_("Download interrotto: %(reason)s.") % {"reason": error}) from None
        self._read += count or 0
        if self._read > self._limit:
            raise SourceError(_too_large_message(self._read, at_least=True))
        return count

    def close(self):
        self._raw.close()
        super().close()


def _too_large_message(size, at_least=False):
    params = {"size": _megabytes(size), "limit": _megabytes(max_source_bytes())}
    if at_least:
        return _("Il file supera %(size)s MB: il limite è %(limit)s MB. Dividilo in più file.") % params
    return _("Il file è di %(size)s MB: il limite è %(limit)s MB. Dividilo in più file.") % params


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def text_stream(binary):
    """UTF-8 text (a byte-order mark is ignored); undecodable bytes become U+FFFD and fail that record only."""
    return io.TextIOWrapper(
        io.BufferedReader(binary) if isinstance(binary, io.RawIOBase) else binary,
        encoding="utf-8-sig",
        errors="replace",
        newline="",
    )


def json_records(text):
    """Yield each record (a dict or a `RecordSyntaxError`) of a JSON array or of NDJSON text."""
    first = _skip_whitespace(text)
    if first == "[":
        yield from _array_records(text)
    elif first == "{":
        yield from _ndjson_records(text, first)
    elif first == "":
        raise SourceError(_("Il file è vuoto."))
    else:
        raise SourceError(
            _(
                "Il file non è in formato JSON: deve contenere un elenco di servizi ([...]) "
                "o un servizio per riga (NDJSON)."
            )
        )


def _skip_whitespace(text):
    while True:
        char = text.read(1)
        if not char or not char.isspace():
            return char


def _ndjson_records(text, first):
    line = first + text.readline(MAX_RECORD_BYTES)
    while line:
        if not line.endswith("\n") and len(line) >= MAX_RECORD_BYTES:
            while line and not line.endswith("\n"):  # drop the rest of an oversized line
                line = text.readline(MAX_RECORD_BYTES)
            yield RecordSyntaxError(_record_too_large())
        elif line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                yield RecordSyntaxError(_("JSON non valido alla colonna %(column)s.") % {"column": error.colno})
        line = text.readline(MAX_RECORD_BYTES)


def _array_records(text):
    """Decode one array element at a time from a growing buffer, so memory stays at one record."""
    decoder = json.JSONDecoder()
    buffer, eof = "", False
    expect_value = True
    while True:
        buffer = buffer.lstrip()
        if not buffer and not eof:
            chunk = text.read(CHUNK_CHARS)
            eof = not chunk
            buffer = chunk
            continue
        if buffer.startswith("]"):
            return
        if not expect_value:
            if buffer.startswith(","):
                buffer, expect_value = buffer[1:], True
                continue
            if eof:
                raise SourceError(_("Il file JSON è troncato: manca la parentesi ] finale."))
            raise SourceError(_("Il file JSON non è un elenco valido: manca una virgola tra due servizi."))
        if not buffer and eof:
            raise SourceError(_("Il file JSON è troncato: manca la parentesi ] finale."))
        try:
            value, end = decoder.raw_decode(buffer)
        except json.JSONDecodeError as error:
            if eof and _ran_out(error, buffer):
                raise SourceError(_("Il file JSON è troncato: l'ultimo servizio è incompleto.")) from None
            if eof or not _ran_out(error, buffer):
                raise SourceError(
                    _("Il file JSON non è valido vicino a «%(text)s»: correggilo e riprova.")
                    % {"text": buffer[max(0, error.pos - 20) : error.pos + 20].strip()}
                ) from None
            if len(buffer) > MAX_RECORD_BYTES:
                yield RecordSyntaxError(_record_too_large())
                buffer = _skip_value(text, buffer)
                expect_value = False
                continue
            chunk = text.read(CHUNK_CHARS)
            eof = not chunk
            buffer += chunk
            continue
        yield value
        buffer, expect_value = buffer[end:], False


def _ran_out(error, buffer):
    """Whether the decoder stopped because the buffer ends inside the value, not because the value is wrong."""
    return error.pos >= len(buffer) - 1 or error.msg.startswith("Unterminated string")


def _skip_value(text, buffer):
    """Drop an oversized element, reading on until the comma or bracket that closes it at depth zero."""
    depth, in_string, escaped = 0, False, False
    while True:
        for position, char in enumerate(buffer):
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char in "[{":
                depth += 1
            elif char in "]}":
                if depth == 0:
                    return buffer[position:]
                depth -= 1
            elif char == "," and depth == 0:
                return buffer[position:]
        buffer = text.read(CHUNK_CHARS)
        if not buffer:
            raise SourceError(_("Il file JSON è troncato: manca la parentesi ] finale."))


def _record_too_large():
    return _("Il servizio supera %(limit)s MB ed è stato scartato.") % {"limit": _megabytes(MAX_RECORD_BYTES)}
