from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and accounts"

    def ready(self):
        from . import signal_handlers  # noqa: F401
