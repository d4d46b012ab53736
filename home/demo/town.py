"""Valdoria, the fictional town of the demo: districts, streets, venues, help desks and the Comune's own data.

Everything here is invented. Addresses use common Italian street names in a
town that does not exist; e-mail and web addresses use the reserved
example.org domain; phone numbers use an "000" exchange that is not assigned
to subscribers.
"""

from dataclasses import dataclass
from decimal import Decimal

TOWN = "Valdoria"
COMUNE_NAME = "Comune di Valdoria"
POSTAL_CODE = "45099"
PROVINCE = "RO"
CENTRE = (Decimal("45.070000"), Decimal("11.790000"))
DOMAIN = "valdoria.example.org"
COMUNE_DOMAIN = f"comune.{DOMAIN}"
COMUNE_SITE = f"https://{COMUNE_DOMAIN}"
PHONE_PREFIX = "0425 000"


@dataclass(frozen=True)
class DistrictSpec:
    name: str
    locative: str  # "a San Rocco", "al Villaggio Sole": how a sentence says "in this district"
    offset: tuple[float, float]  # degrees of latitude and longitude from the town centre
    streets: tuple[str, ...]
    is_hamlet: bool = False


DISTRICTS = (
    DistrictSpec(
        "Centro storico",
        "in centro",
        (0.0, 0.0),
        ("Piazza della Libertà", "Via Mazzini", "Corso del Popolo", "Via Garibaldi", "Via dei Mercanti"),
    ),
    DistrictSpec(
        "San Rocco", "a San Rocco", (0.008, -0.010), ("Via San Rocco", "Via dei Mille", "Via Tasso", "Via Carducci")
    ),
    DistrictSpec(
        "Borgo Fornaci",
        "a Borgo Fornaci",
        (-0.007, 0.012),
        ("Via delle Fornaci", "Via Matteotti", "Via dell'Artigianato", "Vicolo dei Mattoni"),
    ),
    DistrictSpec("Porta Po", "a Porta Po", (-0.010, -0.006), ("Viale Trieste", "Via Po", "Via Cavour", "Via Oberdan")),
    DistrictSpec(
        "Villaggio Sole",
        "al Villaggio Sole",
        (0.011, 0.009),
        ("Via del Sole", "Via dei Girasoli", "Via delle Primule", "Piazza Aldo Moro"),
    ),
    DistrictSpec(
        "Santa Lucia",
        "a Santa Lucia",
        (0.030, -0.025),
        ("Via Santa Lucia", "Via della Chiesa", "Strada dei Campi"),
        is_hamlet=True,
    ),
    DistrictSpec(
        "Ca' Bianca",
        "a Ca' Bianca",
        (-0.028, 0.030),
        ("Via Ca' Bianca", "Via Argine", "Via dei Pioppi"),
        is_hamlet=True,
    ),
    DistrictSpec(
        "Mulino Vecchio",
        "a Mulino Vecchio",
        (0.025, 0.035),
        ("Via del Mulino", "Via Canalbianco", "Via delle Rogge"),
        is_hamlet=True,
    ),
    DistrictSpec(
        "Tre Ponti", "a Tre Ponti", (-0.035, -0.030), ("Via Tre Ponti", "Via dell'Idrovora", "Via Roma"), is_hamlet=True
    ),
)
DISTRICTS_BY_NAME = {district.name: district for district in DISTRICTS}


@dataclass(frozen=True)
class PlaceSpec:
    key: str
    name: str
    district: str
    street: str
    number: str
    kind: str  # "desk", "sport", "culture", "civic", "school", "parish", "outdoor", "health"
    opening_hours: str = ""
    phone: str = ""
    email: str = ""
    accessibility_notes: str = "Ingresso senza gradini e bagno accessibile al piano terra."

    @property
    def is_help_desk(self):
        return self.kind == "desk"


_STEP_FREE = "Ingresso senza gradini e bagno accessibile al piano terra."
_LIFT = "Ascensore fino al primo piano, bagno accessibile; due posti auto riservati nel cortile."
_STAIRS = "Sala al primo piano senza ascensore: su richiesta le attività si spostano al piano terra."

