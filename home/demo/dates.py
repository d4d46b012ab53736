"""When demo opportunities happen: schedule shapes drawn from a seeded generator, dated from today.

The generator decides the shape (which weekdays, what time, how many weeks
from now), so every run makes the same choices; the dates themselves follow
today's date, so that "next occurrence" is always in the future.
"""

import datetime as dt
from dataclasses import dataclass

from home.demo.writing import join_words

WEEKDAY_NAMES = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MONTHS = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
)  # fmt: skip
NUMBER_WORDS = {2: "due", 3: "tre", 4: "quattro", 5: "cinque", 6: "sei", 8: "otto", 10: "dieci", 12: "dodici"}


@dataclass
class When:
    schedules: list[dict]  # keyword arguments for OpportunitySchedule
    summary: str  # a short phrase for the summary: "il martedì e il giovedì pomeriggio"
    details: str  # the sentences of the "tempi e scadenze" section
    deadline: dt.date | None = None


# Weekly time slots: (weekday pool, how many days, start times, durations in minutes, Italian word).
SLOTS = {
    "afternoon": ((0, 1, 2, 3, 4), (1, 2), ((15, 0), (16, 30), (17, 0), (17, 30)), (60, 90, 120), "pomeriggio"),
    "evening": ((0, 1, 2, 3), (1, 2), ((18, 30), (20, 0), (20, 30), (21, 0)), (60, 90, 120), "sera"),
    "morning": ((0, 1, 2, 3, 4), (1, 2), ((9, 0), (9, 30), (10, 0)), (60, 90), "mattina"),
    "weekend": ((5, 6), (1, 1), ((9, 30), (10, 0), (15, 0), (16, 0)), (60, 90, 120), "mattina"),
}
WEEKLY_NOTES = (
    "Le attività si fermano durante le vacanze di Natale e di Pasqua.",
    "Sospeso nei giorni festivi.",
    "Ci si può iscrivere anche a corso iniziato, se ci sono ancora posti.",
    "L'ultimo incontro è una festa aperta alle famiglie.",
)
OPEN_NOTES = ("Si può cominciare in qualsiasi momento dell'anno.", "Ad agosto l'attività si ferma per la pausa estiva.")


def plan_when(shape, rng, today):
    """Draw the schedule of the given shape; see SHAPES."""
    return SHAPES[shape](rng, today)


def weekly(rng, today, slot):
    pool, counts, starts, durations, part_of_day = SLOTS[slot]
    days = sorted(rng.sample(pool, rng.choice(counts)))
    opens, closes = _times(rng, starts, durations)
    if rng.random() < 0.7:
        start, end = today - dt.timedelta(days=rng.randint(10, 70)), today + dt.timedelta(days=rng.randint(100, 220))
        period = f", dal {long_date(start)} al {long_date(end)}"
        note = rng.choice(WEEKLY_NOTES)
    else:
        start = end = None
        period, note = ", tutto l'anno", rng.choice(OPEN_NOTES)
    if slot == "weekend":
        part_of_day = "mattina" if opens.hour < 13 else "pomeriggio"
    schedule = _schedule(start, end, days, opens, closes)
    details = f"{_capitalise(every(days))} {time_span(opens, closes)}{period}. {note}"
    return When([schedule], f"{on_days(days)} {part_of_day}", details)


def course(rng, today):
    weekday = rng.choice((0, 1, 2, 3, 4, 5))
    weeks = rng.choice((4, 6, 8, 10, 12))
    start = next_weekday(today + dt.timedelta(days=rng.randint(7, 60)), weekday)
    end = start + dt.timedelta(weeks=weeks - 1)
    opens, closes = _times(rng, ((10, 0), (17, 0), (18, 0), (20, 30)), (90, 120))
    deadline = max(today, start - dt.timedelta(days=3))
    details = (
        f"{_capitalise(NUMBER_WORDS[weeks])} incontri, {every([weekday])} {time_span(opens, closes)}, "
        f"dal {long_date(start)} al {long_date(end)}. Iscrizioni entro il {long_date(deadline)}."
    )
    summary = f"dal {short_date(start)}, {on_days([weekday])}"
    return When([_schedule(start, end, [weekday], opens, closes)], summary, details, deadline)


def desk(rng, today):
    days = [0, 1, 2, 3, 4] if rng.random() < 0.6 else sorted(rng.sample(range(5), 3))
    schedules = [_schedule(None, None, days, dt.time(9, 0), dt.time(12, 30))]
    details = f"Aperto {every(days)} {time_span(dt.time(9, 0), dt.time(12, 30))}"
    if rng.random() < 0.5:
        afternoon = [1, 3]
        schedules.append(_schedule(None, None, afternoon, dt.time(15, 0), dt.time(18, 0)))
        details += f"; {on_days(afternoon)} anche {time_span(dt.time(15, 0), dt.time(18, 0))}"
    details += ". Chiuso nei giorni festivi."
    return When(schedules, every(days), details)


def appointment(rng, today):
    days = [0, 1, 2, 3, 4]
    wait = rng.choice(("pochi giorni", "una settimana", "dieci giorni"))
    details = f"Su appuntamento, {every(days)}. Di solito il primo incontro si fissa entro {wait} dalla richiesta."
    return When([_schedule(None, None, days, None, None, note="Su appuntamento")], "su appuntamento", details)


def flexible(rng, today):
    days = sorted(rng.sample((0, 1, 2, 3, 4, 5), rng.choice((1, 2))))
    hours = rng.choice(("due ore", "tre ore", "mezza giornata"))
    details = f"Almeno {hours} a settimana, di solito {on_days(days)}; gli orari si concordano insieme."
    return When([_schedule(None, None, days, None, None, note="Orari da concordare")], "orari da concordare", details)


def oneoff(rng, today):
    day = today + dt.timedelta(days=rng.randint(6, 150))
    opens, closes = _times(rng, ((10, 0), (15, 30), (17, 0), (20, 45)), (90, 120, 150))
    details = f"{_capitalise(long_date(day, weekday=True))}, {time_span(opens, closes)}."
    if rng.random() < 0.4:
        details += " In caso di maltempo l'evento si sposta al coperto."
    return When([_schedule(day, None, [], opens, closes)], long_date(day, weekday=True, year=False), details)


def series(rng, today):
    count, gap = rng.choice((3, 4, 5)), rng.choice((7, 14, 28))
    first = today + dt.timedelta(days=rng.randint(5, 40))
    days = [first + dt.timedelta(days=gap * index) for index in range(count)]
    opens, closes = _times(rng, ((10, 0), (16, 0), (18, 0), (20, 45)), (90, 120))
    listed = ", ".join(long_date(day, weekday=True) for day in days)
    details = f"{_capitalise(NUMBER_WORDS[count])} appuntamenti: {listed}; sempre {time_span(opens, closes)}."
    summary = f"{NUMBER_WORDS[count]} appuntamenti dal {short_date(first)}"
    return When([_schedule(day, None, [], opens, closes) for day in days], summary, details)


def festival(rng, today):
    start = today + dt.timedelta(days=rng.randint(20, 220))
    end = start + dt.timedelta(days=rng.choice((1, 2)))
    opens, closes = rng.choice(((dt.time(10, 0), dt.time(19, 0)), (dt.time(17, 0), dt.time(23, 30))))
    details = (
        f"Da {long_date(start, weekday=True, year=False)} a {long_date(end, weekday=True)}, {time_span(opens, closes)}."
    )
    return When([_schedule(start, end, [], opens, closes)], f"dal {short_date(start)} al {short_date(end)}", details)


