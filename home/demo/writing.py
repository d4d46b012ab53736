"""Italian prose for demo listings, composed from varied templates so that no two pages read the same.

Every function takes the seeded generator first and returns plain text or
simple HTML (<p>, <ul>, <li>), as the rich-text fields store it.
"""

import html
from decimal import Decimal

from opportunities.models import Kind, PricePeriod

# Costs: key -> (price period, possible prices in euro). "free" and "quote" have no price.
PRICES = {
    "month": (PricePeriod.MONTH, (15, 20, 25, 30, 35, 40, 45, 50, 60)),
    "course": (PricePeriod.COURSE, (40, 50, 60, 75, 90, 120, 150, 180)),
    "session": (PricePeriod.SESSION, (3, 4, 5, 6, 8, 10, 12)),
    "week": (PricePeriod.WEEK, (65, 75, 85, 95, 110, 130)),
    "year": (PricePeriod.YEAR, (10, 15, 20, 25, 30)),
    "once": (PricePeriod.ONCE, (5, 8, 10, 15, 20, 25, 35)),
}
PERIOD_WORDS = {
    PricePeriod.MONTH: "al mese",
    PricePeriod.COURSE: "per l'intero corso",
    PricePeriod.SESSION: "a ingresso",
    PricePeriod.WEEK: "a settimana",
    PricePeriod.YEAR: "all'anno",
    PricePeriod.ONCE: "una tantum",
}
FUNDERS = ("il Comune di Valdoria", "la Fondazione Valdoria Comunità", "un contributo della Regione", "i soci")
FREE_TEXTS = (
    "Gratuito.",
    "La partecipazione è gratuita grazie al contributo del Comune di Valdoria.",
    "Non si paga nulla: il progetto è sostenuto da {funder}.",
    "Gratuito; è gradita un'offerta libera per sostenere le attività.",
    "Gratuito per tutte e tutti, residenti e non residenti.",
)
PRICE_TEXTS = (
    "La quota è di {amount} {period}.",
    "Costo: {amount} {period}.",
    "{Amount} {period}, da versare {how}.",
    "Si paga {amount} {period}{included}.",
)
PAYMENT_WAYS = ("in segreteria al primo incontro", "con bonifico o PagoPA", "in due rate", "all'iscrizione")
INCLUDED = (", assicurazione compresa", ", materiali compresi", ", merenda compresa", "")
# Reductions: for families with children, and for anybody.
FAMILY_REDUCTIONS = (
    "Riduzione del 10% dal secondo figlio iscritto.",
    "Agevolazioni per le famiglie con ISEE fino a 15.000 euro: chiedi allo sportello sociale.",
    "Si possono usare i voucher sport e cultura del Comune.",
)
REDUCTIONS = (
    "La quota comprende la tessera associativa e l'assicurazione.",
    "Il primo incontro di prova è gratuito.",
    "Sconto del 20% per studenti e per chi ha più di 65 anni.",
    "Nessuno resta fuori per motivi economici: parlane con noi in riservatezza.",
)
QUOTE_TEXTS = (
    "Il costo dipende dal numero di ore: chiedi un preventivo senza impegno.",
    "Tariffa oraria concordata con il Comune; per chi è seguito dai servizi sociali la quota si calcola "
    "sull'ISEE e può essere azzerata.",
)

AUDIENCE_TEMPLATES = (
    "{People} {ages}{experience}.",
    "È pensato per {people} {ages}{experience}.",
    "Possono partecipare {people} {ages}{experience}.",
    "Si rivolge {to_people} {ages}{experience}.",
)
ALL_AGES_TEXTS = (
    "Aperto a tutte e a tutti, di ogni età.",
    "Per tutta la cittadinanza: non ci sono limiti di età.",
    "Adatto a tutte le età; i minori di 14 anni partecipano con un adulto.",
    "Per grandi e piccoli.",
)
EXPERIENCE = ("", "", ", anche alla prima esperienza", ", senza bisogno di esperienza", ", principianti compresi")
AUDIENCE_NOTES = {
    "famiglie": ("I genitori sono benvenuti.", "Si partecipa anche in famiglia, con fratelli e nonni."),
    "stranieri": (
        "Chi parla ancora poco italiano è il benvenuto: ci sono mediatori e materiali semplici.",
        "Non serve parlare bene l'italiano.",
    ),
    "persone-con-disabilita": (
        "Le attività sono adattate per chi ha una disabilità: segnalacelo al momento dell'iscrizione.",
        "Accogliamo persone con disabilità; se serve un accompagnatore, entra gratis.",
    ),
    "caregiver": ("È rivolto anche a chi si prende cura di un familiare.",),
    "anziani": ("Il ritmo è tranquillo e adatto alle persone anziane.",),
}

