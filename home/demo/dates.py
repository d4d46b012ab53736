"""When demo opportunities happen: schedule shapes drawn from a seeded generator, dated from today.

The generator decides the shape (which weekdays, what time, how many weeks
from now), so every run makes the same choices; the dates themselves follow
today's date, so that "next occurrence" is always in the future. Every shape
keeps the fit it is given (fits.Fit: the season, weekdays and time of day a
listing's words promise), and events keep off public holidays (fits.no_events_on).
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache

from home.demo.fits import CODES, NONE, TIMES, WEEKDAY_NAMES, no_events_on
from home.demo.writing import join_words

MONTHS = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
)  # fmt: skip
NUMBER_WORDS = {
    1: "un", 2: "due", 3: "tre", 4: "quattro", 5: "cinque", 6: "sei", 8: "otto", 10: "dieci", 12: "dodici",
}  # fmt: skip
CLOSED_ON_HOLIDAYS = "Chiuso nei giorni festivi"
NOT_ON_HOLIDAYS = "Escluse le festività"
BY_APPOINTMENT = "Su appuntamento, esclusi i festivi"
FLEXIBLE = "Orari da concordare"


@dataclass
class When:
    schedules: list[dict]  # keyword arguments for OpportunitySchedule
    summary: str  # a short phrase for the summary: "il martedì e il giovedì pomeriggio"
    details: str  # the sentences of the "tempi e scadenze" section
    deadline: dt.date | None = None


# Weekly time slots: (weekday pool, how many days, start times, durations in minutes).
SLOTS = {
    "afternoon": ((0, 1, 2, 3, 4), (1, 2), ((15, 0), (16, 30), (17, 0), (17, 30)), (60, 90, 120)),
    "evening": ((0, 1, 2, 3), (1, 2), ((18, 30), (20, 0), (20, 30), (21, 0)), (60, 90, 120)),
    "morning": ((0, 1, 2, 3, 4), (1, 2), ((9, 0), (9, 30), (10, 0)), (60, 90)),
    "weekend": ((5, 6), (1, 1), ((9, 30), (10, 0), (15, 0), (16, 0)), (60, 90, 120)),
}
WEEKLY_NOTES = (
    "Le attività si fermano durante le vacanze di Natale e di Pasqua.",
    "Ci si può iscrivere anche a corso iniziato, se ci sono ancora posti.",
    "L'ultimo incontro è una festa aperta alle famiglie.",
    "Nei giorni festivi non ci sono incontri.",
)
OPEN_NOTES = ("Si può cominciare in qualsiasi momento dell'anno.", "Ad agosto l'attività si ferma per la pausa estiva.")
# A help desk's hours, by the time of day its listing promises ("" promises nothing: mornings, some afternoons).
DESK_HOURS = {
    "": ((9, 0), (12, 30)),
    "morning": ((9, 0), (12, 30)),
    "lunch": ((11, 30), (13, 30)),
    "afternoon": ((15, 0), (19, 0)),
    "afterschool": ((15, 0), (18, 30)),
    "evening": ((18, 30), (23, 0)),
    "daytime": ((9, 0), (17, 0)),
    "day": ((8, 30), (18, 0)),
}


def plan_when(shape, rng, today, fit=NONE):
    """Draw the schedule of the given shape (see SHAPES) within the fit."""
    return SHAPES[shape](rng, today, fit)


def weekly(rng, today, slot, fit=NONE):
    pool, counts, starts, durations = SLOTS[slot]
    pool = _weekdays(pool, fit)
    days = sorted(rng.sample(pool, min(len(pool), rng.choice(counts))))
    opens, closes = _times(rng, starts, durations, fit)
    if fit.season is not None:
        start, end = season_run(today, fit.season)
        period, note = f", dal {long_date(start)} al {long_date(end)}", rng.choice(WEEKLY_NOTES)
    elif rng.random() < 0.7:
        start, end = today - dt.timedelta(days=rng.randint(10, 70)), today + dt.timedelta(days=rng.randint(100, 220))
        period = f", dal {long_date(start)} al {long_date(end)}"
        note = rng.choice(WEEKLY_NOTES)
    else:
        start = end = None
        period, note = ", tutto l'anno", rng.choice(OPEN_NOTES)
    schedule = _schedule(start, end, days, opens, closes, note=NOT_ON_HOLIDAYS)
    details = f"{_capitalise(every(days))} {time_span(opens, closes)}{period}. {note}"
    return When([schedule], f"{on_days(days)} {part_of_day(opens)}", details)


def course(rng, today, fit=NONE):
    weekday = rng.choice(_weekdays((0, 1, 2, 3, 4, 5), fit))
    weeks = rng.choice((4, 6, 8, 10, 12))
    opens, closes = _times(rng, ((10, 0), (17, 0), (18, 0), (20, 30)), (90, 120), fit)
    start = None
    for length in dict.fromkeys((weeks, 4)):
        span = dt.timedelta(weeks=length - 1)

        def starts_well(day, span=span):
            return (
                day.weekday() == weekday
                and not no_events_on(day)
                and fit.admits_day(day)
                and fit.admits_day(day + span)
            )

        start = _pick_day(rng, today, fit, 7, 60 if fit.season is None else 120, starts_well, frozenset({weekday}))
        if start:
            weeks = length
            break
    end = start + dt.timedelta(weeks=weeks - 1)
    deadline = max(today, start - dt.timedelta(days=3))
    details = (
        f"{_capitalise(NUMBER_WORDS[weeks])} incontri, {every([weekday])} {time_span(opens, closes)}, "
        f"dal {long_date(start)} al {long_date(end)}. Iscrizioni entro il {long_date(deadline)}."
    )
    summary = f"dal {short_date(start)}, {on_days([weekday])}"
    schedule = _schedule(start, end, [weekday], opens, closes, note=NOT_ON_HOLIDAYS)
    return When([schedule], summary, details, deadline)


def desk(rng, today, fit=NONE):
    days = [0, 1, 2, 3, 4] if rng.random() < 0.6 else sorted(rng.sample(range(5), 3))
    if fit.weekdays is not None:
        days = sorted(fit.weekdays)
    opens, closes = (dt.time(*moment) for moment in DESK_HOURS[fit.time])
    schedules = [_schedule(None, None, days, opens, closes, note=CLOSED_ON_HOLIDAYS)]
    details = f"Aperto {every(days)} {time_span(opens, closes)}"
    if rng.random() < 0.5 and not fit.time and fit.weekdays is None:
        afternoon = [1, 3]
        schedules.append(_schedule(None, None, afternoon, dt.time(15, 0), dt.time(18, 0), note=CLOSED_ON_HOLIDAYS))
        details += f"; {on_days(afternoon)} anche {time_span(dt.time(15, 0), dt.time(18, 0))}"
    details += ". Chiuso nei giorni festivi."
    return When(schedules, every(days), details)


def appointment(rng, today, fit=NONE):
    days = _weekdays((0, 1, 2, 3, 4), fit)
    wait = rng.choice(("pochi giorni", "una settimana", "dieci giorni"))
    details = (
        f"Su appuntamento, {every(days)}, esclusi i festivi. Di solito il primo incontro si fissa entro {wait} "
        "dalla richiesta."
    )
    return When([_schedule(None, None, days, None, None, note=BY_APPOINTMENT)], "su appuntamento", details)


def flexible(rng, today, fit=NONE):
    pool = _weekdays((0, 1, 2, 3, 4, 5), fit)
    days = sorted(rng.sample(pool, min(len(pool), rng.choice((1, 2)))))
    hours = rng.choice(("due ore", "tre ore", "mezza giornata"))
    details = f"Almeno {hours} a settimana, di solito {on_days(days)}; gli orari si concordano insieme."
    return When([_schedule(None, None, days, None, None, note=FLEXIBLE)], "orari da concordare", details)


def oneoff(rng, today, fit=NONE):
    day = _pick_day(rng, today, fit, 6, 150, lambda day: fit.admits_day(day) and not no_events_on(day))
    opens, closes = _times(rng, ((10, 0), (15, 30), (17, 0), (20, 45)), (90, 120, 150), fit)
    details = f"{_capitalise(long_date(day, weekday=True))}, {time_span(opens, closes)}."
    if rng.random() < 0.4:
        details += " In caso di maltempo l'evento si sposta al coperto."
    return When([_schedule(day, None, [], opens, closes)], long_date(day, weekday=True, year=False), details)


def series(rng, today, fit=NONE):
    wished, spacing = rng.choice((3, 4, 5)), rng.choice((7, 14, 28))
    opens, closes = _times(rng, ((10, 0), (16, 0), (18, 0), (20, 45)), (90, 120), fit)
    days = []
    # Fewer, closer dates when the season is too short for the wished ones.
    for count, gap in dict.fromkeys(((wished, spacing), (wished, 7), (3, 7), (2, 7))):
        span = dt.timedelta(days=gap * (count - 1))

        def starts_well(day, span=span):
            return fit.admits_day(day) and not no_events_on(day) and fit.admits_day(day + span)

        first = _pick_day(rng, today, fit, 5, 40 if fit.season is None else 120, starts_well)
        if first:
            every_gap = (first + dt.timedelta(days=gap * step) for step in range(count))
            days = [day for day in every_gap if fit.admits_day(day) and not no_events_on(day)]
            break
    listed = ", ".join(long_date(day, weekday=True) for day in days)
    appointments = "appuntamento" if len(days) == 1 else "appuntamenti"
    details = f"{_capitalise(NUMBER_WORDS[len(days)])} {appointments}: {listed}; sempre {time_span(opens, closes)}."
    summary = f"{NUMBER_WORDS[len(days)]} {appointments} dal {short_date(days[0])}"
    return When([_schedule(day, None, [], opens, closes) for day in days], summary, details)


def festival(rng, today, fit=NONE):
    """Two or three days over a weekend: Friday or Saturday to Sunday."""
    first_weekday = rng.choice((4, 5))
    length = 6 - first_weekday

    def starts_well(day):
        run = [day + dt.timedelta(days=offset) for offset in range(length + 1)]
        return day.weekday() == first_weekday and all(fit.admits_day(d) and not no_events_on(d) for d in run)

    start = _pick_day(rng, today, fit, 20 if fit.season is None else 3, 220, starts_well, frozenset({first_weekday}))
    end = start + dt.timedelta(days=length)
    hours = ((dt.time(10, 0), dt.time(19, 0)), (dt.time(17, 0), dt.time(23, 30)), (dt.time(18, 0), dt.time(23, 30)))
    if fit.time:
        hours = tuple(pair for pair in hours if TIMES[fit.time].admits(*pair)) or hours
    opens, closes = rng.choice(hours)
    details = (
        f"Da {long_date(start, weekday=True, year=False)} a {long_date(end, weekday=True)}, {time_span(opens, closes)}."
    )
    return When([_schedule(start, end, [], opens, closes)], f"dal {short_date(start)} al {short_date(end)}", details)


def summer_year(today):
    """The summer that summer camps are planned for: this year's until May, then next year's."""
    return today.year if today < dt.date(today.year, 5, 1) else today.year + 1


def summer(rng, today, fit=NONE):
    year = summer_year(today)
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


def call(rng, today, fit=NONE):
    start = today - dt.timedelta(days=rng.randint(3, 25))
    end = today + dt.timedelta(days=rng.randint(15, 75))
    days = rng.choice((30, 45, 60))
    details = (
        f"Le domande si presentano dal {long_date(start)} alle ore 12:00 del {long_date(end)}. "
        f"La graduatoria è pubblicata entro {days} giorni dalla scadenza."
    )
    return When([_schedule(start, end, [], None, None)], f"domande entro il {short_date(end)}", details, end)


SHAPES = {
    "afternoon": lambda rng, today, fit: weekly(rng, today, "afternoon", fit),
    "evening": lambda rng, today, fit: weekly(rng, today, "evening", fit),
    "morning": lambda rng, today, fit: weekly(rng, today, "morning", fit),
    "weekend": lambda rng, today, fit: weekly(rng, today, "weekend", fit),
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


def _weekdays(pool, fit):
    """The weekdays of `pool` the fit allows; the fit's own when the pool has none of them."""
    if fit.weekdays is None:
        return list(pool)
    return [day for day in pool if day in fit.weekdays] or sorted(fit.weekdays)


def _pick_day(rng, today, fit, first, last, good, weekdays=None):
    """A day between today + `first` and today + `last` days for which `good` holds; None if there is none.

    Without a season, a random day moved forward to the next good one; with one, a random pick among the good
    days (the next year's, if this window has none), so that seasonal events are spread over their season.
    `weekdays`, if given, narrows the days tried before `good` is asked.
    """
    if fit.season is None:
        day = today + dt.timedelta(days=rng.randint(first, last))
        for _attempt in range(400):
            if (weekdays is None or day.weekday() in weekdays) and good(day):
                return day
            day += dt.timedelta(days=1)
        return None
    for window in ((first, last), (first, first + 400)):
        candidates = [day for day in _season_days(today, fit.season, weekdays, *window) if good(day)]
        if candidates:
            return rng.choice(candidates)
    return None


@cache
def _season_days(today, season, weekdays, first, last):
    """The days from today + `first` to today + `last` in the season (and on `weekdays`, if given)."""
    days = (today + dt.timedelta(days=offset) for offset in range(first, last + 1))
    return tuple(
        day for day in days if (day.month, day.day) in season and (weekdays is None or day.weekday() in weekdays)
    )


def season_run(today, season):
    """The days of `season` (a set of (month, day)) from today, or from its next start, to its end."""
    start = today
    while (start.month, start.day) not in season:
        start += dt.timedelta(days=1)
    end = start
    while (end.month, end.day) in season and end - start < dt.timedelta(days=366):
        end += dt.timedelta(days=1)
    return start, end - dt.timedelta(days=1)


def part_of_day(opens):
    return "mattina" if opens.hour < 12 else "pomeriggio" if opens.hour < 18 else "sera"


def _schedule(start, end, days, opens, closes, note=""):
    return {
        "start_date": start,
        "end_date": end,
        "weekdays": [CODES[day] for day in days],
        "opens_at": opens,
        "closes_at": closes,
        "note": note,
    }


def _times(rng, starts, durations, fit=NONE):
    """Opening and closing times from the shape's starts and durations, within the fit's time of day."""
    if fit.time:
        (hour, minute), minutes = rng.choice(TIMES[fit.time].fitting(starts, durations))
    else:
        (hour, minute), minutes = rng.choice(starts), rng.choice(durations)
    opens = dt.datetime.combine(dt.date.min, dt.time(hour, minute))
    return opens.time(), (opens + dt.timedelta(minutes=minutes)).time()


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
