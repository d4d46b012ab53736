"""Forms of the onboarding: the public registration, the municipal decision and the invitation of colleagues."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from organizations.models import OrganizationRegistration
from taxonomy.models import Category, District

# The RUNTS "numero di repertorio" is a plain number; people often type it with a prefix.
RUNTS_PREFIX = re.compile(r"^(?:rep(?:ertorio)?\.?|n(?:umero)?\.?|n°|nr\.?|\s)+", re.IGNORECASE)
RUNTS_NUMBER = re.compile(r"^\d{1,8}$")
PHONE = re.compile(r"^\+?[\d\s./()-]{6,40}$")
MAX_CATEGORIES = 5
MAX_REASON_LENGTH = 2000
# Control characters other than tab and line breaks: no name, address or message contains them, and they would
# end up in pages and emails. NUL is left to Django's own validator (every CharField refuses it).
CONTROL_CHARACTERS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

CONTROL_CLASSES = {
    forms.CheckboxInput: "form-check-input",
    forms.CheckboxSelectMultiple: "form-check-input",
    forms.Select: "form-select",
}


def runts_number_normalize(value):
    """'Rep. n. 012345' -> '012345'; raise ValidationError when what is left is not the registry's number."""
    number = RUNTS_PREFIX.sub("", value.strip()).replace(" ", "")
    if not RUNTS_NUMBER.match(number):
        raise ValidationError(
            _("Il numero RUNTS è il numero di repertorio: da 1 a 8 cifre, ad esempio 123456."),
            code="runts_format",
        )
    return number


def phone_validate(value):
    if value and (not PHONE.match(value) or sum(character.isdigit() for character in value) < 6):
        raise ValidationError(_("Scrivi un numero di telefono valido, ad esempio 051 123456."), code="phone_format")
    return value


def required(message):
    return {"required": message}


def control_characters_refuse(value):
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("Il testo contiene caratteri non ammessi: riscrivilo."), code="control_characters")


class ControlCharactersMixin:
    """Every text field refuses control characters, so a forged request is a form error (400), not stored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators = [*field.validators, control_characters_refuse]


class BootstrapItaliaFormMixin:
    """Gives every widget the design system's class; errors and help texts are tied to fields by Django's ARIA."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css_class = CONTROL_CLASSES.get(type(field.widget), "form-control")
            field.widget.attrs.setdefault("class", css_class)


class RegistrationForm(ControlCharactersMixin, BootstrapItaliaFormMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("Sito web"),
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": _("Scrivi un indirizzo web completo, ad esempio https://www.associazione.it.")},
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Quartieri in cui operate"),
        queryset=District.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Ambiti di attività"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Al massimo %(count)s.") % {"count": MAX_CATEGORIES},
    )
    privacy = forms.BooleanField(
        label=_("Ho letto l'informativa privacy e acconsento al trattamento dei dati per gestire questa richiesta."),
        error_messages=required(_("Per inviare la richiesta devi accettare l'informativa privacy.")),
    )
    # A trap for robots: hidden from people and from assistive technology, so only a robot fills it in.
    homepage = forms.CharField(label=_("Non compilare questo campo"), required=False, max_length=200)

    class Meta:
        model = OrganizationRegistration
        fields = [
            "name",
            "legal_form",
            "runts_number",
            "summary",
            "email",
            "phone",
            "website",
            "address",
            "districts",
            "categories",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_role",
        ]
        labels = {
            "name": _("Nome dell'organizzazione"),
            "legal_form": _("Forma giuridica"),
            "runts_number": _("Numero di iscrizione al RUNTS (facoltativo)"),
            "summary": _("Di cosa vi occupate, in breve"),
            "email": _("Email dell'organizzazione"),
            "phone": _("Telefono dell'organizzazione"),
            "address": _("Indirizzo della sede"),
            "contact_name": _("Nome e cognome"),
            "contact_email": _("Email"),
            "contact_phone": _("Telefono"),
            "contact_role": _("Ruolo nell'organizzazione"),
        }
        help_texts = {
            "runts_number": _(
                "Il numero di repertorio del Registro unico nazionale del Terzo settore, se siete iscritti."
            ),
            "summary": _("Una o due frasi semplici, fino a 300 caratteri: appariranno sulla vostra pagina."),
            "email": _("Sarà pubblicata sulla vostra pagina: usate un indirizzo dell'organizzazione."),
            "address": _("Via, numero civico e comune."),
            "contact_email": _("Qui riceverai l'esito della richiesta e il link per accedere."),
            "contact_role": _("Ad esempio presidente, segretaria, volontario."),
        }
        error_messages = {
            "name": required(_("Scrivi il nome dell'organizzazione.")),
            "legal_form": required(_("Scegli la forma giuridica; se nessuna va bene, scegli «Altro».")),
            "summary": required(_("Descrivi in breve di cosa vi occupate.")),
            "email": {
                "required": _("Scrivi l'email dell'organizzazione."),
                "invalid": _("Scrivi un indirizzo email valido, ad esempio info@associazione.it."),
            },
            "contact_name": required(_("Scrivi il nome e cognome della persona di riferimento.")),
            "contact_email": {
                "required": _("Scrivi l'email della persona di riferimento."),
                "invalid": _("Scrivi un indirizzo email valido, ad esempio nome@esempio.it."),
            },
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["legal_form"].choices = [("", _("Scegli…")), *self.fields["legal_form"].choices[1:]]
        self.fields["districts"].queryset = District.objects.order_by("name")
        # Italian terms only: the registration creates the page in the default locale.
        self.fields["categories"].queryset = Category.objects.filter(
            parent__isnull=True, locale=Locale.get_default()
        ).order_by("sort_order", "name")
        self.fields["homepage"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_runts_number(self):
        value = self.cleaned_data["runts_number"]
        return runts_number_normalize(value) if value.strip() else ""

    def clean_phone(self):
        return phone_validate(self.cleaned_data["phone"])

    def clean_contact_phone(self):
        return phone_validate(self.cleaned_data["contact_phone"])

    def clean_categories(self):
        categories = self.cleaned_data["categories"]
        if len(categories) > MAX_CATEGORIES:
            raise ValidationError(
                _("Scegli al massimo %(count)s ambiti di attività."), params={"count": MAX_CATEGORIES}, code="too_many"
            )
        return categories

    @property
    def is_robot(self):
        """The trap field was filled in (only meaningful after validation)."""
        return bool(self.cleaned_data.get("homepage"))


class ApprovalForm(ControlCharactersMixin, forms.Form):
    title = forms.CharField(
        label=_("Nome della pagina dell'organizzazione"),
        max_length=150,
        help_text=_("Puoi correggerlo prima di approvare: diventa il titolo della pagina e il nome del gruppo."),
    )


class RejectionForm(ControlCharactersMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motivo del rifiuto"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sarà inviato per email alla persona che ha fatto la richiesta."),
        error_messages=required(_("Scrivi il motivo: la persona che ha fatto la richiesta lo riceverà per email.")),
    )


class InvitationForm(ControlCharactersMixin, forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        max_length=get_user_model()._meta.get_field("email").max_length,
        error_messages={
            "required": _("Scrivi l'email della persona da invitare."),
            "invalid": _("Scrivi un indirizzo email valido, ad esempio nome@esempio.it."),
        },
    )
    first_name = forms.CharField(
        label=_("Nome"),
        max_length=150,
        error_messages=required(_("Scrivi il nome della persona da invitare.")),
    )
    last_name = forms.CharField(label=_("Cognome"), max_length=150, required=False)