HOW_TEXTS = {
    "register": (
        "Iscriviti compilando il modulo online; ti ricontattiamo entro pochi giorni per confermare il posto.",
        "Per iscriverti passa in segreteria {place} oppure scrivi a {email}.",
        "Le iscrizioni si raccolgono per telefono al {phone} o via email a {email}. Se i posti sono finiti, "
        "entri in lista d'attesa.",
        "Compila il modulo di iscrizione e consegnalo {place}; puoi anche mandarlo firmato a {email}.",
    ),
    "book": (
        "Prenotazione obbligatoria al {phone} o a {email}: i posti sono limitati.",
        "Prenota il tuo posto scrivendo a {email}; riceverai una conferma.",
        "Si prenota {place} oppure al {phone}, fino a esaurimento dei posti.",
    ),
    "free_entry": (
        "Non serve iscriversi: basta presentarsi all'orario di inizio.",
        "Ingresso libero fino a esaurimento dei posti.",
        "Accesso libero. Per i gruppi è gradita una telefonata al {phone}.",
    ),
    Kind.SERVICE: (
        "Chiama il {phone} o presentati {place} negli orari di apertura: un operatore ti spiega come attivare il "
        "servizio.",
        "Prendi appuntamento telefonando al {phone} o scrivendo a {email}; al primo incontro valutiamo insieme "
        "cosa ti serve.",
        "Puoi chiedere il servizio direttamente {place} oppure tramite l'assistente sociale che ti segue.",
    ),
    Kind.SUMMER_CAMP: (
        "Iscrizioni online: si sceglie una o più settimane e si paga con PagoPA. I posti vengono assegnati in "
        "ordine di arrivo, con precedenza ai residenti.",
        "Le iscrizioni si raccolgono {place} o via email a {email}; la settimana prima dell'inizio c'è una "
        "riunione con i genitori.",
    ),
    Kind.VOLUNTEERING: (
        "Scrivi a {email} o chiama il {phone}: ti invitiamo a un primo incontro conoscitivo, senza impegno.",
        "Passa {place} e chiedi di chi coordina i volontari: ti raccontiamo come funziona e scegli tu quanto "
        "tempo dedicare.",
    ),
    Kind.CALL: (
        "La domanda si presenta con il modulo online, accedendo con SPID o CIE. Per aiuto nella compilazione "
        "rivolgiti allo sportello {place}.",
        "Invia la domanda e gli allegati via PEC oppure consegnali a mano {place}. Il testo completo del bando è "
        "sul sito.",
    ),
}
NEEDS = {
    Kind.ACTIVITY: ("Il modulo di iscrizione compilato", "La tessera associativa, che si fa il primo giorno"),
    Kind.SERVICE: (
        "Documento d'identità e tessera sanitaria",
        "ISEE in corso di validità, se chiedi un'agevolazione",
        "Eventuali certificati medici o verbali di invalidità",
    ),
    Kind.EVENT: (),
    Kind.SUMMER_CAMP: (
        "Modulo di iscrizione e delega per chi ritira il bambino",
        "Segnalazione scritta di allergie o diete particolari",
        "Zainetto con borraccia, cappellino e crema solare",
    ),
    Kind.VOLUNTEERING: (
        "Maggiore età, oppure il consenso dei genitori per chi ha 16 o 17 anni",
        "Un breve colloquio conoscitivo",
        "La copertura assicurativa è a carico dell'associazione",
    ),
    Kind.CALL: (
        "Modulo di domanda compilato e firmato",
        "Documento d'identità di chi firma la domanda",
        "Gli altri allegati indicati nel bando",
    ),
}
# What to bring in some fields of activity, whatever the offer.
AREA_NEEDS = {
    "sport": ("Abbigliamento sportivo e scarpe da ginnastica pulite", "Una borraccia d'acqua"),
    "salute-e-benessere": ("Abbigliamento comodo", "Un asciugamano o un tappetino"),
    "digitale": ("Il proprio cellulare o portatile, se ce l'hai",),
    "ambiente": ("Scarpe comode e una giacca impermeabile",),
}
NOTHING_NEEDED = (
    "Non serve nulla di particolare: basta presentarsi.",
    "Nessun requisito: vieni come sei.",
    "Non servono documenti.",
)
MINORS_FORM = "Per chi ha meno di 18 anni, il modulo di consenso firmato da un genitore"
STATUS_NOTES = {
    "al_completo": "Al momento i posti sono esauriti: lascia il tuo contatto per entrare in lista d'attesa.",
    "sospesa": "L'attività è sospesa fino a nuova comunicazione per lavori nella sede.",
}
SUMMARY_TEMPLATES = (
    "{what}. Per {people}, {when}{at}.",
    "{what}: {when}{at}. Per {people}.",
    "{what}. {When}{at}{free}.",
    "{When}{at}: {what_lower}.",
    "{what}. {When}{at}, per {people}.",
)
# A last sentence of the summary, by what the listing asks: it says what the card does not.
SUMMARY_ENDINGS = {
    "register": (
        "Iscrizione obbligatoria.",
        "Posti limitati: conviene iscriversi presto.",
        "Ci si iscrive in sede o online.",
    ),
    "book": ("Prenotazione obbligatoria.", "Posti limitati, su prenotazione."),
    "free_entry": ("Ingresso libero.", "Non serve iscriversi.", "Basta presentarsi."),
    Kind.SERVICE: ("Per informazioni basta una telefonata.", "Un operatore spiega come accedere.", ""),
    Kind.VOLUNTEERING: ("Si comincia con un incontro conoscitivo.", "Anche poche ore fanno la differenza.", ""),
    Kind.CALL: ("Il testo completo del bando è sul sito.", "Lo sportello aiuta a compilare la domanda.", ""),
    Kind.SUMMER_CAMP: ("Si può scegliere una o più settimane.", "Posti limitati, precedenza ai residenti.", ""),
}
# "alla Palestra comunale San Rocco": the preposition and article before a venue, by the first word of its name.
AT_VENUE = {
    "argine": "all'", "biblioteca": "alla ", "campo": "al ", "casa": "alla ", "centro": "al ", "consultorio": "al ",
    "emporio": "all'", "informagiovani": "all'", "istituto": "all'", "oratorio": "all'", "orti": "agli ",
    "palazzetto": "al ", "palestra": "alla ", "parco": "al ", "piscina": "alla ", "punto": "al ", "sala": "alla ",
    "scuola": "alla ", "spazio": "allo ", "sportello": "allo ", "teatro": "al ",
}  # fmt: skip
ARTICLES = ("Un ", "Una ", "Uno ", "Un'", "Il ", "La ", "Lo ", "Le ", "I ", "Gli ", "L'")


