from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

# iCalendar BYDAY codes, as Open Referral HSDS schedules use them; Monday first.
WEEKDAYS = [
    ("MO", _("lunedì")),
    ("TU", _("martedì")),
    ("WE", _("mercoledì")),
    ("TH", _("giovedì")),
    ("FR", _("venerdì")),
    ("SA", _("sabato")),
    ("SU", _("domenica")),
]
WEEKDAY_CODES = [code for code, _label in WEEKDAYS]


class WeekdaysField(models.CharField):
    """A set of weekdays stored as an RRULE BYDAY string ("MO,WE,FR").

    In Python the value is a list of codes in calendar order, so recurrence
    code and forms never parse strings themselves.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    @staticmethod
    def normalize(value):
        if not value:
            return []
        codes = value.split(",") if isinstance(value, str) else value
        codes = {code.strip().upper() for code in codes}
        unknown = codes - set(WEEKDAY_CODES)
        if unknown:
            raise forms.ValidationError(
                _("Giorno della settimana non valido: %(codes)s"), params={"codes": ", ".join(sorted(unknown))}
            )
        return [code for code in WEEKDAY_CODES if code in codes]

    def from_db_value(self, value, expression, connection):
        return self.normalize(value)

    def to_python(self, value):
        return self.normalize(value)

    def get_prep_value(self, value):
        if isinstance(value, str) and len(value) == 2:
            return value.upper()  # a single code, as in a `contains` lookup
        return ",".join(self.normalize(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=WEEKDAYS,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )
