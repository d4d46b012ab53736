"""The organizations of Valdoria: a hand-written core, and a generator for large benchmark catalogues."""

import itertools
import random
from dataclasses import dataclass

from django.utils.text import slugify

from home.demo.town import DISTRICTS, DOMAIN
from organizations.models import LegalForm


@dataclass(frozen=True)
class OrgSpec:
    name: str
    short: str  # a short handle for the web domain and the editors' user name
    legal_form: str
    district: str
    categories: tuple[str, ...]  # category slugs, sub-categories preferred
    mission: str
    founded: int
    seat: str = ""  # key of a place in town.PLACES; empty means "its own seat, created with it"
    venues: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()  # words in the titles of the only offers it makes (a swimming club swims)

    @property
    def slug(self):
        return slugify(self.name)

    @property
    def domain(self):
        return f"{self.short[:63].strip('-')}.{DOMAIN}"


L = LegalForm
CURATED = (
    # Municipal offices and other public bodies.
    OrgSpec("Informagiovani di Valdoria", "informagiovani", L.PUBLIC, "Centro storico",
            ("orientamento-scolastico", "curriculum-e-colloqui", "servizio-civile", "spazi-giovani",
             "lavoro-e-orientamento"),
            "Orienta ragazze e ragazzi tra scuola, lavoro, viaggi e volontariato, con consulenze gratuite e "
            "una bacheca sempre aggiornata", 1991, "informagiovani", ("spazio-giovani",)),
    OrgSpec("Biblioteca civica Palazzo Manin", "biblioteca", L.PUBLIC, "Centro storico",
            ("biblioteche", "lettura", "alfabetizzazione-digitale", "studio-e-formazione"),
            "Presta libri, film e giochi, organizza letture per ogni età e aiuta chi muove i primi passi con il "
            "computer", 1962, "biblioteca", ("biblioteca-porta-po",)),
    OrgSpec("Servizi sociali del Comune di Valdoria", "servizisociali", L.PUBLIC, "Centro storico",
            ("domiciliarita", "trasporto-sociale", "caregiver", "sociale-e-assistenza", "sostegno-ai-genitori"),
            "Accompagna persone e famiglie nei momenti difficili con assistenza a domicilio, contributi e "
            "orientamento ai servizi", 1978, "sportello-sociale", ("centro-diurno",)),
    OrgSpec("Ufficio Sport e Tempo libero del Comune", "sport-comune", L.PUBLIC, "Porta Po",
            ("sport", "eventi", "centri-estivi"),
            "Gestisce gli impianti sportivi comunali, coordina i centri estivi e promuove lo sport per tutti",
            1985, "palazzetto", ("piscina", "campo-tre-ponti")),
    OrgSpec("Sportello Lavoro comunale", "lavoro", L.PUBLIC, "Porta Po",
            ("sportello-lavoro", "tirocini", "curriculum-e-colloqui", "lavoro-e-orientamento"),
            "Aiuta chi cerca lavoro a scrivere il curriculum, prepararsi ai colloqui e trovare tirocini nelle "
            "aziende del territorio", 2004, "sportello-lavoro"),
    OrgSpec("Ufficio Partecipazione e Politiche giovanili", "partecipazione", L.PUBLIC, "Centro storico",
            ("partecipazione", "spazi-giovani", "ambiente", "vivere-la-citta"),
            "Coordina il bilancio partecipativo, gli orti urbani e i progetti per i giovani, insieme ai comitati "
            "di quartiere", 2014, "", ("spazio-giovani", "orti-mulino")),
    OrgSpec("Centro per le famiglie", "famiglie", L.PUBLIC, "Borgo Fornaci",
            ("sostegno-ai-genitori", "babysitting", "famiglia-e-genitorialita"),
            "Offre ascolto, consulenze e gruppi di incontro a mamme, papà e nonni, dalla gravidanza "
            "all'adolescenza dei figli", 2009, "centro-famiglie"),
    OrgSpec("Consultorio familiare dell'Azienda sanitaria", "consultorio", L.PUBLIC, "Centro storico",
            ("consultorio", "salute-e-benessere"),
            "Segue la salute di donne, coppie, adolescenti e neogenitori con ostetriche, psicologi e "
            "assistenti sociali", 1976, "consultorio"),
    OrgSpec("Sportello Mondi Vicini", "mondivicini", L.PUBLIC, "San Rocco",
            ("mediazione-linguistica", "italiano-per-stranieri", "lingue-e-integrazione"),
            "Accoglie le persone arrivate da poco in Italia con mediatori linguistici, informazioni e corsi di "
            "italiano", 2011, "sportello-stranieri"),
    OrgSpec("Punto Digitale Facile di Valdoria", "digitale-facile", L.PUBLIC, "Villaggio Sole",
            ("alfabetizzazione-digitale", "digitale"),
            "Aiuta cittadine e cittadini a usare SPID, la carta d'identità elettronica e i servizi online della "
            "pubblica amministrazione", 2023, "punto-digitale"),
    # Associations (APS, ODV) and sport clubs.
    OrgSpec("APS Il Girasole", "girasole", L.APS, "Villaggio Sole",
            ("doposcuola", "centri-estivi", "svago-e-tempo-libero"),
            "Da trent'anni accoglie bambini e ragazzi del quartiere con il doposcuola, i laboratori del sabato e "
            "il centro estivo", 1994, "", ("centro-civico-sole", "istituto-comprensivo")),
    OrgSpec("Polisportiva Valdoria ASD", "polisportiva", L.SPORT, "San Rocco",
            ("sport", "centri-estivi", "salute-e-benessere"),
            "Propone pallavolo, basket, ginnastica e attività motoria per tutte le età, con istruttori "
            "qualificati e quote contenute", 1972, "", ("palestra-san-rocco", "palazzetto")),
    OrgSpec("Nuoto Club Valdoria SSD", "nuoto", L.SPORT, "Villaggio Sole", ("sport", "salute-e-benessere"),
            "Insegna a nuotare a bambini e adulti e propone acquagym e nuoto libero alla piscina comunale",
            1988, "piscina", focus=("nuoto", "acqua")),
    OrgSpec("ASD Pallavolo Porta Po", "pallavolo", L.SPORT, "Porta Po", ("sport",),
            "Squadre giovanili e amatoriali di pallavolo, dal minivolley alla serie D", 1999, "",
            ("palestra-fornaci", "palazzetto"), focus=("volley", "pallavolo")),
    OrgSpec("ASD Atletica Tre Ponti", "atletica", L.SPORT, "Tre Ponti", ("sport", "ambiente"),
            "Corsa, salti e lanci per giovani e adulti, e camminate lungo gli argini aperte a tutti", 1981,
            "campo-tre-ponti", ("argine-ca-bianca",), focus=("atletica", "corsa", "camminate", "nordic")),
    OrgSpec("Scuola di danza Passi Leggeri ASD", "passileggeri", L.SPORT, "Centro storico", ("sport", "arte"),
            "Danza classica, moderna e hip hop per bambine, bambini, ragazzi e adulti", 2006,
            focus=("danza", "hip hop")),
    OrgSpec("Circolo scacchistico Valdoria ASD", "scacchi", L.SPORT, "Centro storico",
            ("svago-e-tempo-libero", "sport"),
            "Insegna gli scacchi nelle scuole e organizza tornei aperti e serate di gioco libero", 1979, "",
            ("biblioteca",), focus=("scacchi", "giochi")),
    OrgSpec("ASD Respiro Yoga", "respiroyoga", L.SPORT, "Borgo Fornaci", ("salute-e-benessere", "sport"),
            "Yoga, ginnastica posturale e meditazione per adulti, anziani e future mamme", 2015, "",
            ("casa-quartiere-fornaci",), focus=("yoga", "ginnastica", "posturale")),
    OrgSpec("ODV Anni d'Argento", "annidargento", L.ODV, "Mulino Vecchio",
            ("trasporto-sociale", "domiciliarita", "volontariato-e-cittadinanza-attiva"),
            "Volontarie e volontari che accompagnano le persone anziane a visite e commissioni e fanno compagnia "
            "a chi vive solo", 2001, "", ("centro-diurno",),
            focus=("accompagn", "telefonate", "trasporto", "navetta", "autista")),
    OrgSpec("ODV Soccorso Amico", "soccorsoamico", L.ODV, "Porta Po",
            ("salute-e-benessere", "volontariato-e-cittadinanza-attiva", "corsi"),
            "Trasporti sanitari, assistenza agli eventi e corsi di primo soccorso per la cittadinanza", 1983,
            focus=("soccorso", "blsd", "salvavita", "screening", "pressione", "volontari")),
    OrgSpec("ODV La Dispensa Solidale", "dispensa", L.ODV, "Tre Ponti",
            ("aiuto-alimentare", "volontariato-e-cittadinanza-attiva"),
            "Raccoglie cibo e beni di prima necessità e li distribuisce alle famiglie in difficoltà attraverso "
            "l'emporio solidale", 2013, "emporio", focus=("emporio", "pacchi", "pranzo", "alimentare")),
    OrgSpec("ODV Ali di Farfalla", "alidifarfalla", L.ODV, "Villaggio Sole",
            ("svago-e-tempo-libero", "sostegno-ai-genitori", "sport"),
            "Organizza sport, gite e tempo libero per ragazzi e adulti con disabilità e sostiene le loro "
            "famiglie", 2008, "", ("centro-civico-sole", "piscina")),
    OrgSpec("Gruppo comunale volontari di protezione civile", "protezionecivile", L.ODV, "Ca' Bianca",
            ("volontariato-e-cittadinanza-attiva", "ambiente", "corsi"),
            "Prepara volontari per le emergenze, presidia gli argini durante le piene e insegna ai ragazzi come "
            "comportarsi in caso di pericolo", 1994, "sala-ca-bianca",
            focus=("soccorso", "argini", "volontari", "pulizia")),
    OrgSpec("APS Scuola di italiano Mondi Vicini", "scuolaitaliano", L.APS, "San Rocco",
            ("italiano-per-stranieri", "mediazione-linguistica"),
            "Insegnanti volontari che tengono corsi di italiano per adulti, con baby parking per chi ha figli "
            "piccoli", 2005, "", ("sportello-stranieri", "centro-civico-sole"),
            focus=("italiano", "mediazione", "mediatori")),
    OrgSpec("APS Teatro del Canale", "teatrodelcanale", L.APS, "Centro storico", ("teatro", "corsi"),
            "Laboratori di teatro per bambini, ragazzi e adulti e una piccola stagione di spettacoli", 1997, "",
            ("teatro",), focus=("teatro",)),
    OrgSpec("Banda cittadina di Valdoria APS", "banda", L.APS, "Centro storico", ("musica", "eventi"),
            "Suona alle feste della città e insegna gratuitamente uno strumento a chi vuole entrare in banda",
            1874, "", ("scuola-musica",), focus=("banda", "concerto", "strumento")),
    OrgSpec("Scuola di musica Villa Ferri APS", "villaferri", L.APS, "San Rocco", ("musica", "corsi"),
            "Lezioni individuali e di gruppo di strumento, canto e propedeutica musicale", 1990,
            "scuola-musica", focus=("chitarra", "pianoforte", "musica")),
    OrgSpec("Coro Voci del Po APS", "vocidelpo", L.APS, "Porta Po", ("musica",),
            "Un coro di quaranta voci che canta musica popolare e d'autore e accoglie nuovi coristi", 2002, "",
            ("biblioteca-porta-po",), focus=("coro", "canta", "concerto")),
    OrgSpec("Circolo fotografico L'Obiettivo APS", "obiettivo", L.APS, "Borgo Fornaci", ("arte", "corsi"),
            "Corsi di fotografia, uscite fotografiche e mostre sul paesaggio del Polesine", 1986, "",
            ("casa-quartiere-fornaci",), focus=("fotograf", "mostra")),
    OrgSpec("Università del tempo libero di Valdoria APS", "utl", L.APS, "Centro storico",
            ("corsi", "cultura", "svago-e-tempo-libero"),
            "Corsi, conferenze e gite culturali per adulti e anziani che hanno voglia di imparare", 1993, "",
            ("biblioteca", "teatro")),
    OrgSpec("APS Amici del Canalbianco", "canalbianco", L.APS, "Ca' Bianca",
            ("ambiente", "eventi", "volontariato-e-cittadinanza-attiva"),
            "Cura gli argini e i sentieri lungo il canale, organizza passeggiate naturalistiche e giornate di "
            "pulizia", 2010, "", ("argine-ca-bianca", "orti-mulino"),
            focus=("argini", "canalbianco", "passeggiat", "riuso", "repair", "volontari")),
    OrgSpec("APS Laboratorio Urbano", "labourbano", L.APS, "Porta Po",
            ("partecipazione", "spazi-giovani", "eventi"),
            "Accompagna i giovani nella progettazione di eventi e spazi della città e facilita i percorsi "
            "partecipativi del Comune", 2016, "spazio-giovani"),
    OrgSpec("Pro Loco Valdoria APS", "proloco", L.APS, "Centro storico",
            ("eventi", "svago-e-tempo-libero", "vivere-la-citta"),
            "Organizza la sagra di settembre, il mercatino di Natale e le visite guidate alla città", 1968),
    OrgSpec("APS Bit&Byte Club", "bitbyte", L.APS, "Villaggio Sole", ("coding", "digitale"),
            "Mentor volontari che insegnano a programmare, costruire robot e usare la rete in modo consapevole",
            2017, "", ("punto-digitale", "istituto-comprensivo"), focus=("coding", "robot", "programm", "scratch")),
    OrgSpec("Lettori ad alta voce", "altavoce", L.INFORMAL, "Porta Po", ("lettura", "biblioteche"),
            "Un gruppo di volontari che legge storie ai bambini in biblioteca, nei parchi e in pediatria", 2018,
            "", ("biblioteca-porta-po", "biblioteca"), focus=("storie", "lettur", "lettori", "libri")),
    OrgSpec("Genitori in rete Porta Po", "genitoriinrete", L.INFORMAL, "Porta Po",
            ("sostegno-ai-genitori", "svago-e-tempo-libero"),
            "Mamme e papà che si organizzano per scambiarsi vestiti, idee e pomeriggi di gioco al parco", 2020,
            "", ("scuola-primaria-po", "parco-fornaci")),
    OrgSpec("Puliamo Valdoria", "puliamovaldoria", L.INFORMAL, "Mulino Vecchio",
            ("ambiente", "volontariato-e-cittadinanza-attiva"),
            "Cittadine e cittadini che un sabato al mese ripuliscono parchi, argini e strade", 2019, "",
            ("parco-fornaci", "argine-ca-bianca"), focus=("pulizia", "puliamo", "riuso", "repair", "volontari")),
    OrgSpec("Comitato di quartiere Villaggio Sole", "comitatosole", L.OTHER, "Villaggio Sole",
            ("partecipazione", "eventi"),
            "Raccoglie le proposte degli abitanti, organizza la festa di quartiere e segnala al Comune cosa non "
            "va", 1999, "centro-civico-sole"),
    # Social cooperatives, social enterprises and foundations.
    OrgSpec("Cooperativa sociale Il Melograno", "melograno", L.SOCIAL_COOPERATIVE, "Borgo Fornaci",
            ("domiciliarita", "caregiver", "centri-estivi", "babysitting"),
            "Cooperativa di tipo A: assistenza domiciliare, servizi per l'infanzia e centri estivi in "
            "convenzione con il Comune", 1992, "", ("casa-quartiere-fornaci", "scuola-primaria-po")),
    OrgSpec("Cooperativa sociale La Fattoria del Mulino", "fattoriamulino", L.SOCIAL_COOPERATIVE,
            "Mulino Vecchio", ("ambiente", "tirocini", "svago-e-tempo-libero", "centri-estivi"),
            "Cooperativa di tipo B: coltiva ortaggi biologici con persone in percorsi di inserimento lavorativo e "
            "apre la fattoria alle scuole", 2003, "", ("orti-mulino",)),
    OrgSpec("Cooperativa sociale Spazio Aperto", "spazioaperto", L.SOCIAL_COOPERATIVE, "Porta Po",
            ("spazi-giovani", "doposcuola", "mediazione-linguistica"),
            "Educatori di strada, centri di aggregazione e supporto allo studio per preadolescenti e adolescenti",
            1998, "", ("spazio-giovani", "centro-civico-santa-lucia")),
    OrgSpec("Ludoteca Girotondo cooperativa sociale", "girotondo", L.SOCIAL_COOPERATIVE, "San Rocco",
            ("svago-e-tempo-libero", "famiglia-e-genitorialita", "babysitting"),
            "Spazio gioco per i più piccoli con i loro genitori e nonni, feste e laboratori creativi", 2007),
    OrgSpec("Officina Digitale impresa sociale", "officinadigitale", L.SOCIAL_ENTERPRISE, "Villaggio Sole",
            ("coding", "alfabetizzazione-digitale", "corsi"),
            "Corsi di informatica per tutte le età e assistenza digitale a chi è rimasto indietro", 2019,
            "", ("punto-digitale",)),
    OrgSpec("Fondazione Casa Manin", "casamanin", L.FOUNDATION, "Centro storico",
            ("arte", "musica", "eventi", "cultura"),
            "Custodisce la collezione d'arte di Palazzo Manin e organizza mostre, concerti e laboratori per le "
            "scuole", 1958, "", ("teatro", "biblioteca")),
    OrgSpec("Fondazione Valdoria Comunità", "fondazionecomunita", L.FOUNDATION, "Centro storico",
            ("partecipazione", "volontariato-e-cittadinanza-attiva", "sociale-e-assistenza"),
            "Raccoglie donazioni e le redistribuisce con bandi a sostegno dei progetti delle associazioni locali",
            2012),
    # Parishes.
    OrgSpec("Parrocchia di San Rocco", "sanrocco", L.RELIGIOUS, "San Rocco",
            ("centri-estivi", "doposcuola", "aiuto-alimentare", "svago-e-tempo-libero"),
            "Anima l'oratorio, il GrEst estivo e il centro di ascolto per le famiglie in difficoltà", 1921,
            "oratorio-san-rocco"),
    OrgSpec("Parrocchia di Santa Lucia", "santalucia", L.RELIGIOUS, "Santa Lucia",
            ("centri-estivi", "eventi", "domiciliarita"),
            "Punto di ritrovo della frazione: oratorio, festa patronale e visite agli anziani soli", 1934,
            "oratorio-santa-lucia"),
)  # fmt: skip

