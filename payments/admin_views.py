"""The admin's refund button: asks Stripe to refund; the webhook then ends the purchase's access."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from access.forms import ReasonForm
from access.selectors import can_manage_access
from access.services import AccessError

from .models import Purchase
from .refunds import request_refund
from .stripe_api import PaymentError


@require_http_methods(["GET", "POST"])
def refund_payment(request, purchase_id):
    if not can_manage_access(request.user):
        raise PermissionDenied("Only access managers can refund purchases.")
    purchase = get_object_or_404(Purchase.objects.select_related("user"), pk=purchase_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_refund(purchase=purchase, requested_by=request.user, reason=form.cleaned_data["reason"])
        except (AccessError, PaymentError) as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"Stripe is refunding {purchase.amount} {purchase.currency.upper()} for “{purchase.description}”. "
                "The access it gave ends when Stripe confirms the refund, usually within a minute.",
            )
            return redirect("access_student", user_id=purchase.user_id)
    return TemplateResponse(
        request,
        "access/admin/form.html",
        {
            "page_title": f"Refund “{purchase.description}”",
            "page_subtitle": f"{purchase.user} · {purchase.receipt_number} · {purchase.amount} {purchase.currency}",
            "header_icon": "undo",
            "form": form,
            "submit_label": "Refund through Stripe",
            "danger": True,
        },
    )
