"""What Valdoria's organizations offer, category by category: the raw material of the demo's listings.

Each offer is a recurring shape of a real listing (a kind, who it is for, what
it costs, when it happens) with a few ways to title it. The writing module
turns an offer into the page's summary and sections.

What a title promises (fits.WORDS: "serale", "di Natale", "in biblioteca"...)
is read from it; an offer declares in `fit` what its description promises
("una mattina di pulizia": MORNING) or what its kind of event needs (fairs in
the open air: OUTDOORS). The schedule and the venue then keep both.
"""

from dataclasses import dataclass, replace
from functools import cached_property

from home.demo.fits import NONE, SEASONS, Fit, fit_for
from opportunities.models import Kind
from organizations.models import LegalForm

ALL_AGES = (None, None)


@dataclass(frozen=True)
class Offer:
    titles: tuple[str, ...]
    kind: str
    what: str  # one plain sentence, without the final full stop
    ages: tuple[int | None, int | None] = ALL_AGES
    cost: str = "free"  # a key of writing.COSTS
    when: str = "afternoon"  # a key of dates.SHAPES
    audiences: tuple[str, ...] = ()  # audience slugs beyond those the ages imply
    needs: tuple[str, ...] = ()  # what to bring or hand in, beyond the usual for the kind
    languages: tuple[str, ...] = ()  # language codes beyond Italian
    access: tuple[str, ...] = ()  # accessibility feature slugs beyond the venue's
    who: str = ""  # replaces the generated "who is it for" sentence
    by: tuple[str, ...] = ()  # legal forms of the organizations that offer it; empty means any
    fit: Fit = NONE  # what every title of it promises, beyond the words of each (see the module's docstring)
    also: tuple[str, ...] = ()  # other ways to say `what`, so that two organizations do not write the same words

    def offered_by(self, legal_form):
        return not self.by or legal_form in self.by

    @property
    def descriptions(self):
        return (self.what, *self.also)

    @cached_property
    def fits(self):
        """What each title promises, in the order of `titles`."""
        return tuple(fit_for(self, title) for title in self.titles)


A, S, E, C, V, B = Kind.ACTIVITY, Kind.SERVICE, Kind.EVENT, Kind.SUMMER_CAMP, Kind.VOLUNTEERING, Kind.CALL
DISABILITY = "persone-con-disabilita"
ADAPTED = "attivita-adattate-per-persone-con-disabilita"
EASY_READ = "materiali-in-lingua-facile"
LIS = "interprete-lis-su-richiesta"
ASSOCIATIONS = "Associazioni, organizzazioni di volontariato, cooperative sociali e gruppi informali con sede o attività a Valdoria"  # noqa: E501
MORNING, LUNCH, AFTERNOON, EVENING = (Fit(time=time) for time in ("morning", "lunch", "afternoon", "evening"))
DAY, DAYTIME = Fit(time="day"), Fit(time="daytime")
OUTDOORS = Fit(season=SEASONS["bella stagione"])
SUMMER = Fit(season=SEASONS["estate"])


def at(*words):
    """Takes place in a venue whose name contains one of these words."""
    return Fit(place=words)


MEDICAL = "Certificato medico per attività sportiva non agonistica"
FORM = "Modulo di iscrizione firmato da un genitore"

