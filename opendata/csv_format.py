"""The spreadsheet format Comuni keep: one row per opportunity, with its organization and place.

Each row becomes the HSDS service object the JSON import reads, so both
formats share one mapping and one validation (`opendata.importer`). Cells are
read the way an Italian spreadsheet writes them: dates as 15/09/2026, times as
17.00, decimals with a comma, "sì"/"no", weekdays as "lun; mer".
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opendata.sources import SourceError

CSV_MAX_BYTES = 20 * 1024 * 1024
LIST_SEPARATOR = ";"
WEEKDAY_NAMES = {
    "lun": "MO",
    "lunedi": "MO",
    "mar": "TU",
    "martedi": "TU",
    "mer": "WE",
    "mercoledi": "WE",
    "gio": "TH",
    "giovedi": "TH",
    "ven": "FR",
    "venerdi": "FR",
    "sab": "SA",
    "sabato": "SA",
    "dom": "SU",
    "domenica": "SU",
}


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    example: str
    required: bool = False


COLUMNS = [
    Column(
        "codice",
        gettext_lazy("Codice univoco dell'opportunità: non cambiarlo, serve ad aggiornarla."),
        "CE-2027-01",
        True,
    ),
    Column("titolo", gettext_lazy("Il nome dell'opportunità."), "Centro estivo al parco", True),
    Column(
        "descrizione",
        gettext_lazy("Cos'è, per chi e quando, in parole semplici (fino a 280 caratteri)."),
        "Giochi, laboratori e gite per bambine e bambini dai 6 ai 10 anni.",
        True,
    ),
    Column("tipo", gettext_lazy("attivita, servizio, evento, centro_estivo, volontariato o bando."), "centro_estivo"),
    Column("stato", gettext_lazy("attiva, al_completo, sospesa o conclusa (vuoto: attiva)."), "attiva"),
    Column(
        "categorie",
        gettext_lazy("Una o più categorie del portale, separate da punto e virgola."),
        "Centri estivi; Sport",
        True,
    ),
    Column("destinatari", gettext_lazy("Destinatari del portale, separati da punto e virgola."), "Bambini; Famiglie"),
    Column("eta_minima", gettext_lazy("In anni."), "6"),
    Column("eta_massima", gettext_lazy("In anni."), "10"),
    Column("gratuita", gettext_lazy("sì o no."), "no"),
    Column("prezzo", gettext_lazy("In euro, ad esempio 80,00."), "80,00"),
    Column("periodo_prezzo", gettext_lazy("una_tantum, ingresso, settimana, mese, anno o corso."), "settimana"),
    Column("lingue", gettext_lazy("Codici ISO delle lingue, separati da punto e virgola."), "it; en"),
    Column("email", gettext_lazy("Email per informazioni."), "estate@comune.example"),
    Column("telefono", gettext_lazy("Telefono per informazioni."), "0123 456789"),
    Column("link", gettext_lazy("Pagina per iscriversi o saperne di più."), "https://comune.example/estate"),
    Column("a_chi_e_rivolto", gettext_lazy("Testo della sezione «A chi è rivolto»."), "Bambine e bambini residenti."),
    Column("come_partecipare", gettext_lazy("Testo della sezione «Come partecipare»."), "Iscrizioni online da maggio."),
    Column("costi_e_agevolazioni", gettext_lazy("Testo della sezione «Costi e agevolazioni»."), "Riduzioni con ISEE."),
    Column(
        "giorni",
        gettext_lazy(
            "Giorni della settimana in cui si ripete (lun; mar; mer; gio; ven; sab; dom). "
            "Vuoto per date singole o consecutive."
        ),
        "lun; mar; mer; gio; ven",
    ),
    Column("dalle", gettext_lazy("Orario di inizio, ad esempio 8.30."), "8.30"),
    Column("alle", gettext_lazy("Orario di fine."), "16.30"),
    Column("data_inizio", gettext_lazy("Primo giorno (GG/MM/AAAA). Obbligatoria se non ci sono giorni."), "22/06/2027"),
    Column("data_fine", gettext_lazy("Ultimo giorno (GG/MM/AAAA)."), "31/07/2027"),
    Column("nota_orario", gettext_lazy("Ad esempio «escluse le festività»."), "Escluso il 2 giugno"),
    Column("codice_luogo", gettext_lazy("Codice del luogo; vuoto: si usa nome e indirizzo."), ""),
    Column("luogo", gettext_lazy("Nome del luogo."), "Parco Belvedere"),
    Column("indirizzo", gettext_lazy("Via e numero civico (obbligatorio se c'è un luogo)."), "Via dei Tigli 12"),
    Column("cap", gettext_lazy("CAP."), "20100"),
    Column("comune", gettext_lazy("Comune."), "Valdoria"),
    Column("quartiere", gettext_lazy("Quartiere del luogo."), "Centro"),
    Column("latitudine", gettext_lazy("Ad esempio 45,4642."), "45,4642"),
    Column("longitudine", gettext_lazy("Ad esempio 9,1900."), "9,1900"),
    Column("codice_organizzazione", gettext_lazy("Codice dell'organizzazione; vuoto: si usa il nome."), ""),
    Column(
        "organizzazione",
        gettext_lazy("Nome dell'organizzazione che la propone."),
        "Cooperativa sociale Il Melograno",
        True,
    ),
    Column(
        "descrizione_organizzazione",
        gettext_lazy("Una o due frasi sull'organizzazione (obbligatoria per le nuove)."),
        "Cooperativa che dal 1998 organizza servizi per l'infanzia.",
        True,
    ),
    Column(
        "forma_giuridica",
        gettext_lazy("Ad esempio APS, ODV, cooperativa sociale, ASD, parrocchia."),
        "cooperativa sociale",
    ),
    Column("email_organizzazione", gettext_lazy("Email pubblica dell'organizzazione."), "info@melograno.example"),
    Column("sito_organizzazione", gettext_lazy("Sito web dell'organizzazione."), "https://melograno.example"),
]
REQUIRED = [column.name for column in COLUMNS if column.required]
KNOWN = {column.name for column in COLUMNS}


def template_csv():
    """The downloadable template: the header and one example row, separated by semicolons as Italian Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=LIST_SEPARATOR, lineterminator="\r\n")
    writer.writerow([column.name for column in COLUMNS])
    writer.writerow([column.example for column in COLUMNS])
    return "\ufeff" + buffer.getvalue()  # the BOM makes Excel read UTF-8


