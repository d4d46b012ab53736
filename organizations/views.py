"""The public "Registra la tua associazione" form: works without JavaScript, guarded without third-party services."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from home.models import PortalSettings
from organizations.antispam import FormTokenError, RateLimit, client_ip, form_token_check, form_token_make
from organizations.forms import RegistrationForm
from organizations.onboarding import registration_submit

TEMPLATE = "organizations/registration/form.html"
# Attempts from one address, whatever their outcome; requests for one contact email, once valid.
ATTEMPTS_PER_IP = RateLimit("registration-ip", limit=10, window=60 * 60)
REQUESTS_PER_EMAIL = RateLimit("registration-email", limit=3, window=24 * 60 * 60)

TOKEN_MESSAGES = {
    "invalid": _("Il modulo non è valido o è stato modificato. Ricontrolla i dati e invialo di nuovo."),
    "too_fast": _("Il modulo è stato inviato troppo in fretta. Ricontrolla i dati e invialo di nuovo."),
    "expired": _("Il modulo è rimasto aperto troppo a lungo. Ricontrolla i dati e invialo di nuovo."),
}
ROBOT_MESSAGE = _("Non è stato possibile inviare la richiesta. Se il problema continua, contatta il Comune.")
TOO_MANY_MESSAGE = _("Sono state inviate troppe richieste. Riprova più tardi o contatta il Comune.")


@require_http_methods(["GET", "HEAD", "POST"])
def registration(request):
    if request.method != "POST":
        return render_form(request, RegistrationForm())
    form = RegistrationForm(request.POST)
    if ATTEMPTS_PER_IP.hit(client_ip(request)):
        return render_form(request, form, error=TOO_MANY_MESSAGE, status=429)
    valid = form.is_valid()
    try:
        form_token_check(request.POST.get("started"))
    except FormTokenError as problem:
        return render_form(request, form, error=TOKEN_MESSAGES[str(problem)], status=400)
    if not valid:
        return render_form(request, form, status=400)
    if form.is_robot:
        return render_form(request, form, error=ROBOT_MESSAGE, status=400)
    if REQUESTS_PER_EMAIL.hit(form.cleaned_data["contact_email"]):
        return render_form(request, form, error=TOO_MANY_MESSAGE, status=429)
    cleaned = {name: value for name, value in form.cleaned_data.items() if name not in ("privacy", "homepage")}
    registration_submit(cleaned_data=cleaned)
    return redirect("organizations:registration_done")


def registration_done(request):
    return TemplateResponse(request, "organizations/registration/done.html")


def render_form(request, form, *, error=None, status=200):
    """Every rendering gets a fresh start token, so a visitor who is sent back can simply submit again."""
    context = {
        "form": form,
        "form_error": error,
        "form_token": form_token_make(),
        "privacy_url": PortalSettings.for_request(request).privacy_url,
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)