# Editors of these two associations get demo accounts.
EDITOR_ORGANIZATIONS = ("girasole", "polisportiva")


def organization_specs(count):
    """The curated organizations, then generated ones up to `count`, all with distinct names."""
    specs = list(CURATED)
    taken = {spec.name for spec in specs} | {spec.short for spec in specs}
    number = 0
    while len(specs) < count:
        number += 1
        spec = _generated_spec(random.Random(f"valdoria-org-{number}"), taken)
        taken.update((spec.name, spec.short))
        specs.append(spec)
    return specs


# Generated organizations: a legal form, a name pattern and the fields they usually work in.
NAME_WORDS = (
    "Il Ponte",
    "La Lanterna",
    "Arcobaleno",
    "Il Faro",
    "La Quercia",
    "Il Mosaico",
    "Radici",
    "Il Cerchio",
    "La Bussola",
    "Sottosopra",
    "Il Sorriso",
    "Terra Nuova",
    "L'Aquilone",
    "Il Granaio",
    "La Tana",
    "Le Ali",
    "Filo Rosso",
    "La Rondine",
    "Il Seme",
    "Orizzonti",
    "La Corte",
    "Il Glicine",
    "Mani Tese",
    "Porte Aperte",
)
SPORTS = (
    "Pallavolo",
    "Basket",
    "Calcio",
    "Tennis",
    "Ciclismo",
    "Judo",
    "Karate",
    "Rugby",
    "Ginnastica ritmica",
    "Pattinaggio",
    "Tiro con l'arco",
    "Canottaggio",
    "Scherma",
    "Nordic walking",
    "Arrampicata",
    "Badminton",
)
SAINTS = (
    "San Giuseppe",
    "San Francesco",
    "Sant'Antonio",
    "San Michele",
    "Santa Maria Assunta",
    "San Giovanni Battista",
    "San Martino",
    "Santa Rita",
    "San Bartolomeo",
    "Sant'Anna",
)
PATTERNS = (
    (L.APS, "APS {word}", ("svago-e-tempo-libero", "eventi", "doposcuola", "lettura", "teatro", "arte")),
    (L.APS, "Associazione culturale {word}", ("cultura", "musica", "arte", "corsi", "lettura")),
    (L.ODV, "ODV {word}", ("volontariato-e-cittadinanza-attiva", "domiciliarita", "aiuto-alimentare", "caregiver")),
    (L.SPORT, "ASD {sport} {district}", ("sport", "salute-e-benessere", "centri-estivi")),
    (L.SPORT, "SSD {sport} Valdoria", ("sport", "centri-estivi")),
    (L.SOCIAL_COOPERATIVE, "Cooperativa sociale {word}", ("domiciliarita", "babysitting", "tirocini", "spazi-giovani")),
    (L.SOCIAL_ENTERPRISE, "{word} impresa sociale", ("coding", "alfabetizzazione-digitale", "sportello-lavoro")),
    (L.FOUNDATION, "Fondazione {word}", ("cultura", "partecipazione", "sociale-e-assistenza")),
    (L.RELIGIOUS, "Parrocchia di {saint}", ("centri-estivi", "svago-e-tempo-libero", "aiuto-alimentare")),
    (L.INFORMAL, "Gruppo {word} di {district}", ("ambiente", "sostegno-ai-genitori", "partecipazione")),
    (L.APS, "APS Lingue {word}", ("italiano-per-stranieri", "mediazione-linguistica", "lingue-e-integrazione")),
    (L.OTHER, "Comitato {district} {word}", ("eventi", "partecipazione", "vivere-la-citta")),
)  # fmt: skip
MISSIONS = (
    "Nata dall'iniziativa di un gruppo di {people} {where}, propone attività aperte a tutti",
    "Lavora {where} da molti anni, con volontari e operatori che conoscono bene il territorio",
    "Mette in rete famiglie, scuole e servizi {where} per non lasciare indietro nessuno",
    "Organizza iniziative {where} e collabora con il Comune e le altre associazioni della città",
)
PEOPLE = ("genitori", "amici", "insegnanti", "abitanti del quartiere", "ex allievi", "pensionati")


def _generated_spec(rng, taken):
    legal_form, pattern, categories = rng.choice(PATTERNS)
    district = rng.choice(DISTRICTS)
    sport = rng.choice(SPORTS)
    name = pattern.format(word=rng.choice(NAME_WORDS), sport=sport, saint=rng.choice(SAINTS), district=district.name)
    name = _distinct_name(name, district.name, taken)
    mission = rng.choice(MISSIONS).format(people=rng.choice(PEOPLE), where=district.locative)
    return OrgSpec(
        name=name,
        short=slugify(name),
        legal_form=legal_form,
        district=district.name,
        categories=tuple(rng.sample(categories, k=min(len(categories), rng.randint(2, 3)))),
        mission=mission,
        founded=rng.randint(1950, 2024),
        focus=(sport.lower(),) if "{sport}" in pattern else (),
    )


def _distinct_name(name, district, taken):
    """Real towns tell namesakes apart by where they are, then by number ("sezione 2")."""
    located = name if district in name else f"{name} – {district}"
    numbered = (f"{located} (sezione {number})" for number in itertools.count(2))
    candidates = itertools.chain((name, located), numbered)
    return next(candidate for candidate in candidates if candidate not in taken and slugify(candidate) not in taken)
