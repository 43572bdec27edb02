"""Buying: the Buy buttons' targets, the bundle and membership pages, the page Stripe sends the buyer
back to, and the webhook through which Stripe tells us what was paid."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from access.models import Bundle
from access.services import AccessError
from courses.views import render_private

from . import stripe_api
from .checkout import bundle_offer, course_offer, membership_offer, start_checkout
from .forms import BundleChoiceForm
from .models import Purchase
from .selectors import buyers_checkout, contact_line, live_membership, membership_courses
from .webhooks import handle_event

logger = logging.getLogger(__name__)


def go_to_checkout(request, offer, *, back):
    """Send the buyer to Stripe's payment page for `offer`, or back with what went wrong."""
    success = request.build_absolute_uri(reverse("payments_success")) + "?session_id={CHECKOUT_SESSION_ID}"
    try:
        _purchase, url = start_checkout(
            request.user, offer, success_url=success, cancel_url=request.build_absolute_uri(back)
        )
    except stripe_api.PaymentError as error:
        messages.error(request, str(error))
        return redirect(back)
    response = HttpResponseRedirect(url)
    response.status_code = 303  # "see other": the browser GETs Stripe's page after this POST
    return response


def buy_course(request, course):
    """POST from a course's Buy button (the course page's `buy/` route)."""
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    if not request.user.is_authenticated:
        return redirect_to_login(course.url)
    try:
        offer = course_offer(request.user, course)
    except AccessError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    return go_to_checkout(request, offer, back=course.url)


def bundle_page(request, slug):
    bundle = get_object_or_404(Bundle.objects.prefetch_related("courses", "tiers__courses"), slug=slug, is_active=True)
    form = BundleChoiceForm(bundle, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        if form.is_valid():
            try:
                offer = bundle_offer(request.user, bundle, **form.choice())
            except AccessError as error:
                form.add_error(None, str(error))
            else:
                return go_to_checkout(request, offer, back=request.path)
    context = {"bundle": bundle, "form": form, "checkout_on": stripe_api.is_configured()}
    context["contact_line"] = contact_line(request)
    return render(request, "payments/bundle.html", context, status=400 if form.errors else 200)


def membership_page(request):
    price = stripe_api.membership_price() if stripe_api.membership_on_sale() else None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        try:
            offer = membership_offer(request.user)
        except AccessError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        return go_to_checkout(request, offer, back=request.path)
    context = {
        "price": price,
        "courses": membership_courses(request.user),
        "membership": live_membership(request.user),
        "contact_line": contact_line(request),
    }
    return render(request, "payments/membership.html", context)


@login_required
def checkout_success(request):
    """Where Stripe sends the buyer after paying: it waits for the webhook rather than taking the
    browser's word that the payment went through."""
    purchase = buyers_checkout(request)
    if purchase is None:
        response = render_private(request, "payments/success.html", {"purchase": None})
        response.status_code = 404
        return response
    return render_private(request, "payments/success.html", {"purchase": purchase})


@login_required
def checkout_status(request):
    purchase = buyers_checkout(request)
    if purchase is None:
        return JsonResponse({"error": "No such checkout."}, status=404)
    response = JsonResponse({"status": purchase.status, "next_url": purchase_next_url(purchase)})
    response["Cache-Control"] = "private, no-store"
    return response


def purchase_next_url(purchase):
    if purchase.kind == Purchase.Kind.COURSE and purchase.course is not None:
        return purchase.course.url
    return reverse("dashboard")


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's events, checked against the webhook secret: 400 and nothing written when the
    signature does not match; 200 for a replay."""
    try:
        event = stripe_api.verified_event(request.body, request.headers.get("Stripe-Signature", ""))
    except ValueError as error:
        logger.warning("Refused a Stripe webhook: %s", error)
        return HttpResponseBadRequest("Invalid signature or payload.")
    handled = handle_event(event)
    return JsonResponse({"received": True, "replay": not handled})


@login_required
def receipt(request, purchase_id):
    purchase = get_object_or_404(
        Purchase.objects.select_related("user"),
        pk=purchase_id,
        user=request.user,
        status__in=[Purchase.Status.PAID, Purchase.Status.REFUNDED],
    )
    return render_private(request, "payments/receipt.html", {"purchase": purchase})
