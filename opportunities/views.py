from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from opportunities.models import OpportunityPage
from opportunities.reminders import InvalidLink, opportunity_from_token
from opportunities.services import opportunity_confirm_still_valid

TEMPLATE = "opportunities/verification/confirm.html"


@require_http_methods(["GET", "POST"])
def confirm_still_valid(request, token):
    """The "ancora valida" link from a reminder email: GET asks for confirmation, only POST changes anything.

    The signed token is the only credential, so the page shows nothing an organization
    would not publish anyway, and the one action it allows is confirming this page.
    """
    try:
        page = opportunity_from_token(token)
    except InvalidLink as error:
        # 410: the link was genuine but is gone; 400: it never was a valid link.
        problem, status = ("expired", 410) if error.expired else ("invalid", 400)
        return TemplateResponse(request, TEMPLATE, {"problem": problem}, status=status)
    except OpportunityPage.DoesNotExist:
        return TemplateResponse(request, TEMPLATE, {"problem": "missing"}, status=404)
    confirmed = False
    if request.method == "POST":
        opportunity_confirm_still_valid(page=page, today=timezone.localdate())
        confirmed = True
    return TemplateResponse(request, TEMPLATE, {"opportunity": page, "confirmed": confirmed})
