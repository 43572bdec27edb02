from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    """The benchmark's data command (`make_bench_data`); its baseline view and query counter are used by
    the bench settings only."""

    name = "benchmark"
    verbose_name = "Benchmark"
