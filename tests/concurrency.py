"""Running the same action in several threads at once, each with its own database connection."""

import threading

from django.db import connections


def at_once(action, times=2):
    """Run `action` in `times` threads released together; returns (results, errors)."""
    start = threading.Barrier(times)
    results, errors = [], []

    def run():
        try:
            start.wait(timeout=10)
            results.append(action())
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors
