"""A benchmark anyone can run with one command: `python -m benchmark.run` (see README.md here)."""


class BenchmarkError(RuntimeError):
    """The benchmark cannot go on, for a reason a person can act on; the runner prints it and stops."""
