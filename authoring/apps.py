from django.apps import AppConfig


class AuthoringConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "authoring"
    verbose_name = "AI authoring"

    def ready(self):
        from . import signal_handlers  # noqa: F401
