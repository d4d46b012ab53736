"""What a listing's words promise, and its schedule and venue must keep: season, weekdays, time of day, place.

A title that says "serale" opens in the evening, "di Natale" falls in
December, "del sabato" happens on Saturdays, "in biblioteca" takes place in a
library. The promises are read from each title with the WORDS lexicon;
offers declare the rest (what their description promises: "una mattina di
pulizia"), and the ages of an offer add one default (school children meet
after school). The dates module draws schedules within a fit, the catalogue
picks venues within it, and the tests check every seeded listing against it.

Italian public holidays are here too: events (and first lessons) avoid them,
and Christmas Eve and New Year's Eve; weekly services say they close on them.
"""

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cache


@dataclass(frozen=True)
class TimeOfDay:
    """When an occurrence may open (from `earliest`, before `latest`), end and last."""

    earliest: dt.time
    latest: dt.time
    starts: tuple[tuple[int, int], ...]  # (hour, minute) drawn when a shape offers none in range
    durations: tuple[int, ...]  # minutes, likewise
    ends_by: dt.time = dt.time(23, 59)
    min_minutes: int = 0

    def admits(self, opens, closes):
        if opens is None or closes is None or not self.earliest <= opens < self.latest or closes > self.ends_by:
            return False
        return _minutes(closes) - _minutes(opens) >= self.min_minutes

    def fitting(self, starts, durations):
        """The (start, duration) pairs of a shape this time of day admits, else its own."""
        return _fitting(self, starts, durations)

    def _admits_pair(self, start, minutes):
        end = start[0] * 60 + start[1] + minutes
        return end < 24 * 60 and self.admits(dt.time(*start), dt.time(end // 60, end % 60))


# The search page's filter says: morning before 12, afternoon 12-18, evening from 18.
TIMES = {
    "morning": TimeOfDay(dt.time(7), dt.time(12), ((9, 0), (9, 30), (10, 0)), (60, 90, 120), dt.time(13, 30)),
    "lunch": TimeOfDay(dt.time(11, 30), dt.time(13, 30), ((12, 0), (12, 30)), (90, 120), dt.time(15, 30)),
    "afternoon": TimeOfDay(dt.time(13), dt.time(18), ((15, 0), (15, 30), (16, 0), (17, 0)), (90, 120, 150)),
    "evening": TimeOfDay(dt.time(18), dt.time(23), ((18, 30), (20, 0), (20, 30), (21, 0)), (90, 120, 150)),
    # A whole day out: a trip, a day on the farm.
    "day": TimeOfDay(dt.time(7), dt.time(10, 30), ((8, 0), (8, 30), (9, 0)), (480, 540, 600), min_minutes=360),
    # Not at night: fairs and open days.
    "daytime": TimeOfDay(dt.time(8), dt.time(17), ((9, 30), (10, 0), (15, 0), (15, 30)), (120, 180, 240)),
    # School children meet after school (school ends at 13-14, homework and lunch first).
    "afterschool": TimeOfDay(dt.time(14, 30), dt.time(18, 30), ((15, 0), (16, 0), (16, 30), (17, 0)), (60, 90, 120)),
}


@cache
def _fitting(time_of_day, starts, durations):
    pairs = [(start, minutes) for start in starts for minutes in durations if time_of_day._admits_pair(start, minutes)]
    return pairs or [(start, minutes) for start in time_of_day.starts for minutes in time_of_day.durations]


def _minutes(time):
    return time.hour * 60 + time.minute


def days_between(first, last):
    """The (month, day) pairs from `first` to `last`, both (month, day), wrapping over New Year."""
    day, end = dt.date(2024, *first), dt.date(2024 if last >= first else 2025, *last)  # 2024: a leap year
    days = set()
    while day <= end:
        days.add((day.month, day.day))
        day += dt.timedelta(days=1)
    return frozenset(days)


def months(*numbers):
    return frozenset().union(*(days_between((number, 1), (number, _last_day(number))) for number in numbers))


def _last_day(month):
    return (dt.date(2024 + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day


SEASONS = {
    # Christmas events come before Christmas: concerts, markets and the crib from the 1st to the 23rd.
    "natale": days_between((12, 1), (12, 23)),
    # Summer as families and summer camps have it: from June to mid September.
    "estate": days_between((6, 1), (9, 20)),
    "fine estate": days_between((8, 20), (9, 20)),
    "primavera": days_between((3, 20), (6, 10)),
    "autunno": days_between((9, 21), (11, 30)),
    "inverno": days_between((12, 1), (2, 28)) | {(2, 29)},
    # Outdoor fairs, walks and tournaments in the open air.
    "bella stagione": days_between((4, 1), (10, 15)),
    # Choosing a secondary school: enrolment closes at the end of January.
    "orientamento": days_between((10, 1), (1, 25)),
}
MONTH_NAMES = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
)  # fmt: skip
WEEKDAY_NAMES = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")


@dataclass(frozen=True)
class Fit:
    """The promises a listing makes. Empty fields promise nothing."""

    season: frozenset | None = None  # the (month, day) pairs its dates fall on
    weekdays: frozenset | None = None  # the weekdays it happens on, 0 = Monday
    time: str = ""  # a key of TIMES
    place: tuple[str, ...] = ()  # words, one of which its venue's name contains (lower case)
    words: tuple[str, ...] = field(default=(), compare=False)  # what promised it, for messages

    def __and__(self, other):
        """Both promises at once; a title's own place words win over its offer's."""
        if self.time and other.time and self.time != other.time:
            raise ValueError(f"{self.words + other.words}: both {self.time} and {other.time}")
        fit = Fit(
            season=_both(self.season, other.season),
            weekdays=_both(self.weekdays, other.weekdays),
            time=self.time or other.time,
            place=self.place or other.place,
            words=self.words + other.words,
        )
        if fit.season == frozenset() or fit.weekdays == frozenset():
            raise ValueError(f"{fit.words}: no day can keep all these promises")
        return fit

    @property
    def times(self):
        return TIMES[self.time] if self.time else None

    def admits_day(self, day):
        return (self.season is None or (day.month, day.day) in self.season) and (
            self.weekdays is None or day.weekday() in self.weekdays
        )

    def admits_place(self, name):
        return not self.place or any(word in name.lower() for word in self.place)

    def problems(self, schedules, places=()):
        """What in these schedules (objects or dicts with OpportunitySchedule's fields) and places breaks the fit."""
        found = [
            f"{place.name} is not a {' / '.join(self.place)}" for place in places if not self.admits_place(place.name)
        ]
        for schedule in schedules:
            get = schedule.get if isinstance(schedule, dict) else schedule.__getattribute__
            opens, closes, weekdays = get("opens_at"), get("closes_at"), get("weekdays")
            start, end = get("start_date"), get("end_date")
            if self.time and not TIMES[self.time].admits(opens, closes):
                found.append(f"{opens}-{closes} is not {self.time}")
            if weekdays and self.weekdays is not None and not {CODES.index(code) for code in weekdays} <= self.weekdays:
                found.append(f"{weekdays} are not {sorted(self.weekdays)}")
            if self.season is None and (self.weekdays is None or weekdays):
                continue
            if start is None:
                found.append("no dates, though the season or the weekday is promised")
                continue
            days = _days(start, end or (start if not weekdays else start + dt.timedelta(days=366)))
            codes = {CODES.index(code) for code in weekdays}
            for day in days:
                if (not codes or day.weekday() in codes) and not self.admits_day(day):
                    found.append(f"{day} is out of season or on the wrong weekday")
                    break
        return found


def _days(start, end):
    return [start + dt.timedelta(days=offset) for offset in range((end - start).days + 1)]


def _both(first, second):
    if first is None:
        return second
    return first if second is None else first & second


CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
NONE = Fit()

# The lexicon: a regular expression on the lower-case title, and what a title matching it promises.
WORDS = (
    (r"\bseral[ei]\b|\bserat[ae]\b|\bsera\b|\bnott[ei]\b|\bcena\b", Fit(time="evening")),
    (r"\bpomerigg[io]\b|\bpomeridian[ao]\b", Fit(time="afternoon")),
    (r"\bmattin[ao]\b|\bmattinat[ae]\b", Fit(time="morning")),
    (r"\bpranzo\b", Fit(time="lunch")),
    (r"\bun giorno\b|\bdi un giorno\b", Fit(time="day")),
    (r"\bgiornata\b|\bopen day\b", Fit(time="daytime")),
    *(
        (rf"\b{name[:-1]}[iì]\b" if name.endswith("ì") else rf"\b{name}\b", Fit(weekdays=frozenset({number})))
        for number, name in enumerate(WEEKDAY_NAMES[:5])
    ),
    (r"\bsabat[oi]\b", Fit(weekdays=frozenset({5}))),
    (r"\bdomenic(a|he)\b", Fit(weekdays=frozenset({6}))),
    (r"\bfine settimana\b|\bweekend\b", Fit(weekdays=frozenset({5, 6}))),
    (r"\bnatal[ei]\b|\bnatalizi", Fit(season=SEASONS["natale"])),
    (r"\bfine estate\b", Fit(season=SEASONS["fine estate"])),
    (r"\bestat[ei]\b|\bestiv[aoie]\b|\bsummer\b", Fit(season=SEASONS["estate"])),
    (r"\bprimavera\b|\bprimaverile\b", Fit(season=SEASONS["primavera"])),
    (r"\bautunn", Fit(season=SEASONS["autunno"])),
    (r"\binvern", Fit(season=SEASONS["inverno"])),
    *((rf"\b{name}\b", Fit(season=months(number))) for number, name in enumerate(MONTH_NAMES, start=1)),
    # Venues a title names: the opportunity takes place there.
    (r"\bbibliotec[ah]", Fit(place=("biblioteca",))),
    (r"\bpalazzo manin\b|\bal museo\b", Fit(place=("palazzo manin",))),
    (r"\bil binario\b", Fit(place=("il binario",))),
    (r"\bal parco\b|\bil parco\b", Fit(place=("parco",))),
    (r"\bargin[ei]\b", Fit(place=("argine",))),
    (r"\bcanalbianco\b|\bsul canale\b", Fit(place=("canalbianco",))),
    (r"\bin fattoria\b", Fit(place=("fattoria",))),
    (r"\bconsultorio\b", Fit(place=("consultorio",))),
    (r"\boratorio\b", Fit(place=("oratorio",))),
    (r"\bpiscina\b", Fit(place=("piscina",))),
)
COMPILED = tuple((re.compile(pattern), replace(fit, words=(pattern,))) for pattern, fit in WORDS)


@cache
def fit_of(text):
    """What a title (or any text) promises, by the WORDS lexicon."""
    fit = NONE
    lowered = text.lower()
    for pattern, promise in COMPILED:
        match = pattern.search(lowered)
        if match:
            fit = fit & replace(promise, words=(match.group(0),))
    return fit


# Shapes of schedule that draw times on school days, where school children get the after-school default.
SCHOOL_DAY_SHAPES = frozenset({"afternoon", "morning", "evening", "course", "oneoff", "series"})


def default_fit(ages, shape):
    """The promise an offer's ages make: an offer for school children meets after school."""
    low, high = ages
    if high is not None and 6 <= high <= 18 and (low or 0) <= high and shape in SCHOOL_DAY_SHAPES:
        return Fit(time="afterschool", words=("età scolare",))
    return NONE


def fit_for(offer, title):
    """All that a title of an offer promises: its words, the offer's declared fit, then the ages' default."""
    fit = fit_of(title) & offer.fit
    if not fit.time:
        fit = fit & default_fit(offer.ages, offer.when)
    return fit


# Italian public holidays: the fixed ones, Easter Sunday and Monday.
FIXED_HOLIDAYS = frozenset(
    {(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26)}
)  # fmt: skip


@cache
def holidays(year):
    easter = easter_sunday(year)
    return frozenset({dt.date(year, month, day) for month, day in FIXED_HOLIDAYS} | {easter, easter + dt.timedelta(1)})


def is_holiday(day):
    return day in holidays(day.year)


# The evenings nobody books an event for: Christmas Eve and New Year's Eve.
EVES = frozenset({(12, 24), (12, 31)})


def no_events_on(day):
    """Whether events and first lessons keep off this day: a public holiday, Christmas Eve, New Year's Eve."""
    return (day.month, day.day) in EVES or is_holiday(day)


def easter_sunday(year):
    """Gregorian Easter (the anonymous algorithm in Meeus, Astronomical Algorithms)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)