OFFERS = {
    "studio-e-formazione": (
        Offer(("Aula studio aperta", "Aula studio serale", "Aula studio per universitari"), S,
              "Un'aula silenziosa con wi-fi, prese e lampade per studiare da soli o in piccoli gruppi",
              (14, None), when="desk", needs=("Un documento per la registrazione al primo accesso",)),
        Offer(("Preparazione all'esame di terza media", "Ripasso per l'esame di terza media"), A,
              "Ripasso di italiano, matematica e inglese in piccoli gruppi, con simulazioni delle prove scritte",
              (12, 14), "course", "course"),
        Offer(("Metodo di studio: impara a imparare", "Laboratorio sul metodo di studio"), A,
              "Incontri per organizzare il tempo, prendere appunti e preparare le interrogazioni con meno "
              "ansia", (11, 16), "once", "course"),
    ),
    "doposcuola": (
        Offer(("Doposcuola per la scuola primaria", "Aiuto compiti per le elementari", "Compiti insieme"), A,
              "Aiuto nei compiti in piccoli gruppi, seguiti da educatori e volontari, con una merenda a metà "
              "pomeriggio", (6, 10), "month", "afternoon", needs=("Il diario e i libri del giorno",)),
        Offer(("Doposcuola medie", "Spazio compiti per le medie", "Studiamo insieme: doposcuola 11-14"), A,
              "Un pomeriggio tranquillo per fare i compiti, chiedere aiuto su matematica e inglese e preparare "
              "le verifiche", (11, 14), "month", "afternoon"),
        Offer(("Supporto allo studio per ragazzi con DSA", "Tutor DSA: studiare con gli strumenti giusti"), A,
              "Tutor formati sui disturbi specifici dell'apprendimento insegnano a usare mappe, sintesi vocale e "
              "strumenti compensativi", (8, 16), "month", "afternoon", access=(ADAPTED,),
              needs=("Copia del piano didattico personalizzato, se c'è",)),
        Offer(("Compiti in biblioteca con i volontari", "Aiuto compiti gratuito in biblioteca"), A,
              "Volontari ed ex insegnanti aiutano a fare i compiti, gratis, nella sala ragazzi della biblioteca",
              (6, 14), "free", "afternoon", audiences=("stranieri",), fit=at("biblioteca")),
    ),
    "orientamento-scolastico": (
        Offer(("Che scuola farò? Incontri di orientamento", "Orientamento alla scelta delle superiori"), E,
              "Incontri con docenti ed ex studenti per conoscere licei, istituti tecnici e professionali prima "
              "delle iscrizioni", (12, 14), "free", "series", audiences=("famiglie",),
              fit=Fit(season=SEASONS["orientamento"])),
        Offer(("Colloqui di orientamento universitario", "Dopo il diploma: colloqui di orientamento"), S,
              "Un orientatore aiuta a confrontare corsi di laurea, ITS e alternative al percorso universitario",
              (17, 25), "free", "appointment"),
        Offer(("Salone dell'orientamento", "Giornata delle scuole aperte"), E,
              "Le scuole superiori e gli enti di formazione della provincia presentano i loro indirizzi tutti "
              "nello stesso posto", (12, 19), "free", "oneoff", audiences=("famiglie",),
              fit=Fit(season=SEASONS["orientamento"])),
    ),
    "corsi": (
        Offer(("Corso di inglese per adulti", "Inglese base: conversazione", "English conversation club"), A,
              "Lezioni di conversazione in piccoli gruppi, per chi vuole cavarsela in viaggio e al lavoro",
              (18, None), "course", "evening", languages=("en",)),
        Offer(("Corso di primo soccorso per cittadini", "BLSD: impara a usare il defibrillatore"), A,
              "Istruttori certificati insegnano le manovre salvavita e l'uso del defibrillatore, con prove "
              "pratiche sui manichini", (14, None), "once", "course"),
        Offer(("Cucina senza sprechi", "Corso di cucina di base"), A,
              "Ricette semplici e di stagione per cucinare bene spendendo poco e senza buttare il cibo",
              (16, None), "course", "evening"),
        Offer(("Corso di cucito e piccole riparazioni", "Ago e filo: laboratorio di cucito"), A,
              "Si impara a usare la macchina da cucire, fare orli, attaccare bottoni e rimettere a nuovo i capi",
              (14, None), "course", "afternoon"),
        Offer(("Corso di spagnolo per principianti", "Spagnolo in pratica"), A,
              "Lezioni di lingua e cultura spagnola, con dialoghi di tutti i giorni e una serata di cinema in "
              "lingua", (16, None), "course", "evening", languages=("es",)),
    ),
    "lavoro-e-orientamento": (
        Offer(("Bacheca delle offerte di lavoro", "Offerte di lavoro del territorio"), S,
              "Annunci di lavoro verificati delle aziende della zona, consultabili allo sportello e online",
              (16, None), "free", "desk"),
        Offer(("Incontri con le aziende del territorio", "Recruiting day a Valdoria"), E,
              "Le aziende presentano le figure che cercano, fanno brevi colloqui e raccolgono i curriculum",
              (18, None), "free", "oneoff", fit=DAYTIME),
    ),
    "sportello-lavoro": (
        Offer(("Sportello lavoro: consulenza individuale", "Consulenza orientativa al lavoro"), S,
              "Un colloquio con un'orientatrice per fare il punto sulle proprie competenze e decidere i passi "
              "successivi", (16, None), "free", "appointment", languages=("en", "fr")),
        Offer(("Rientro al lavoro dopo una pausa", "Sportello donne e lavoro"), S,
              "Consulenze e piccoli gruppi per chi torna a cercare lavoro dopo anni dedicati alla famiglia",
              (25, None), "free", "appointment"),
    ),
    "tirocini": (
        Offer(("Tirocini di orientamento per giovani", "Tirocini retribuiti nelle aziende di Valdoria"), S,
              "Tirocini di tre-sei mesi in aziende ed enti del territorio, con rimborso mensile e un tutor che "
              "segue il percorso", (18, 29), "free", "appointment"),
        Offer(("Tirocini di inclusione", "Percorsi di inserimento lavorativo"), S,
              "Percorsi di lavoro accompagnato per persone seguite dai servizi sociali o con disabilità",
              (18, None), "free", "appointment", audiences=(DISABILITY,), access=(ADAPTED,)),
    ),
    "curriculum-e-colloqui": (
        Offer(("Laboratorio: scrivi il tuo curriculum", "Curriculum che funzionano"), A,
              "In pochi incontri si prepara un curriculum chiaro e una lettera di presentazione su misura",
              (16, None), "free", "series"),
        Offer(("Simulazioni di colloquio di lavoro", "Allenati al colloquio"), A,
              "Prove di colloquio con selezionatori veri, che alla fine danno consigli personali",
              (18, None), "free", "series"),
        Offer(("Cercare lavoro online", "LinkedIn e portali di lavoro: istruzioni per l'uso"), A,
              "Come creare un profilo efficace, rispondere agli annunci e difendersi dalle offerte truffa",
              (18, None), "free", "course"),
    ),
    "servizio-civile": (
        Offer(("Servizio civile universale: posti a Valdoria", "Bando di servizio civile"), B,
              "Dodici mesi di impegno retribuito in biblioteca, nei servizi sociali e nelle associazioni della "
              "città", (18, 28), "free", "call",
              needs=("Domanda online con SPID sulla piattaforma nazionale", "Curriculum vitae")),
        Offer(("Incontro informativo sul servizio civile", "Servizio civile: come funziona"), E,
              "Ragazze e ragazzi in servizio raccontano la loro esperienza e spiegano come candidarsi",
              (18, 28), "free", "oneoff"),
    ),
    "sport": (
        Offer(("Minivolley", "Minivolley per bambine e bambini", "Primi passi nella pallavolo"), A,
              "Partite e giochi con la palla per imparare i fondamentali della pallavolo divertendosi",
              (6, 10), "month", "afternoon", needs=(MEDICAL,)),
        Offer(("Pallavolo under 14", "Pallavolo giovanile"), A,
              "Allenamenti di tecnica e squadra, con partite nel campionato provinciale",
              (11, 14), "month", "afternoon", needs=(MEDICAL,)),
        Offer(("Minibasket", "Basket per bambini"), A,
              "Palleggi, passaggi e tiri a canestro in piccoli gruppi, con istruttori federali",
              (6, 11), "month", "afternoon", needs=(MEDICAL,)),
        Offer(("Corso di nuoto per bambini", "Scuola nuoto bambini", "Acquaticità per i più piccoli"), A,
              "Corsi a livelli, dall'ambientamento in acqua ai quattro stili, in vasca piccola e grande",
              (4, 10), "course", "weekend", needs=("Cuffia, occhialini e ciabatte", MEDICAL), fit=at("piscina")),
        Offer(("Nuoto per adulti", "Corso di nuoto adulti"), A,
              "Per chi non ha mai imparato a nuotare o vuole migliorare la tecnica, in corsie riservate",
              (18, None), "course", "evening", needs=("Cuffia, occhialini e ciabatte",), fit=at("piscina")),
        Offer(("Acquagym", "Acquagym dolce"), A,
              "Esercizi in acqua a ritmo di musica, per tonificare senza affaticare le articolazioni",
              (18, None), "session", "morning", fit=at("piscina")),
        Offer(("Ginnastica dolce per over 65", "Ginnastica della terza età", "Muoversi per stare bene"), A,
              "Esercizi di mobilità, equilibrio e respirazione per mantenersi in forma con una guida attenta",
              (65, None), "month", "morning", needs=("Certificato del medico di famiglia",)),
        Offer(("Atletica leggera giovanile", "Corsa, salti e lanci"), A,
              "Allenamenti su pista per scoprire tutte le specialità dell'atletica e partecipare alle gare "
              "giovanili", (8, 15), "month", "afternoon", needs=(MEDICAL,)),
        Offer(("Nordic walking lungo gli argini", "Camminate di gruppo"), A,
              "Camminate con i bastoncini, con istruttore, per tutti i livelli",
              (18, None), "free", "weekend", needs=("Scarpe da trekking o da corsa",)),
        Offer(("Torneo di calcetto di quartiere", "Torneo estivo di calcio a cinque"), E,
              "Squadre miste di quartiere si sfidano in un torneo a eliminazione, con premiazione finale",
              (14, 29), "once", "festival", fit=OUTDOORS),
        Offer(("Basket in carrozzina", "Sport insieme: basket integrato"), A,
              "Allenamenti di basket in carrozzina aperti anche a chi cammina: si gioca tutti seduti",
              (10, None), "free", "afternoon", audiences=(DISABILITY,), access=(ADAPTED,)),
        Offer(("Hip hop per ragazzi", "Corso di danza hip hop"), A,
              "Coreografie, ritmo e improvvisazione con insegnanti giovani e un saggio di fine anno",
              (10, 18), "month", "afternoon"),
        Offer(("Karate per bambini", "Judo per bambini"), A,
              "Arti marziali come gioco: equilibrio, rispetto delle regole e fiducia in sé stessi",
              (5, 12), "month", "afternoon", needs=(MEDICAL,)),
        Offer(("Festa dello sport", "Open day delle società sportive"), E,
              "Le società sportive della città fanno provare gratis le loro discipline, a chi vuole cominciare",
              ALL_AGES, "free", "oneoff", audiences=("famiglie",), fit=OUTDOORS & DAYTIME),
        Offer(("Camp multisport", "Summer camp sportivo"), C,
              "Settimane di sport diversi ogni giorno, piscina e giochi all'aperto con istruttori qualificati",
              (6, 13), "week", "summer", needs=(MEDICAL, "Costume, cuffia e cambio")),
    ),
    "cultura": (
        Offer(("Visite guidate a Palazzo Manin", "Palazzo Manin a porte aperte"), E,
              "Una visita alle sale affrescate e alla collezione di quadri del palazzo, con una guida",
              ALL_AGES, "session", "series", fit=at("palazzo manin")),
        Offer(("Cineforum del giovedì", "Cineforum d'autore"), A,
              "Un film d'autore ogni settimana, introdotto da un critico e seguito da una discussione libera",
              (16, None), "session", "evening"),
        Offer(("Conferenze di storia locale", "Valdoria nel Novecento: ciclo di incontri"), E,
              "Storici e testimoni raccontano la città, le fornaci e le alluvioni del Polesine",
              ALL_AGES, "free", "series", access=(LIS,)),
    ),
    "musica": (
        Offer(("Musica in fasce", "Musica per i piccolissimi"), A,
              "Canti, ritmi e strumenti da toccare per bambini sotto i tre anni insieme a un genitore",
              (0, 3), "course", "weekend", audiences=("famiglie",)),
        Offer(("Chitarra per principianti", "Corso di chitarra", "Corso di pianoforte"), A,
              "Lezioni in piccoli gruppi per suonare i primi brani in pochi mesi, anche senza saper leggere la "
              "musica", (10, None), "month", "evening"),
        Offer(("Entra in banda: corso di strumento gratuito", "Scuola allievi della banda"), A,
              "Lezioni gratuite di strumento a fiato o percussioni; lo strumento lo presta la banda",
              (8, 18), "free", "afternoon"),
        Offer(("Coro aperto: cerchiamo nuove voci", "Canta con noi"), A,
              "Prove settimanali di canto corale, senza audizione: basta la voglia di cantare insieme",
              (16, None), "year", "evening"),
        Offer(("Concerto di Natale", "Concerto di primavera in piazza"), E,
              "Il concerto della banda e del coro cittadino, con musiche della tradizione e colonne sonore",
              ALL_AGES, "free", "oneoff"),
        Offer(("Concerti d'estate nel cortile", "Musica nel chiostro"), E,
              "Serate di musica dal vivo nel cortile di Palazzo Manin: jazz, classica e cantautori",
              ALL_AGES, "session", "series", fit=EVENING & SUMMER & at("palazzo manin")),
    ),
    "teatro": (
        Offer(("Laboratorio di teatro per bambini", "Giocare al teatro"), A,
              "Giochi di espressione, voce e movimento che portano a un piccolo spettacolo finale",
              (7, 11), "course", "afternoon"),
        Offer(("Teatro per adolescenti", "Laboratorio teatrale under 18"), A,
              "Improvvisazione, scrittura di scena e recitazione per mettersi in gioco con il gruppo",
              (14, 18), "month", "afternoon"),
        Offer(("Laboratorio teatrale per adulti", "Teatro serale per adulti"), A,
              "Un percorso di un anno che si chiude con uno spettacolo al Teatro Sociale",
              (18, None), "course", "evening"),
        Offer(("Domeniche a teatro per famiglie", "Rassegna di teatro ragazzi"), E,
              "Spettacoli per bambini e genitori la domenica pomeriggio, con compagnie da tutta Italia",
              (3, 10), "session", "series", audiences=("famiglie",), access=(LIS,),
              fit=AFTERNOON & Fit(weekdays=frozenset({6}))),
    ),
    "arte": (
        Offer(("Corso di disegno e acquerello", "Acquerello per principianti"), A,
              "Dalle basi del disegno alla pittura ad acquerello, con uscite a dipingere all'aperto",
              (14, None), "course", "evening", needs=("Il materiale del primo incontro è fornito",)),
        Offer(("Piccoli artisti al museo", "Laboratori d'arte per bambini"), A,
              "Dopo una breve visita alla collezione, i bambini creano la loro opera ispirata ai quadri",
              (5, 11), "session", "weekend", fit=at("palazzo manin")),
        Offer(("Corso di fotografia base", "Fotografia con lo smartphone"), A,
              "Inquadratura, luce e composizione, con esercizi in città e una mostra finale dei lavori",
              (16, None), "course", "evening"),
        Offer(("Mostra fotografica: il Polesine d'inverno", "Mostra: volti di Valdoria"), E,
              "Una mostra di fotografie scattate dai soci del circolo, con visite guidate nel fine settimana",
              ALL_AGES, "free", "festival"),
    ),
    "biblioteche": (
        Offer(("Prestito di libri, film e giochi", "Prestito e consultazione"), S,
              "Si prendono in prestito fino a sei libri, film o giochi da tavolo per un mese, gratis",
              ALL_AGES, "free", "desk", needs=("Documento d'identità per la tessera",), access=(EASY_READ,),
              fit=at("biblioteca")),
        Offer(("Libri a domicilio", "La biblioteca viene a casa tua"), S,
              "I volontari portano e ritirano libri e audiolibri a chi non può muoversi da casa",
              ALL_AGES, "free", "appointment", audiences=("anziani", DISABILITY)),
        Offer(("Visite in biblioteca per le classi", "Biblioteca e scuole"), S,
              "Visite guidate e letture animate per le classi delle scuole dell'infanzia, primarie e medie",
              (3, 13), "free", "appointment"),
    ),
    "lettura": (
        Offer(("Storie in biblioteca", "Letture ad alta voce per bambini", "Il sabato delle storie"), E,
              "Volontari lettori leggono albi illustrati e racconti, seguiti da un piccolo laboratorio",
              (3, 7), "free", "series", audiences=("famiglie",)),
        Offer(("Gruppo di lettura", "Circolo dei lettori"), A,
              "Si sceglie un libro insieme e se ne discute, davanti a un tè",
              (18, None), "free", "evening"),
        Offer(("Piccoli lettori: storie per i più piccoli", "Libri per bebè"), A,
              "Filastrocche e libri cartonati per bambini da zero a tre anni, con i loro genitori",
              (0, 3), "free", "morning", audiences=("famiglie",)),
        Offer(("Maratona di lettura", "Leggiamo tutta la notte"), E,
              "Fino a tarda sera, cittadini di ogni età leggono a turno il libro dell'anno",
              ALL_AGES, "free", "oneoff", fit=EVENING),
    ),
    "svago-e-tempo-libero": (
        Offer(("Laboratori creativi del sabato", "Sabato creativo"), A,
              "Pittura, riciclo creativo e piccole costruzioni, ogni settimana un tema diverso",
              (5, 11), "session", "weekend"),
        Offer(("Gite culturali di un giorno", "In pullman alla scoperta del Veneto"), E,
              "Gite in pullman a città d'arte, ville e musei, con guida e pranzo insieme",
              (18, None), "once", "series", audiences=("anziani",), fit=DAY),
        Offer(("Serate di giochi da tavolo", "Giochi in scatola al circolo"), A,
              "Centinaia di giochi da provare con chi li conosce bene, dai classici alle novità",
              (14, None), "free", "evening"),
        Offer(("Torneo di scacchi aperto", "Torneo rapido di scacchi"), E,
              "Torneo a sette turni aperto a tutti, con premi per i più giovani",
              (8, None), "once", "oneoff"),
        Offer(("Scacchi per bambini", "Corso di scacchi junior"), A,
              "Le regole, le prime strategie e tante partite, anche online con gli amici del corso",
              (7, 12), "course", "afternoon"),
        Offer(("Ludoteca: gioco libero per bambini e genitori", "Spazio gioco 0-6"), S,
              "Uno spazio pieno di giochi per i più piccoli, da vivere insieme a un adulto",
              (0, 6), "session", "desk", audiences=("famiglie",)),
        Offer(("Pomeriggio danzante", "Ballo liscio e merenda"), E,
              "Musica dal vivo, ballo e merenda insieme per chi ama il liscio",
              (60, None), "free", "series", audiences=("anziani",), fit=AFTERNOON),
    ),
    "vivere-la-citta": (
        Offer(("Mercatino del riuso", "Baratto in piazza"), E,
              "Banchetti di oggetti usati da scambiare o vendere a pochi euro, con angolo riparazioni",
              ALL_AGES, "free", "oneoff", fit=OUTDOORS & DAYTIME),
        Offer(("Passeggiate alla scoperta di Valdoria", "La città che non conosci"), E,
              "Passeggiate guidate tra cortili, botteghe e storie dei quartieri",
              ALL_AGES, "free", "series", fit=OUTDOORS),
    ),
    "eventi": (
        Offer(("Sagra di settembre", "Festa di fine estate"), E,
              "Un fine settimana di stand gastronomici, musica, giostre e mercatino",
              ALL_AGES, "free", "festival"),
        Offer(("Mercatino di Natale", "Natale in piazza"), E,
              "Casette di artigiani e associazioni, il presepe vivente e la cioccolata calda per tutti",
              ALL_AGES, "free", "festival"),
        Offer(("Festa di quartiere", "Festa di via"), E,
              "Un pomeriggio di giochi, musica e cena condivisa per conoscere i vicini",
              ALL_AGES, "free", "oneoff", audiences=("famiglie",), fit=AFTERNOON & OUTDOORS),
        Offer(("Notte giovane", "Festival dei giovani di Valdoria"), E,
              "Concerti di band locali, dj set e spazi creativi organizzati dai ragazzi della città",
              (16, 29), "free", "oneoff", fit=EVENING & OUTDOORS),
    ),
    "partecipazione": (
        Offer(("Bilancio partecipativo: proponi un progetto", "Decidi tu: bilancio partecipativo"), B,
              "Chi vive o studia a Valdoria propone come spendere una parte del bilancio comunale, poi si vota",
              (16, None), "free", "call"),
        Offer(("Consiglio comunale dei ragazzi", "Sindaco dei ragazzi"), A,
              "Ragazze e ragazzi delle medie eletti dai compagni discutono proposte per la città con il sindaco",
              (11, 14), "free", "series"),
        Offer(("Assemblea di quartiere", "Incontro pubblico con la Giunta"), E,
              "Il sindaco e gli assessori ascoltano proposte e segnalazioni degli abitanti del quartiere",
              ALL_AGES, "free", "oneoff", access=(LIS,)),
        Offer(("Contributi per i progetti delle associazioni", "Bando per le associazioni"), B,
              "Contributi fino a 5.000 euro per progetti culturali, sportivi e sociali che coinvolgono la "
              "città", ALL_AGES, "free", "call", who=ASSOCIATIONS,
              needs=("Modulo di domanda con il progetto e il piano dei costi", "Statuto dell'associazione")),
    ),
    "spazi-giovani": (
        Offer(("Spazio giovani Il Binario", "Apertura pomeridiana dello spazio giovani"), S,
              "Un posto per stare insieme, suonare, usare i computer e proporre iniziative, con educatori "
              "presenti", (14, 25), "free", "desk", fit=AFTERNOON),
        Offer(("Sala prove per band", "Sala prove musicale"), S,
              "Una sala insonorizzata e attrezzata con batteria e amplificatori, prenotabile a ore",
              (14, 29), "session", "appointment"),
        Offer(("Educativa di strada", "Educatori nei parchi"), S,
              "Educatori che incontrano i ragazzi nei luoghi dove si ritrovano, per ascoltarli e proporre "
              "attività", (11, 19), "free", "evening"),
        Offer(("Laboratorio di podcast", "Radio giovani"), A,
              "Si scrive, registra e monta un podcast sulla città, con microfoni professionali",
              (14, 20), "free", "course"),
        Offer(("Bando idee giovani", "Contributi per progetti di giovani"), B,
              "Fino a 2.000 euro e un tutor per realizzare un'idea di gruppi di giovani per la città",
              (16, 29), "free", "call",
              needs=("Descrizione dell'idea in due pagine", "Almeno tre componenti del gruppo")),
    ),
    "famiglia-e-genitorialita": (
        Offer(("Spazio mamme e bebè", "Primi mesi insieme"), A,
              "Incontri tra neogenitori con un'ostetrica e una pedagogista su allattamento, sonno e pappa",
              ALL_AGES, "free", "morning", audiences=("famiglie", "prima-infanzia"),
              who="Mamme, papà e chi si prende cura di un bimbo nel suo primo anno di vita"),
        Offer(("Festa delle famiglie al parco", "Famiglie in festa"), E,
              "Giochi di una volta, spettacolo di burattini e merenda per genitori e bambini",
              ALL_AGES, "free", "oneoff", audiences=("famiglie",), fit=AFTERNOON & OUTDOORS),
    ),
    "centri-estivi": (
        Offer(("Centro estivo per la scuola dell'infanzia", "Estate piccoli"), C,
              "Giochi all'aperto, laboratori e riposo pomeridiano in un ambiente pensato per i più piccoli",
              (3, 5), "week", "summer", needs=("Cambio completo e cappellino",)),
        Offer(("Centro estivo elementari", "Estate ragazzi", "Centro estivo in città"), C,
              "Giochi, laboratori, piscina una volta a settimana e uscite sul territorio",
              (6, 11), "week", "summer"),
        Offer(("GrEst parrocchiale", "GrEst dell'oratorio"), C,
              "Il gruppo estivo dell'oratorio: giochi a squadre, laboratori, gite e la festa finale",
              (6, 14), "once", "summer"),
        Offer(("Campus estivo in inglese", "Summer English camp"), C,
              "Giochi, sport e teatro guidati da insegnanti madrelingua, tutto in inglese",
              (6, 12), "week", "summer", languages=("en",)),
        Offer(("Centro estivo inclusivo", "Estate per tutti"), C,
              "Un centro estivo con educatori di sostegno, per bambini e ragazzi con e senza disabilità",
              (6, 14), "week", "summer", audiences=(DISABILITY,), access=(ADAPTED,)),
        Offer(("Campo estivo in fattoria", "Estate in fattoria"), C,
              "Animali da accudire, orto, pane fatto in casa e giochi nei campi",
              (6, 12), "week", "summer"),
    ),
    "babysitting": (
        Offer(("Babysitting a domicilio", "Educatrici a domicilio"), S,
              "Educatrici qualificate della cooperativa si prendono cura dei bambini a casa vostra",
              (0, 10), "quote", "appointment"),
        Offer(("Baby parking del sabato", "Sabato al baby parking"), S,
              "Qualche ora di gioco con le educatrici mentre i genitori fanno commissioni",
              (1, 6), "session", "weekend"),
        Offer(("Elenco delle baby sitter formate", "Baby sitter di fiducia"), S,
              "L'elenco delle baby sitter che hanno seguito il corso del Centro per le famiglie",
              (0, 12), "free", "desk", audiences=("famiglie",)),
    ),
    "consultorio": (
        Offer(("Corso di accompagnamento alla nascita", "Aspettando un bambino"), A,
              "Incontri con ostetriche e pediatri per prepararsi al parto e ai primi giorni a casa",
              ALL_AGES, "free", "course", audiences=("famiglie",),
              needs=("Tessera sanitaria", "Impegnativa del medico di famiglia")),
        Offer(("Spazio adolescenti del consultorio", "Consultorio giovani"), S,
              "Uno spazio riservato e gratuito per parlare di affettività, sessualità e contraccezione",
              (14, 24), "free", "desk"),
        Offer(("Consulenza di coppia e familiare", "Sostegno psicologico alla coppia"), S,
              "Colloqui con psicologi e mediatori familiari nei momenti di crisi o di cambiamento",
              (18, None), "free", "appointment"),
    ),
    "sostegno-ai-genitori": (
        Offer(("Gruppo di parola per genitori separati", "Genitori dopo la separazione"), A,
              "Un gruppo guidato da una mediatrice familiare per confrontarsi e trovare nuovi equilibri",
              (18, None), "free", "evening", audiences=("famiglie",)),
        Offer(("Genitori di adolescenti: incontri serali", "Figli adolescenti: istruzioni per l'uso"), E,
              "Incontri con psicologi ed educatori su scuola, social, amicizie e regole in casa",
              (18, None), "free", "series", audiences=("famiglie",)),
        Offer(("Consulenza pedagogica", "Sportello di consulenza educativa"), S,
              "Colloqui con una pedagogista per dubbi su sonno, capricci, scuola e rapporti in famiglia",
              (18, None), "free", "appointment", audiences=("famiglie",)),
        Offer(("Scambio di vestiti e giochi per bambini", "Baratto tra famiglie"), E,
              "Si portano vestiti e giochi che non servono più e si prendono quelli che servono, senza soldi",
              ALL_AGES, "free", "oneoff", audiences=("famiglie",), fit=DAYTIME),
    ),
    "salute-e-benessere": (
        Offer(("Ginnastica posturale", "Mal di schiena? Ginnastica posturale"), A,
              "Esercizi per la schiena e la postura in piccoli gruppi, con una fisioterapista",
              (30, None), "month", "evening"),
        Offer(("Gruppi di cammino", "Cammina con noi"), A,
              "Camminate a passo tranquillo con un conduttore volontario, per stare in forma insieme",
              (50, None), "free", "morning", audiences=("anziani",)),
        Offer(("Yoga in gravidanza", "Yoga per future mamme"), A,
              "Respirazione, rilassamento e movimenti dolci per vivere meglio i mesi dell'attesa",
              (18, None), "course", "evening", audiences=("famiglie",)),
        Offer(("Screening gratuito della vista", "Controllo della pressione in piazza"), E,
              "Medici e infermieri volontari offrono controlli gratuiti e consigli di prevenzione",
              ALL_AGES, "free", "oneoff", fit=DAYTIME),
        Offer(("Disostruzione pediatrica: corso per genitori", "Manovre salvavita per bambini"), A,
              "Come intervenire se un bambino soffoca: prove pratiche con istruttori di primo soccorso",
              (16, None), "free", "oneoff", audiences=("famiglie",)),
        Offer(("Yoga per principianti", "Yoga e meditazione"), A,
              "Posizioni semplici, respirazione e rilassamento per ritrovare calma ed elasticità",
              (18, None), "month", "evening", needs=("Un tappetino e abiti comodi",)),
    ),
    "sociale-e-assistenza": (
        Offer(("Centro di ascolto", "Centro di ascolto per persone e famiglie in difficoltà"), S,
              "Operatori e volontari ascoltano, aiutano a capire i propri diritti e indirizzano ai servizi",
              (18, None), "free", "desk", languages=("ar", "ro")),
        Offer(("Contributi per l'affitto", "Bando sostegno affitti"), B,
              "Un contributo per pagare l'affitto alle famiglie con reddito basso che vivono a Valdoria",
              (18, None), "free", "call", needs=("ISEE in corso di validità", "Contratto d'affitto registrato")),
    ),
    "domiciliarita": (
        Offer(("Assistenza domiciliare", "Aiuto a domicilio per anziani"), S,
              "Operatori socio-sanitari aiutano a casa nell'igiene, nei pasti e nelle piccole faccende",
              (65, None), "quote", "appointment", audiences=("anziani", "caregiver")),
        Offer(("Pasti a domicilio", "Pranzo a casa"), S,
              "Un pranzo caldo consegnato a casa dal lunedì al sabato, anche per diete particolari",
              (65, None), "session", "desk", audiences=("anziani",),
              fit=LUNCH & Fit(weekdays=frozenset(range(6)))),
        Offer(("Telefonate di compagnia", "Ti chiamo io"), S,
              "Volontari che telefonano ogni settimana a chi vive solo, per fare due chiacchiere",
              (65, None), "free", "flexible", audiences=("anziani",)),
        Offer(("Telesoccorso", "Telesoccorso e teleassistenza"), S,
              "Un piccolo apparecchio da tenere al collo per chiedere aiuto in caso di caduta o malore",
              (65, None), "month", "desk", audiences=("anziani", DISABILITY)),
    ),
    "trasporto-sociale": (
        Offer(("Accompagnamento a visite mediche", "Trasporto sociale"), S,
              "Volontari autisti accompagnano a visite, terapie e uffici chi non ha un mezzo per spostarsi",
              ALL_AGES, "once", "appointment", audiences=("anziani", DISABILITY)),
        Offer(("Navetta per il mercato del giovedì", "Navetta del mercato"), S,
              "Un pulmino gratuito porta al mercato del centro gli abitanti delle frazioni, andata e ritorno",
              (65, None), "free", "morning", audiences=("anziani",), fit=Fit(weekdays=frozenset({3}))),
        Offer(("Trasporto scolastico per studenti con disabilità", "Accompagnamento a scuola"), S,
              "Trasporto casa-scuola con mezzi attrezzati e un accompagnatore",
              (6, 18), "free", "appointment", audiences=(DISABILITY,)),
    ),
    "aiuto-alimentare": (
        Offer(("Emporio solidale", "Spesa all'emporio solidale"), S,
              "Un piccolo supermercato dove le famiglie in difficoltà fanno la spesa con una tessera a punti",
              ALL_AGES, "free", "desk", audiences=("famiglie",), languages=("ar", "uk")),
        Offer(("Distribuzione di pacchi alimentari", "Pacchi viveri"), S,
              "Ogni settimana un pacco con pasta, latte, verdura e prodotti per l'infanzia",
              ALL_AGES, "free", "weekend", needs=("Segnalazione dei servizi sociali o del centro di ascolto",)),
        Offer(("Pranzo della domenica insieme", "Tavola aperta"), E,
              "Un pranzo preparato dai volontari per chi è solo o in difficoltà: basta sedersi a tavola",
              ALL_AGES, "free", "series", fit=LUNCH),
    ),
    "caregiver": (
        Offer(("Gruppo di auto mutuo aiuto per caregiver", "Chi si prende cura di chi cura"), A,
              "Un gruppo di familiari che assistono una persona cara, con una psicologa, per condividere "
              "fatiche e soluzioni", (18, None), "free", "evening", audiences=("caregiver",)),
        Offer(("Ore di sollievo", "Sollievo per chi assiste un familiare"), S,
              "Un operatore resta a casa con la persona assistita per qualche ora, per dare respiro alla famiglia",
              ALL_AGES, "free", "appointment", audiences=("caregiver",)),
        Offer(("Corso per assistenti familiari", "Badanti: corso di formazione"), A,
              "Igiene, mobilizzazione, alimentazione e comunicazione con la persona anziana, con attestato",
              (18, None), "free", "course", audiences=("stranieri",)),
        Offer(("Caffè Alzheimer", "Caffè della memoria"), E,
              "Pomeriggi di incontro per persone con demenza e i loro familiari, con musica ed esperti",
              ALL_AGES, "free", "series", audiences=("caregiver", "anziani"), fit=AFTERNOON),
    ),
    "lingue-e-integrazione": (
        Offer(("Sportello di orientamento per cittadini stranieri", "Informazioni per chi arriva in Italia"), S,
              "Permesso di soggiorno, iscrizione anagrafica, scuola e sanità spiegati con calma, nella tua "
              "lingua", (18, None), "free", "desk", audiences=("stranieri",), languages=("ar", "ur", "ro", "uk")),
        Offer(("Cena dei popoli", "Festa delle culture"), E,
              "Piatti, musiche e racconti dai Paesi di chi abita a Valdoria, preparati dalle comunità",
              ALL_AGES, "once", "oneoff", audiences=("stranieri", "famiglie"), languages=("en", "fr")),
    ),
    "italiano-per-stranieri": (
        Offer(("Italiano per stranieri – livello A1", "Corso di italiano base", "Italiano da zero"), A,
              "Lezioni per imparare l'italiano di tutti i giorni: presentarsi, fare la spesa, andare dal medico",
              (16, None), "free", "evening", audiences=("stranieri",), languages=("ar", "bn", "ur", "en")),
        Offer(("Italiano per mamme con baby parking", "Italiano al mattino con spazio bimbi"), A,
              "Corso di italiano al mattino, mentre i bambini piccoli giocano nella stanza accanto",
              (18, None), "free", "morning", audiences=("stranieri", "famiglie"), languages=("ar", "ur"),
              fit=MORNING),
        Offer(("Preparazione all'esame A2", "Italiano A2 per il permesso di soggiorno"), A,
              "Un corso intensivo per superare il test di lingua richiesto per il permesso di lungo periodo",
              (16, None), "free", "course", audiences=("stranieri",), languages=("en", "fr")),
        Offer(("Italiano per ragazzi appena arrivati", "Italiano L2 per studenti"), A,
              "Ore di italiano in piccolo gruppo per studenti arrivati da poco, in accordo con la scuola",
              (11, 18), "free", "afternoon", audiences=("stranieri",), languages=("uk", "ar", "zh")),
    ),
    "mediazione-linguistica": (
        Offer(("Mediazione linguistica a scuola", "Mediatori per i colloqui con gli insegnanti"), S,
              "Un mediatore affianca famiglie e insegnanti nei colloqui e nelle iscrizioni",
              ALL_AGES, "free", "appointment", audiences=("stranieri", "famiglie"),
              languages=("ar", "zh", "ur", "bn", "sq")),
        Offer(("Mediatrici culturali allo sportello", "Mediazione nei servizi sociali e sanitari"), S,
              "Mediatrici presenti allo sportello sociale e al consultorio in giorni fissi",
              ALL_AGES, "free", "desk", audiences=("stranieri",), languages=("ar", "ro", "uk", "wo")),
    ),
    "volontariato-e-cittadinanza-attiva": (
        Offer(("Cerchiamo volontari per il doposcuola", "Volontari per l'aiuto compiti"), V,
              "Cerchiamo persone disposte a seguire bambini e ragazzi nei compiti, qualche ora a settimana",
              (18, None), "free", "flexible"),
        Offer(("Volontari per la distribuzione alimentare", "Dai una mano all'emporio solidale"), V,
              "Servono volontari per ritirare, sistemare e distribuire la spesa alle famiglie",
              (16, None), "free", "flexible"),
        Offer(("Diventa autista volontario", "Volontari per il trasporto sociale"), V,
              "Cerchiamo autisti per accompagnare anziani e persone con disabilità a visite e terapie",
              (21, 75), "free", "flexible", needs=("Patente B da almeno tre anni",)),
        Offer(("Volontari per gli eventi dell'estate", "Staff volontario della sagra"), V,
              "Accoglienza, informazioni e allestimenti durante le feste e i concerti dell'estate",
              (16, None), "free", "festival", fit=SUMMER),
        Offer(("Corso base per nuovi volontari", "Volontari si diventa"), A,
              "Serate su diritti e doveri del volontario, sicurezza e relazione d'aiuto",
              (16, None), "free", "course", fit=EVENING),
        Offer(("Fiera del volontariato", "Festa delle associazioni"), E,
              "Le associazioni della città presentano le loro attività e cercano nuovi volontari",
              ALL_AGES, "free", "oneoff", fit=DAYTIME),
        Offer(("Lettori volontari in pediatria", "Cerchiamo lettori volontari"), V,
              "Leggere storie ai bambini ricoverati e in sala d'attesa, dopo un breve corso",
              (18, None), "free", "flexible"),
    ),
    "digitale": (
        Offer(("Aiuto per SPID e CIE", "SPID in un'ora"), S,
              "Un facilitatore aiuta ad attivare SPID o la carta d'identità elettronica e a usarli",
              (18, None), "free", "appointment", needs=("Documento d'identità", "Tessera sanitaria", "Cellulare")),
        Offer(("Internet sicuro: incontri per genitori", "Figli e smartphone"), E,
              "Come funzionano social, videogiochi e chat, e come accompagnare i figli online",
              (18, None), "free", "series", audiences=("famiglie",)),
    ),
    "coding": (
        Offer(("Coding per bambini con Scratch", "Programmare giocando"), A,
              "Si creano videogiochi e animazioni con Scratch, senza bisogno di saper già usare il computer",
              (7, 12), "free", "weekend", needs=("Un portatile, se ce l'hai: altrimenti lo prestiamo noi",)),
        Offer(("Robotica educativa", "Costruisci il tuo robot"), A,
              "Costruzione e programmazione di piccoli robot in squadra, fino alla gara finale",
              (10, 14), "course", "afternoon"),
        Offer(("Club di programmazione per ragazzi", "Coding club"), A,
              "Python, siti web e app: ognuno porta avanti il suo progetto con l'aiuto dei mentor",
              (12, 17), "free", "afternoon"),
        Offer(("Summer camp di coding", "Estate digitale"), C,
              "Settimane di programmazione, robotica e giochi all'aperto",
              (8, 13), "week", "summer"),
    ),
    "alfabetizzazione-digitale": (
        Offer(("Smartphone facile per over 65", "Il telefonino senza paura"), A,
              "Come fare videochiamate, usare WhatsApp, fotografare e difendersi dalle truffe",
              (60, None), "free", "course", audiences=("anziani",), access=(EASY_READ,)),
        Offer(("Computer base per adulti", "Informatica di base"), A,
              "Accendere il computer, scrivere una lettera, usare la posta elettronica e navigare sicuri",
              (18, None), "course", "evening"),
        Offer(("Facilitatori digitali", "Assistenza digitale individuale"), S,
              "Aiuto individuale per prenotare visite, pagare bollette online e usare l'app IO",
              (18, None), "free", "appointment", languages=("en", "ar")),
    ),
    "ambiente": (
        Offer(("Pulizia degli argini", "Puliamo il parco"), V,
              "Una mattina di pulizia con guanti e sacchi forniti dai volontari, seguita da una merenda",
              ALL_AGES, "free", "oneoff", needs=("Scarpe chiuse e abiti che si possono sporcare",),
              fit=MORNING & OUTDOORS & Fit(weekdays=frozenset({5, 6}))),
        Offer(("Orti urbani: assegnazione delle aiuole", "Bando orti urbani"), B,
              "Assegnazione per tre anni di piccoli orti comunali a chi vive a Valdoria",
              (18, None), "year", "call"),
        Offer(("Laboratori in fattoria per le scuole", "La fattoria didattica"), A,
              "Classi e gruppi scoprono gli animali, l'orto e il ciclo del pane",
              (3, 10), "session", "appointment", fit=at("fattoria")),
        Offer(("Passeggiata naturalistica lungo il Canalbianco", "Birdwatching sul canale"), E,
              "Una guida naturalistica racconta uccelli, piante e storia del canale",
              ALL_AGES, "free", "oneoff", fit=MORNING & OUTDOORS),
        Offer(("Corso di compostaggio domestico", "Compost in giardino e sul balcone"), A,
              "Come trasformare gli scarti di cucina in terriccio; a chi finisce il corso, una compostiera",
              (18, None), "free", "series"),
        Offer(("Repair café", "Giornata del riuso e della riparazione"), E,
              "Volontari esperti aiutano a riparare piccoli elettrodomestici, biciclette e vestiti",
              ALL_AGES, "free", "oneoff", fit=DAYTIME),
    ),
}  # fmt: skip