def decode(data):
    """Text of an uploaded or read CSV: UTF-8 (with or without BOM), else Windows-1252 as older Excel saves it."""
    if len(data) > CSV_MAX_BYTES:
        raise SourceError(
            _("Il file CSV supera %(limit)s MB: dividilo in più file.") % {"limit": CSV_MAX_BYTES // (1024 * 1024)}
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def csv_records(text):
    """Yield (row number, HSDS service object) for each non-empty row; raise SourceError for a wrong header."""
    if "\x00" in text[:4096]:
        raise SourceError(_("Il file non è un CSV di testo: salvalo dal foglio di calcolo come «CSV»."))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter_of(header_line(text)))
    header = [_normalize_header(cell) for cell in next(reader, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise SourceError(
            _("Mancano le colonne obbligatorie: %(columns)s. Parti dal modello scaricabile.")
            % {"columns": ", ".join(missing)}
        )
    for row_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row = {name: cell.strip() for name, cell in zip(header, cells, strict=False) if name in KNOWN}
        yield row_number, row_to_service(row)


def header_line(text):
    return text.splitlines()[0] if text else ""


def delimiter_of(line):
    """`;` or `,`, whichever the header line uses more: Italian spreadsheets save with `;`, others with `,`."""
    return ";" if line.count(";") >= line.count(",") else ","


def unknown_columns(text):
    line = header_line(text)
    header = next(csv.reader(io.StringIO(line), delimiter=delimiter_of(line)), [])
    return [cell for cell in header if cell.strip() and _normalize_header(cell) not in KNOWN]


def row_to_service(row):
    """The HSDS service object a spreadsheet row describes."""
    get = row.get
    organization_name = get("organizzazione", "")
    service = {
        "id": get("codice", ""),
        "name": get("titolo", ""),
        "description": get("descrizione", ""),
        "status": get("stato", ""),
        "url": get("link", ""),
        "email": get("email", ""),
        "phones": [{"number": get("telefono")}] if get("telefono") else [],
        "eligibility_description": get("a_chi_e_rivolto", ""),
        "application_process": get("come_partecipare", ""),
        "fees_description": get("costi_e_agevolazioni", ""),
        "minimum_age": get("eta_minima", ""),
        "maximum_age": get("eta_massima", ""),
        "languages": [{"code": code.lower()} for code in _list(get("lingue"))],
        "organization": {
            "id": get("codice_organizzazione") or _derived_id("org", organization_name),
            "name": organization_name,
            "description": get("descrizione_organizzazione", ""),
            "legal_status": get("forma_giuridica", ""),
            "email": get("email_organizzazione", ""),
            "website": get("sito_organizzazione", ""),
        },
        "attributes": _attributes(row),
        "schedules": [_schedule(row)],
        "cost_options": _cost_options(row),
        "service_at_locations": _locations(row),
    }
    return service


def _attributes(row):
    terms = [("tipo", name) for name in _list(row.get("tipo"))]
    terms += [("categorie", name) for name in _list(row.get("categorie"))]
    terms += [("destinatari", name) for name in _list(row.get("destinatari"))]
    terms += [("quartieri", name) for name in _list(row.get("quartiere"))]
    return [{"taxonomy_term": {"taxonomy": taxonomy, "name": name, "code": slugify(name)}} for taxonomy, name in terms]


def _schedule(row):
    return {
        "freq": "WEEKLY" if row.get("giorni") else "",
        "byday": ",".join(WEEKDAY_NAMES.get(_plain(day), day.upper()) for day in _list(row.get("giorni"))),
        "opens_at": _time(row.get("dalle", "")),
        "closes_at": _time(row.get("alle", "")),
        "valid_from": _date(row.get("data_inizio", "")),
        "valid_to": _date(row.get("data_fine", "")),
        "description": row.get("nota_orario", ""),
    }


def _cost_options(row):
    options = []
    if _plain(row.get("gratuita", "")) in ("si", "s", "x", "yes", "1", "vero"):
        options.append({"amount": 0, "currency": "EUR"})
    if row.get("prezzo"):
        options.append({"amount": _number(row["prezzo"]), "currency": "EUR", "option": row.get("periodo_prezzo", "")})
    return options


def _locations(row):
    name, address = row.get("luogo", ""), row.get("indirizzo", "")
    if not (name or address or row.get("codice_luogo")):
        return []
    location = {
        "id": row.get("codice_luogo") or _derived_id("luogo", f"{name} {address}"),
        "name": name,
        "latitude": _number(row.get("latitudine", "")),
        "longitude": _number(row.get("longitudine", "")),
        "addresses": [{"address_1": address, "postal_code": row.get("cap", ""), "city": row.get("comune", "")}],
    }
    return [{"location": location}]


def _derived_id(prefix, text):
    # Spreadsheets rarely carry codes for organizations and places: the name is their identity.
    slug = slugify(text)
    return f"csv-{prefix}-{slug}"[:100] if slug else ""


def _list(value):
    return [item.strip() for item in (value or "").split(LIST_SEPARATOR) if item.strip()]


def _plain(text):
    """Lowercase without accents, so "Sì", "si" and "lunedì" match."""
    return unicodedata.normalize("NFKD", text.strip().lower()).encode("ascii", "ignore").decode()


def _normalize_header(cell):
    return re.sub(r"[\s\-]+", "_", _plain(cell))


def _date(value):
    """15/09/2026 or 15-09-2026 to ISO; anything else is passed on for the HSDS reader to report."""
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", value)
    return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}" if match else value


def _time(value):
    match = re.fullmatch(r"(\d{1,2})[.:,](\d{2})", value)
    return f"{int(match[1]):02d}:{match[2]}" if match else value


def _number(value):
    """Italian decimals ("45,4642", "1.200,50") to a JSON-style number string."""
    value = value.strip()
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    return value
