from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def register_account_urls():
    return [
        path("students/<int:user_id>/data.json", admin_views.student_data, name="accounts_student_data"),
        path("students/<int:user_id>/delete/", admin_views.delete_student, name="accounts_student_delete"),
    ]