PLACES = (
    # Help desks (sportelli), where an operator orients citizens.
    PlaceSpec(
        "informagiovani",
        "Informagiovani",
        "Centro storico",
        "Via Mazzini",
        "14",
        "desk",
        "Lunedì, mercoledì e venerdì 9:30-12:30; martedì e giovedì 15:00-18:30.",
        f"{PHONE_PREFIX} 140",
        f"informagiovani@{COMUNE_DOMAIN}",
        _STEP_FREE,
    ),
    PlaceSpec(
        "sportello-sociale",
        "Sportello sociale del Comune",
        "Centro storico",
        "Piazza della Libertà",
        "1",
        "desk",
        "Dal lunedì al venerdì 9:00-12:30; giovedì anche 15:00-17:30. Su appuntamento il martedì pomeriggio.",
        f"{PHONE_PREFIX} 150",
        f"servizisociali@{COMUNE_DOMAIN}",
        _LIFT,
    ),
    PlaceSpec(
        "biblioteca",
        "Biblioteca civica Palazzo Manin",
        "Centro storico",
        "Corso del Popolo",
        "31",
        "desk",
        "Martedì-venerdì 9:00-19:00; sabato 9:00-13:00. Chiusa la domenica e il lunedì.",
        f"{PHONE_PREFIX} 160",
        f"biblioteca@{COMUNE_DOMAIN}",
        "Ingresso accessibile dal cortile laterale, ascensore per la sala ragazzi, postazione con ingranditore.",
    ),
    PlaceSpec(
        "sportello-lavoro",
        "Sportello Lavoro comunale",
        "Porta Po",
        "Viale Trieste",
        "22",
        "desk",
        "Martedì e giovedì 9:00-13:00; mercoledì 14:30-18:00.",
        f"{PHONE_PREFIX} 170",
        f"lavoro@{COMUNE_DOMAIN}",
        _STEP_FREE,
    ),
    PlaceSpec(
        "sportello-stranieri",
        "Sportello Mondi Vicini",
        "San Rocco",
        "Via dei Mille",
        "8",
        "desk",
        "Lunedì 14:30-18:00; mercoledì e sabato 9:00-12:00. Mediatori in arabo, urdu, rumeno e ucraino.",
        f"{PHONE_PREFIX} 180",
        f"mondivicini@{COMUNE_DOMAIN}",
        _STEP_FREE,
    ),
    PlaceSpec(
        "punto-digitale",
        "Punto Digitale Facile",
        "Villaggio Sole",
        "Piazza Aldo Moro",
        "3",
        "desk",
        "Lunedì e giovedì 15:00-18:00; sabato 9:30-12:30. Per SPID, CIE e pratiche online.",
        f"{PHONE_PREFIX} 190",
        f"digitale@{COMUNE_DOMAIN}",
        _STEP_FREE,
    ),
    PlaceSpec(
        "centro-famiglie",
        "Centro per le famiglie",
        "Borgo Fornaci",
        "Via Matteotti",
        "45",
        "desk",
        "Lunedì-venerdì 9:00-12:00; martedì e giovedì anche 16:00-18:30.",
        f"{PHONE_PREFIX} 200",
        f"famiglie@{COMUNE_DOMAIN}",
        _LIFT,
    ),
    PlaceSpec(
        "casa-associazioni",
        "Casa delle associazioni",
        "Centro storico",
        "Via dei Mercanti",
        "9",
        "desk",
        "Mercoledì 17:00-19:30 e sabato 10:00-12:00: informazioni su volontariato e servizio civile.",
        f"{PHONE_PREFIX} 210",
        f"associazioni@{COMUNE_DOMAIN}",
        _STAIRS,
    ),
    # Venues.
    PlaceSpec("palazzetto", "Palazzetto dello sport", "Porta Po", "Via Po", "60", "sport", accessibility_notes=_LIFT),
    PlaceSpec("palestra-san-rocco", "Palestra comunale San Rocco", "San Rocco", "Via Tasso", "2", "sport"),
    PlaceSpec("piscina", "Piscina comunale", "Villaggio Sole", "Via dei Girasoli", "18", "sport"),
    PlaceSpec("campo-tre-ponti", "Campo sportivo di Tre Ponti", "Tre Ponti", "Via dell'Idrovora", "5", "sport"),
    PlaceSpec("palestra-fornaci", "Palestra della scuola Fornaci", "Borgo Fornaci", "Via delle Fornaci", "27", "sport"),
    PlaceSpec(
        "teatro", "Teatro Sociale", "Centro storico", "Piazza della Libertà", "12", "culture", accessibility_notes=_LIFT
    ),
    PlaceSpec(
        "scuola-musica",
        "Scuola di musica Villa Ferri",
        "San Rocco",
        "Via Carducci",
        "40",
        "culture",
        accessibility_notes=_STAIRS,
    ),
    PlaceSpec("biblioteca-porta-po", "Biblioteca di quartiere Porta Po", "Porta Po", "Via Cavour", "11", "culture"),
    PlaceSpec("spazio-giovani", "Spazio giovani Il Binario", "Porta Po", "Via Oberdan", "1", "civic"),
    PlaceSpec("centro-civico-sole", "Centro civico Villaggio Sole", "Villaggio Sole", "Via del Sole", "24", "civic"),
    PlaceSpec(
        "centro-civico-santa-lucia", "Centro civico di Santa Lucia", "Santa Lucia", "Via della Chiesa", "4", "civic"
    ),
    PlaceSpec(
        "casa-quartiere-fornaci", "Casa di quartiere Le Fornaci", "Borgo Fornaci", "Vicolo dei Mattoni", "6", "civic"
    ),
    PlaceSpec("sala-ca-bianca", "Sala polivalente di Ca' Bianca", "Ca' Bianca", "Via Ca' Bianca", "15", "civic"),
    PlaceSpec(
        "oratorio-san-rocco",
        "Oratorio San Rocco",
        "San Rocco",
        "Via San Rocco",
        "19",
        "parish",
        accessibility_notes=_STAIRS,
    ),
    PlaceSpec("oratorio-santa-lucia", "Oratorio di Santa Lucia", "Santa Lucia", "Via Santa Lucia", "2", "parish"),
    PlaceSpec("scuola-primaria-po", "Scuola primaria di Porta Po", "Porta Po", "Via Cavour", "30", "school"),
    PlaceSpec(
        "istituto-comprensivo", "Istituto comprensivo Valdoria 1", "Villaggio Sole", "Via delle Primule", "2", "school"
    ),
    PlaceSpec(
        "parco-fornaci",
        "Parco delle Fornaci",
        "Borgo Fornaci",
        "Via dell'Artigianato",
        "s.n.c.",
        "outdoor",
        accessibility_notes="Vialetti in ghiaia compatta percorribili in carrozzina; bagno accessibile a nord.",
    ),
    PlaceSpec(
        "orti-mulino",
        "Orti urbani del Mulino",
        "Mulino Vecchio",
        "Via delle Rogge",
        "s.n.c.",
        "outdoor",
        accessibility_notes="Due aiuole rialzate raggiungibili in carrozzina.",
    ),
    PlaceSpec(
        "argine-ca-bianca",
        "Argine del Canalbianco (punto di ritrovo)",
        "Ca' Bianca",
        "Via Argine",
        "s.n.c.",
        "outdoor",
        accessibility_notes="Percorso sterrato, non adatto alle carrozzine.",
    ),
    PlaceSpec(
        "consultorio",
        "Consultorio familiare",
        "Centro storico",
        "Via Garibaldi",
        "52",
        "health",
        accessibility_notes=_LIFT,
    ),
    PlaceSpec("centro-diurno", "Centro diurno Villa Ida", "Mulino Vecchio", "Via del Mulino", "7", "health"),
    PlaceSpec("emporio", "Emporio solidale", "Tre Ponti", "Via Roma", "88", "civic"),
)
PLACES_BY_KEY = {place.key: place for place in PLACES}
# Venues that host only what names them: the pool its swimming, the river bank its walks and clean-ups.
DEDICATED_VENUES = frozenset(
    PLACES_BY_KEY[key].name for key in ("piscina", "parco-fornaci", "orti-mulino", "argine-ca-bianca")
)