def join_words(words):
    """ "a", "a e b", "a, b e c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} e {words[-1]}"


def paragraphs(*texts):
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts if text)


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in items) + "</ul>"


def cost(rng, key, *, for_children=False):
    """(is_free, price, price period, HTML description) for a cost key of the offers."""
    if key == "free":
        return True, None, "", paragraphs(rng.choice(FREE_TEXTS).format(funder=rng.choice(FUNDERS)))
    if key == "quote":
        return False, None, "", paragraphs(rng.choice(QUOTE_TEXTS))
    period, prices = PRICES[key]
    price = Decimal(rng.choice(prices))
    amount = f"{price} euro"
    text = rng.choice(PRICE_TEXTS).format(
        amount=amount,
        Amount=amount,
        period=PERIOD_WORDS[period],
        how=rng.choice(PAYMENT_WAYS),
        included=rng.choice(INCLUDED),
    )
    reductions = rng.sample(FAMILY_REDUCTIONS if for_children else REDUCTIONS, rng.choice((1, 1, 2)))
    return False, price, period, paragraphs(text, " ".join(reductions))


def ages_phrase(rng, min_age, max_age):
    """ "dai 6 ai 10 anni", "tra gli 11 e i 14 anni", "dai 65 anni in su", "fino a 5 anni"."""
    if min_age is not None and max_age is not None:
        if rng.random() < 0.5:
            return f"tra {_article(min_age)}{min_age} e {_article(max_age)}{max_age} anni"
        return f"{_contract('da', min_age)} {_contract('a', max_age)} anni"
    if min_age is not None:
        return rng.choice((f"{_contract('da', min_age)} anni in su", f"con almeno {min_age} anni"))
    if max_age is not None:
        return f"fino a {max_age} {'anno' if max_age == 1 else 'anni'}"
    return ""


def people(min_age, max_age):
    """Who the ages describe, in the words a listing would use."""
    low, high = min_age or 0, 120 if max_age is None else max_age
    if high <= 11:
        return "bambine e bambini"
    if high <= 19:
        return "ragazze e ragazzi" if low >= 11 else "bambini e ragazzi"
    if high <= 30:
        return "ragazze, ragazzi e giovani adulti"
    if low >= 60:
        return "persone anziane"
    if low >= 18:
        return "adulti"
    return "ragazzi e adulti"


def audience_description(rng, *, offer, min_age, max_age):
    if offer.who:
        first = f"{offer.who}."
    elif min_age is None and max_age is None:
        first = rng.choice(ALL_AGES_TEXTS)
    else:
        template = rng.choice(AUDIENCE_TEMPLATES)
        experience = rng.choice(EXPERIENCE) if offer.kind == Kind.ACTIVITY else ""
        who = people(min_age, max_age)
        first = template.format(
            People=who[:1].upper() + who[1:],
            people=who,
            to_people=("ad " if who[0] in "aeiou" else "a ") + who,
            ages=ages_phrase(rng, min_age, max_age),
            experience=experience,
        )
    notes = [rng.choice(AUDIENCE_NOTES[slug]) for slug in offer.audiences if slug in AUDIENCE_NOTES]
    return paragraphs(first, " ".join(notes[:2]))


def how_to_take_part(rng, *, kind, registration_required, contact):
    return paragraphs(rng.choice(HOW_TEXTS[take_part_key(kind, registration_required)]).format(**contact))


def requirements(rng, *, offer, min_age, area):
    items = list(offer.needs)
    pool = NEEDS[offer.kind] + (AREA_NEEDS.get(area, ()) if offer.kind in (Kind.ACTIVITY, Kind.SUMMER_CAMP) else ())
    if pool:
        items += rng.sample(pool, rng.randint(0, min(2, len(pool))))
    if min_age is not None and min_age < 18 and offer.kind in (Kind.ACTIVITY, Kind.SUMMER_CAMP):
        items.append(MINORS_FORM)
    items = list(dict.fromkeys(items))
    if not items:
        return paragraphs(rng.choice(NOTHING_NEEDED))
    if len(items) == 1:
        return paragraphs(f"{items[0]}.")
    return bullet_list(items)


def timing(*, when, status):
    return paragraphs(when.details, STATUS_NOTES.get(status, ""))


def at_places(places, where):
    """ "alla Piscina comunale", "alla Palestra comunale San Rocco e al Palazzetto dello sport"; else the district."""
    phrases = []
    for place in places:
        name = place.name.split(" (")[0]
        article = AT_VENUE.get(name.split()[0].lower())
        if article is None:  # an organization's own seat: the district says more than "nella sede"
            return where
        phrases.append(f"{article}{name}")
    return join_words(phrases) if phrases else where


def summary(rng, *, what, min_age, max_age, when, at, is_free, take_part, limit=280):
    """The card's text: what it is (`what`, one of the offer's descriptions), when and where, for whom, and
    sometimes what it asks (`take_part`, a key of SUMMARY_ENDINGS)."""
    who = people(min_age, max_age)
    ages = ages_phrase(rng, min_age, max_age)
    values = {
        "what": what,
        "what_lower": what[:1].lower() + what[1:] if what.startswith(ARTICLES) else what,
        "people": f"{who} {ages}".strip() if ages else "tutte le età",
        "when": when.summary,
        "When": when.summary[:1].upper() + when.summary[1:],
        "at": f" {at}" if at else "",
        "free": ", gratis" if is_free else "",
    }
    templates = [
        template
        for template in SUMMARY_TEMPLATES
        if (":" not in what or "}:" not in template) and ("{what_lower}" not in template or what.startswith(ARTICLES))
    ]
    text = rng.choice(templates).format(**values)
    ending = rng.choice(SUMMARY_ENDINGS.get(take_part, ("",)))
    if ending and rng.random() < 0.6 and len(text) + len(ending) < limit:
        text = f"{text} {ending}"
    if len(text) > limit:
        text = f"{what}. {values['When']}{values['at']}."
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def take_part_key(kind, registration_required):
    """How one takes part, as HOW_TEXTS and SUMMARY_ENDINGS key it."""
    if kind in (Kind.SERVICE, Kind.SUMMER_CAMP, Kind.VOLUNTEERING, Kind.CALL):
        return kind
    if registration_required:
        return "book" if kind == Kind.EVENT else "register"
    return "free_entry"


def _article(number):
    if number == 1:
        return "l'"
    if number in (8, 11) or 80 <= number <= 89:
        return "gli "
    return "i "


def _contract(preposition, number):
    """ "da" + 6 -> "dai 6"; "da" + 11 -> "dagli 11"; "a" + 1 -> "all'1"; "da" + 0 -> "da 0"."""
    if number == 0:
        return f"{preposition} 0"
    article = _article(number)
    if article == "l'":
        return f"{preposition}ll'{number}"
    return {"i ": f"{preposition}i ", "gli ": f"{preposition}gli "}[article] + str(number)