# Who offers what, where it is not anybody: calls come from public bodies and foundations, home care from
# cooperatives and the Comune, the GrEst from parishes... Keyed by the offer's first title.
PUBLIC, FOUNDATION, COOPERATIVE = LegalForm.PUBLIC, LegalForm.FOUNDATION, LegalForm.SOCIAL_COOPERATIVE
APS, ODV, PARISH, ENTERPRISE = LegalForm.APS, LegalForm.ODV, LegalForm.RELIGIOUS, LegalForm.SOCIAL_ENTERPRISE
OFFERED_BY = {
    "Servizio civile universale: posti a Valdoria": (PUBLIC,),
    "Bilancio partecipativo: proponi un progetto": (PUBLIC,),
    "Contributi per i progetti delle associazioni": (PUBLIC, FOUNDATION),
    "Bando idee giovani": (PUBLIC, FOUNDATION),
    "Contributi per l'affitto": (PUBLIC,),
    "Orti urbani: assegnazione delle aiuole": (PUBLIC,),
    "Consiglio comunale dei ragazzi": (PUBLIC,),
    "Assemblea di quartiere": (PUBLIC, LegalForm.OTHER),
    "Salone dell'orientamento": (PUBLIC,),
    "Colloqui di orientamento universitario": (PUBLIC, COOPERATIVE),
    "Aula studio aperta": (PUBLIC, APS, PARISH),
    "Visite guidate a Palazzo Manin": (PUBLIC, FOUNDATION),
    "Concerti d'estate nel cortile": (PUBLIC, FOUNDATION, APS),
    "Prestito di libri, film e giochi": (PUBLIC,),
    "Visite in biblioteca per le classi": (PUBLIC,),
    "Libri a domicilio": (PUBLIC, ODV, LegalForm.INFORMAL),
    "Sportello lavoro: consulenza individuale": (PUBLIC, ENTERPRISE),
    "Rientro al lavoro dopo una pausa": (PUBLIC, ENTERPRISE, COOPERATIVE),
    "Tirocini di orientamento per giovani": (PUBLIC, COOPERATIVE, ENTERPRISE),
    "Tirocini di inclusione": (PUBLIC, COOPERATIVE, ENTERPRISE),
    "Bacheca delle offerte di lavoro": (PUBLIC,),
    "Spazio giovani Il Binario": (PUBLIC, COOPERATIVE, APS),
    "Sala prove per band": (PUBLIC, COOPERATIVE, APS),
    "Educativa di strada": (PUBLIC, COOPERATIVE),
    "Festa dello sport": (PUBLIC, LegalForm.SPORT),
    "Sagra di settembre": (PUBLIC, APS, PARISH, LegalForm.OTHER),
    "Mercatino di Natale": (PUBLIC, APS, PARISH, LegalForm.OTHER),
    "GrEst parrocchiale": (PARISH,),
    "Babysitting a domicilio": (COOPERATIVE,),
    "Baby parking del sabato": (COOPERATIVE, APS),
    "Elenco delle baby sitter formate": (PUBLIC,),
    "Corso di accompagnamento alla nascita": (PUBLIC,),
    "Spazio adolescenti del consultorio": (PUBLIC,),
    "Consulenza di coppia e familiare": (PUBLIC, COOPERATIVE),
    "Consulenza pedagogica": (PUBLIC, COOPERATIVE),
    "Screening gratuito della vista": (PUBLIC, ODV),
    "Centro di ascolto": (PUBLIC, PARISH, ODV),
    "Assistenza domiciliare": (PUBLIC, COOPERATIVE),
    "Pasti a domicilio": (PUBLIC, COOPERATIVE, PARISH),
    "Telesoccorso": (PUBLIC, COOPERATIVE, ODV),
    "Accompagnamento a visite mediche": (PUBLIC, ODV),
    "Navetta per il mercato del giovedì": (PUBLIC, ODV),
    "Trasporto scolastico per studenti con disabilità": (PUBLIC, COOPERATIVE),
    "Emporio solidale": (PUBLIC, ODV, PARISH),
    "Distribuzione di pacchi alimentari": (ODV, PARISH),
    "Ore di sollievo": (PUBLIC, COOPERATIVE, ODV),
    "Sportello di orientamento per cittadini stranieri": (PUBLIC, APS, COOPERATIVE),
    "Mediazione linguistica a scuola": (PUBLIC, COOPERATIVE, APS),
    "Mediatrici culturali allo sportello": (PUBLIC, COOPERATIVE),
    "Aiuto per SPID e CIE": (PUBLIC, ENTERPRISE, APS),
    "Facilitatori digitali": (PUBLIC, ENTERPRISE, APS),
}
# Other ways to describe the offers that many organizations make, keyed by the offer's first title.
ALSO = {
    "Diventa autista volontario": (
        "Servono autisti volontari che accompagnino anziani e persone con disabilità dal medico e alle terapie",
        "Con la tua patente e un po' di tempo libero porti chi non guida alle visite e a fare commissioni",
    ),
    "Lettori volontari in pediatria": (
        "Cerchiamo chi legga ad alta voce per i bambini ricoverati e per quelli in sala d'attesa",
        "Un breve corso di lettura ad alta voce, poi storie e albi illustrati per i piccoli pazienti",
    ),
    "Laboratorio di podcast": (
        "Dall'idea alla pubblicazione: interviste, montaggio e voce per raccontare la città in un podcast",
        "Ragazze e ragazzi scrivono e registrano le puntate di una radio online, con un tecnico del suono",
    ),
    "Telefonate di compagnia": (
        "Una telefonata alla settimana per chi vive solo: due chiacchiere, un promemoria, una voce amica",
        "Volontari formati chiamano le persone sole per fare compagnia e accorgersi se serve aiuto",
    ),
    "Scambio di vestiti e giochi per bambini": (
        "Vestiti, scarpe e giochi che ai tuoi figli non servono più trovano un'altra famiglia, senza soldi",
        "Uno scambio tra famiglie: si porta quello che è diventato piccolo, si prende quello che serve",
    ),
    "Torneo di scacchi aperto": (
        "Partite a tempo per principianti ed esperti, con una classifica per i ragazzi",
        "Un torneo di scacchi aperto a tutti i livelli, con premi per i più giovani e un rinfresco finale",
    ),
    "Pomeriggio danzante": (
        "Valzer, mazurche e tanghi con un'orchestra dal vivo, e una merenda insieme",
        "Si balla il liscio con la musica dal vivo; chi non balla ascolta e fa due chiacchiere",
    ),
    "Gite culturali di un giorno": (
        "In pullman con una guida a visitare città d'arte e ville venete, con pranzo in compagnia",
        "Una giornata fuori porta tra musei, borghi e ville, con guida, pullman e pranzo insieme",
    ),
    "Corso di primo soccorso per cittadini": (
        "Manovre salvavita, chiamata al 112 e defibrillatore, con prove pratiche guidate da istruttori",
        "Come intervenire in un'emergenza in attesa dei soccorsi: teoria essenziale e tanta pratica sui manichini",
    ),
    "Volontari per la distribuzione alimentare": (
        "Cerchiamo chi aiuti a ritirare le eccedenze dei supermercati e a preparare la spesa per le famiglie",
        "Qualche ora alla settimana per sistemare gli scaffali e consegnare la spesa alle famiglie seguite",
    ),
    "Festa di quartiere": (
        "Giochi per i bambini, musica e una cena condivisa in strada per conoscere i vicini",
        "Tavolate all'aperto, giochi e musica: ognuno porta qualcosa e si cena insieme",
    ),
    "Facilitatori digitali": (
        "Un facilitatore ti aiuta a prenotare visite, pagare bollette e usare l'app IO dal tuo telefono",
        "Assistenza individuale per i servizi online: fascicolo sanitario, pagamenti PagoPA, app IO",
    ),
    "Camp multisport": (
        "Ogni giorno uno sport diverso, la piscina e i giochi all'aperto con istruttori qualificati",
        "Calcio, basket, pallavolo, atletica e nuoto a rotazione, con istruttori delle società sportive",
    ),
    "Sala prove per band": (
        "Batteria, amplificatori e microfoni in una sala insonorizzata, da prenotare a ore",
        "Una sala attrezzata per provare con il proprio gruppo, prenotabile anche per una sola ora",
    ),
    "Mediazione linguistica a scuola": (
        "Mediatori linguistici accompagnano le famiglie ai colloqui con gli insegnanti e alle iscrizioni",
        "Un mediatore traduce e spiega ai genitori pagelle, avvisi e colloqui con la scuola",
    ),
    "Centro estivo elementari": (
        "Giochi, laboratori, uscite sul territorio e un giorno a settimana in piscina",
        "Settimane di giochi all'aperto, laboratori creativi e gite, con educatori e animatori",
    ),
    "Fiera del volontariato": (
        "Gli stand delle associazioni della città, per conoscerle e scoprire come dare una mano",
        "Una giornata per incontrare le associazioni e trovare il volontariato che fa per te",
    ),
    "Concerto di Natale": (
        "Musiche della tradizione e colonne sonore eseguite dai musicisti e dai cori della città",
        "La banda, il coro e gli allievi delle scuole di musica di Valdoria in un concerto a ingresso libero",
    ),
    "Mercatino di Natale": (
        "Bancarelle di artigiani e associazioni, presepe e vin brulè per le feste",
        "Idee regalo fatte a mano, dolci della tradizione e musica di Natale tra le casette",
    ),
    "Spazio giovani Il Binario": (
        "Musica, computer, giochi e idee da realizzare insieme, con gli educatori sempre presenti",
        "Il posto dove ritrovarsi dopo la scuola: sala musica, postazioni pc e progetti da proporre",
    ),
    "Gruppo di parola per genitori separati": (
        "Genitori che vivono una separazione si confrontano, guidati da una mediatrice familiare",
        "Incontri di gruppo con una mediatrice per affrontare insieme la separazione e i cambiamenti in famiglia",
    ),
    "Pasti a domicilio": (
        "Dal lunedì al sabato un pranzo caldo arriva a casa di chi non può cucinare, anche per diete speciali",
        "Pranzi pronti consegnati a domicilio dal lunedì al sabato, con menù adatti alle diete particolari",
    ),
    "Centro estivo inclusivo": (
        "Giochi, laboratori e uscite per bambini e ragazzi con e senza disabilità, con educatori di sostegno",
        "Un'estate insieme per tutti: educatori di sostegno, attività adattate e gruppi misti",
    ),
    "Sagra di settembre": (
        "Stand gastronomici, giostre, musica e mercatino per tutto il fine settimana",
        "La festa della città: cucina tipica, concerti, giostre e bancarelle",
    ),
    "Scacchi per bambini": (
        "Si imparano le regole e le prime strategie giocando tante partite, anche online con il gruppo",
        "Un corso di scacchi per i più giovani: mosse, tattiche semplici e partite tra compagni",
    ),
    "Notte giovane": (
        "Band della città, dj set, street art e spazi creativi preparati dai ragazzi",
        "Una serata di musica dal vivo e creatività organizzata da ragazze e ragazzi di Valdoria",
    ),
}
OFFERS = {
    slug: tuple(
        replace(offer, by=OFFERED_BY.get(offer.titles[0], offer.by), also=ALSO.get(offer.titles[0], offer.also))
        for offer in offers
    )
    for slug, offers in OFFERS.items()
}


def generic_offers(category):
    """Material for a category editors added after the demo was written."""
    return (
        Offer(
            (f"Incontri: {category.name}", f"{category.name}: attività aperte"),
            A,
            f"Incontri settimanali dedicati a {category.name.lower()}, aperti a chi vuole partecipare",
            cost="free",
            when="evening",
        ),
    )
