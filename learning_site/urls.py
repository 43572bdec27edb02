from pathlib import Path

from django.conf import settings
from django.contrib.auth.views import (
    LogoutView,
    PasswordResetCompleteView,
    PasswordResetConfirmView,
    PasswordResetDoneView,
)
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from analytics import activity as analytics_activity
from analytics import views as analytics_views
from courses import api as course_api
from courses import views as course_views
from courses.pages_api import CoursePagesAPIViewSet
from home import views as home_views
from notifications import views as notification_views
from payments import views as payment_views
from quizzes import views as quiz_views

# Read-only pages API: only each page type's api_fields, never lesson bodies, no search, and no
# private course for a viewer without access.
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CoursePagesAPIViewSet)


urlpatterns = [
    path("favicon.ico", home_views.favicon),
    # Analytics sit under /admin/ but outside Wagtail's own URLs, so that someone without analytics
    # rights gets 403 (from analytics.permissions) rather than Wagtail's login page.
    path("admin/analytics/", analytics_views.overview, name="analytics"),
    path("admin/analytics/summary.json", analytics_views.summary_json, name="analytics_summary"),
    path("admin/analytics/activity.json", analytics_activity.activity_json, name="analytics_activity"),
    path("admin/analytics/courses/<int:page_id>/", analytics_views.course_funnel, name="analytics_course"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/lessons/<int:lesson_id>/progress/", course_api.lesson_progress, name="api_lesson_progress"),
    path("api/lessons/<int:lesson_id>/complete/", course_api.lesson_complete, name="api_lesson_complete"),
    path("api/courses/<int:course_id>/favorite/", course_api.course_favorite, name="api_course_favorite"),
    path("api/chatbot/", course_api.chatbot, name="api_chatbot"),
    path("my-dashboard/", course_views.dashboard, name="dashboard"),
    path("my-dashboard/course/<slug:slug>/", course_views.course_progress, name="course_progress"),
    path("my-certifications/", course_views.certifications, name="certifications"),
    path("search/", course_views.search, name="search"),
    path(
        "lessons/<int:lesson_id>/resources/<int:document_id>/",
        course_views.lesson_resource,
        name="lesson_resource",
    ),
    path("certificates/<str:number>/", quiz_views.certificate_verify, name="certificate_verify"),
    path("certificates/<str:number>/print/", quiz_views.certificate_print, name="certificate_print"),
    path("certificates/<str:number>/pdf/", quiz_views.certificate_pdf, name="certificate_pdf"),
    path("account/", account_views.account, name="account"),
    path("account/data.json", account_views.account_data, name="account_data"),
    path("account/delete/", account_views.delete_account, name="account_delete"),
    path("email/unsubscribe/<str:token>/", notification_views.unsubscribe, name="email_unsubscribe"),
    path("account/receipts/<int:purchase_id>/", payment_views.receipt, name="payments_receipt"),
    path("bundles/<slug:slug>/", payment_views.bundle_page, name="bundle"),
    path("membership/", payment_views.membership_page, name="membership"),
    path("payments/success/", payment_views.checkout_success, name="payments_success"),
    path("payments/status/", payment_views.checkout_status, name="payments_status"),
    path("payments/stripe/webhook/", payment_views.stripe_webhook, name="stripe_webhook"),
    path("register/", home_views.register, name="register"),
    path("login/", home_views.StudentLoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("password-reset/", home_views.StudentPasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        PasswordResetDoneView.as_view(template_name="registration/password_reset_sent.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(template_name="registration/password_reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        PasswordResetCompleteView.as_view(template_name="registration/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images only: documents are served by Wagtail's view, which keeps lesson files behind their
    # lesson (a web server in production must not serve media/documents/ either).
    for folder in ("images", "original_images"):
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder)

urlpatterns += [path("", include(wagtail_urls))]
handler500 = "learning_site.failures.server_error"