SETTINGS = {
    "comune_name": COMUNE_NAME,
    "tagline": "Attività, servizi ed eventi per tutte le età, in un solo posto",
    "address": f"Piazza della Libertà 1, {POSTAL_CODE} {TOWN} ({PROVINCE})",
    "phone": f"{PHONE_PREFIX} 100",
    "email": f"urp@{COMUNE_DOMAIN}",
    "pec": f"protocollo@pec.{COMUNE_DOMAIN}",
    "accessibility_declaration_url": f"{COMUNE_SITE}/dichiarazione-di-accessibilita",
    "privacy_url": f"{COMUNE_SITE}/privacy",
    "legal_notes_url": f"{COMUNE_SITE}/note-legali",
}

HOME_INTRODUCTION = (
    "<p>Corsi, sport, centri estivi, servizi per le famiglie e per gli anziani, eventi e occasioni di "
    f"volontariato: tutto quello che associazioni, cooperative, parrocchie e uffici del Comune di {TOWN} "
    "offrono in città e nelle frazioni. <b>Cerca per età, quartiere, giorno e costo</b>, oppure sfoglia "
    "le categorie.</p>"
)
HOME_HELP_DESKS_TEXT = (
    "Preferisci parlare con una persona? Agli sportelli del Comune un operatore ti aiuta a trovare "
    "l'attività o il servizio giusto, a compilare le domande e a chiedere le agevolazioni. Non serve "
    "appuntamento negli orari di apertura."
)
