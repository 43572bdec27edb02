"""The site's own URLs plus the benchmark's baseline; the bench settings' ROOT_URLCONF."""

from django.urls import include, path

from learning_site.urls import handler500  # noqa: F401 - Django reads it from the root URLconf

from . import views

urlpatterns = [
    path("bench/baseline/", views.baseline, name="bench_baseline"),
    path("", include("learning_site.urls")),
]
