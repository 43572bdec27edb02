"""Tag tests with the ISO/IEC 25010:2023 quality characteristic they give evidence for.

Copy this file into your tests folder as conftest.py (or paste its contents into your conftest.py).
Then mark tests like this:

    @pytest.mark.quality("security")
    def test_session_cookie_is_http_only(): ...

After every run pytest prints how many selected tests cover each characteristic, and warns about
the characteristics with none. "pytest -m quality" runs every tagged test. An unknown name stops the
run, so a typo such as "usability" (the 2011 name) cannot hide a test from the count.
"""

from collections import Counter

import pytest

CHARACTERISTICS = (
    "functional suitability",
    "performance efficiency",
    "compatibility",
    "interaction capability",
    "reliability",
    "security",
    "maintainability",
    "flexibility",
    "safety",
)
COUNTS = pytest.StashKey[Counter]()
UNTAGGED = pytest.StashKey[int]()


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "quality(characteristic): ISO/IEC 25010:2023 characteristic this test gives evidence for",
    )


def pytest_collection_finish(session):
    # runs after -m and -k have deselected tests, so the counts describe this run
    config, counts, untagged = session.config, Counter(), 0
    for item in session.items:
        marks = list(item.iter_markers(name="quality"))
        if not marks:
            untagged += 1
        for mark in marks:
            name = str(mark.args[0]).lower() if mark.args else ""
            if name not in CHARACTERISTICS:
                raise pytest.UsageError(
                    f"{item.nodeid}: unknown quality characteristic {name!r}; use one of {', '.join(CHARACTERISTICS)}"
                )
            counts[name] += 1
    config.stash[COUNTS] = counts
    config.stash[UNTAGGED] = untagged


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    counts = config.stash.get(COUNTS, Counter())
    terminalreporter.section("ISO/IEC 25010 coverage of the selected tests")
    for name in CHARACTERISTICS:
        flag = "" if counts[name] else "   <-- no tests: is that a decision or a gap?"
        terminalreporter.write_line(f"{name:<24}{counts[name]:>4}{flag}")
    terminalreporter.write_line(f"{'(untagged)':<24}{config.stash.get(UNTAGGED, 0):>4}")