def summer(rng, today):
    year = today.year if today < dt.date(today.year, 5, 1) else today.year + 1
    start, end = next_weekday(dt.date(year, 6, 10), 0), dt.date(year, 7, 31)
    opens, closes = rng.choice(((dt.time(7, 45), dt.time(16, 30)), (dt.time(8, 0), dt.time(13, 0))))
    weekdays = [0, 1, 2, 3, 4]
    if rng.random() < 0.5:
        middle = start + dt.timedelta(weeks=3)
        schedules = [
            _schedule(start, middle - dt.timedelta(days=3), weekdays, opens, closes, note="Primo turno"),
            _schedule(middle, end, weekdays, opens, closes, note="Secondo turno"),
        ]
        turns = f" In due turni: dal {short_date(start)} e dal {short_date(middle)}."
    else:
        schedules, turns = [_schedule(start, end, weekdays, opens, closes)], ""
    deadline = max(today + dt.timedelta(days=7), dt.date(year, 5, 20))
    details = (
        f"Dal lunedì al venerdì {time_span(opens, closes)}, dal {long_date(start)} al {long_date(end)}.{turns} "
        f"Si può scegliere una o più settimane. Iscrizioni entro il {long_date(deadline)}."
    )
    return When(schedules, f"dal {short_date(start)} al {short_date(end)}", details, deadline)


def call(rng, today):
    start = today - dt.timedelta(days=rng.randint(3, 25))
    end = today + dt.timedelta(days=rng.randint(15, 75))
    days = rng.choice((30, 45, 60))
    details = (
        f"Le domande si presentano dal {long_date(start)} alle ore 12:00 del {long_date(end)}. "
        f"La graduatoria è pubblicata entro {days} giorni dalla scadenza."
    )
    return When([_schedule(start, end, [], None, None)], f"domande entro il {short_date(end)}", details, end)


SHAPES = {
    "afternoon": lambda rng, today: weekly(rng, today, "afternoon"),
    "evening": lambda rng, today: weekly(rng, today, "evening"),
    "morning": lambda rng, today: weekly(rng, today, "morning"),
    "weekend": lambda rng, today: weekly(rng, today, "weekend"),
    "course": course,
    "desk": desk,
    "appointment": appointment,
    "flexible": flexible,
    "oneoff": oneoff,
    "series": series,
    "festival": festival,
    "summer": summer,
    "call": call,
}


def _schedule(start, end, days, opens, closes, note=""):
    return {
        "start_date": start,
        "end_date": end,
        "weekdays": [CODES[day] for day in days],
        "opens_at": opens,
        "closes_at": closes,
        "note": note,
    }


def _times(rng, starts, durations):
    hour, minute = rng.choice(starts)
    opens = dt.datetime.combine(dt.date.min, dt.time(hour, minute))
    return opens.time(), (opens + dt.timedelta(minutes=rng.choice(durations))).time()


def next_weekday(day, weekday):
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def long_date(day, weekday=False, year=True):
    text = short_date(day)
    if year:
        text += f" {day.year}"
    return f"{WEEKDAY_NAMES[day.weekday()]} {text}" if weekday else text


def short_date(day):
    """ "1º maggio", "22 novembre": Italian writes the first of the month as an ordinal."""
    return f"{'1º' if day.day == 1 else day.day} {MONTHS[day.month - 1]}"


def time_span(opens, closes):
    return f"dalle {opens.hour}:{opens.minute:02d} alle {closes.hour}:{closes.minute:02d}"


def every(days):
    """ "ogni martedì e giovedì", "dal lunedì al venerdì"."""
    if list(days) == [0, 1, 2, 3, 4]:
        return "dal lunedì al venerdì"
    return "ogni " + join_words([WEEKDAY_NAMES[day] for day in days])


def on_days(days):
    """ "il martedì e il giovedì": the weekly habit as a summary says it."""
    if list(days) == [0, 1, 2, 3, 4]:
        return "dal lunedì al venerdì"
    articles = ["la domenica" if day == 6 else f"il {WEEKDAY_NAMES[day]}" for day in days]
    return join_words(articles)


def _capitalise(text):
    return text[:1].upper() + text[1:]
