"""Create a reusable pytest project template (Module 8 project, "A Reusable Test Project Template").

Usage:
    python make_test_template.py my-test-project
    cd my-test-project
    python -m venv .venv && source .venv/bin/activate     # Windows: .venv\Scripts\Activate.ps1
    python -m pip install -r requirements-test.txt
    python -m pytest

It writes a small, working skeleton: configuration, a root conftest.py with an environment option and
read-only settings, helpers with their own tests, a data-driven example, markers, reports and a GitHub
Actions workflow. Every file is meant to be edited; nothing here is specific to one application.
Only the Python standard library is needed to create it.
"""

import sys
from pathlib import Path

WORKFLOW = """\
# .github/workflows/tests.yml - run the test template on every push and pull request.
# Module 8 project "A Reusable Test Project Template". Module 12 extends it with stages and quality gates.
# Action versions: the current major releases in 2026 (Node 24). Check each action's page when you copy this.
name: tests

on:
  push:
  pull_request:

jobs:
  pytest:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    env:
      TARGET_ENV: local            # which config/<name>.json the tests read
    steps:
      - uses: actions/checkout@v6

      - uses: actions/setup-python@v6
        with:
          python-version: "3.13"
          cache: pip
          cache-dependency-path: requirements-test.txt

      - name: Install test dependencies
        run: python -m pip install -r requirements-test.txt

      - name: Run the tests
        run: python -m pytest --junitxml=reports/junit.xml --html=reports/report.html --self-contained-html

      - name: Keep the reports
        if: always()               # upload them when tests fail too: that is when you need them
        uses: actions/upload-artifact@v6
        with:
          name: test-reports
          path: reports/
          retention-days: 30
"""

FILES = {
    "pyproject.toml": """\
[tool.pytest]
minversion = "9.0"
testpaths = ["tests"]
pythonpath = [".", "tests"]    # "." for the code under test, "tests" for the helpers package
addopts = ["-ra"]
strict = true
markers = [
    "smoke: the critical path; must stay under one minute in total",
    "slow: longer than about a second; left out of the fast local loop",
]
# pytest 8: use [tool.pytest.ini_options] with addopts = "-ra --strict-markers" instead.
""",
    "requirements-test.txt": """\
# Pinned on purpose: upgrade in a pull request of its own, and read the changelogs first.
pytest==9.2.0
pytest-html==4.2.0
pytest-randomly==5.1.0
pytest-xdist==3.8.0
""",
    ".gitignore": """\
.venv/
__pycache__/
.pytest_cache/
reports/
*.pyc
.env
""",
    "config/local.json": """\
{
  "base_url": "http://localhost:8000",
  "timeout_seconds": 5,
  "currency": "USD"
}
""",
    "config/staging.json": """\
{
  "base_url": "https://staging.example.com",
  "timeout_seconds": 10,
  "currency": "USD"
}
""",
    "tests/conftest.py": '''\
"""Fixtures and options every test in the project can use.

Choose the environment with --target-env (or the TARGET_ENV variable): the settings fixture reads
config/<name>.json. Secrets never live in config files: read them from environment variables.
"""

import json
import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = PROJECT_ROOT / "config"
DATA_DIR = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser):
    parser.addoption(
        "--target-env",
        default=os.environ.get("TARGET_ENV", "local"),
        choices=sorted(path.stem for path in CONFIG_DIR.glob("*.json")),
        help="which config/<name>.json to test against (default: $TARGET_ENV or local)",
    )


def pytest_report_header(config):
    return f"target environment: {config.getoption('--target-env')}"


@pytest.fixture(scope="session")
def settings(pytestconfig):
    """Read-only settings for the target environment. Never change them in a test."""
    name = pytestconfig.getoption("--target-env")
    values = json.loads((CONFIG_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return {"name": name, **values}


@pytest.fixture(scope="session")
def data_dir():
    """The folder with CSV and JSON test data."""
    return DATA_DIR


@pytest.fixture
def api_token():
    """A secret from the environment; tests that need it are skipped, with a reason, when it is missing."""
    token = os.environ.get("QA_API_TOKEN")
    if not token:
        pytest.skip("QA_API_TOKEN is not set (CI reads it from a repository secret)")
    return token
''',
    "tests/helpers/__init__.py": '"""Shared test code, one module per job."""\n',
    "tests/helpers/data_files.py": '''\
"""Read test data files into pytest parameters."""

import csv
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def csv_cases(file_name, id_column="case_id"):
    """Every row of tests/data/<file_name> as a pytest.param of one dict, with the id column as its id."""
    with (DATA_DIR / file_name).open(newline="", encoding="utf-8") as handle:
        return [pytest.param(row, id=row[id_column]) for row in csv.DictReader(handle)]
''',
    "tests/helpers/money.py": '''\
"""Money helpers: amounts in tests are Decimals built from strings, never floats."""

from decimal import ROUND_HALF_UP, Decimal


def money(value):
    """A Decimal rounded to the cent, half up, from a string, int or Decimal."""
    if isinstance(value, float):
        raise TypeError("pass money as a string such as '5.99', not as a float")
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent_of(amount, percent):
    """percent % of amount, rounded to the cent."""
    return money(money(amount) * Decimal(str(percent)) / 100)
''',
    "tests/data/percent-cases.csv": """\
case_id,amount,percent,expected
ten-percent-of-50,50.00,10,5.00
ten-percent-rounds-down,50.01,10,5.00
ten-percent-rounds-half-up,123.45,10,12.35
twenty-percent-of-80,80.00,20,16.00
zero-percent,80.00,0,0.00
""",
    "tests/unit/test_money_helpers.py": '''\
"""Tests for the template's own helpers: the template proves it works before you add anything."""

from decimal import Decimal

import pytest

from helpers.data_files import csv_cases
from helpers.money import money, percent_of


@pytest.mark.smoke
def test_money_rounds_to_the_cent_half_up():
    assert money("2.345") == Decimal("2.35")


def test_money_refuses_floats():
    with pytest.raises(TypeError, match="not as a float"):
        money(5.99)


@pytest.mark.parametrize("case", csv_cases("percent-cases.csv"))
def test_percent_of(case):
    assert percent_of(case["amount"], case["percent"]) == Decimal(case["expected"])
''',
    "tests/unit/test_settings.py": '''\
"""Sanity checks for the configuration: a broken config file should fail here, not in 200 other tests."""

import pytest


@pytest.mark.smoke
def test_settings_name_the_target_environment(settings):
    assert settings["name"] in ("local", "staging")


def test_every_environment_has_a_base_url_and_a_timeout(settings):
    assert settings["base_url"].startswith(("http://", "https://"))
    assert 0 < settings["timeout_seconds"] <= 30


def test_non_local_environments_use_https(settings):
    if settings["name"] == "local":
        pytest.skip("local development may use plain http")
    assert settings["base_url"].startswith("https://")
''',
    "tests/api/test_example_api.py": '''\
"""Where API tests go (Module 5 style, with requests). This example needs no network."""


def test_api_base_url_has_no_trailing_slash(settings):
    # Joining "https://host/" and "/orders" gives "https://host//orders": keep base URLs clean.
    assert not settings["base_url"].endswith("/")
''',
    "tests/ui/test_example_ui.py": '''\
"""Where browser tests go (Module 10: Playwright or Selenium). Until then, this placeholder documents the folder."""


def test_ui_tests_share_the_same_settings(settings):
    assert settings["timeout_seconds"] >= 5   # browsers need a little more patience than APIs
''',
    ".github/workflows/tests.yml": WORKFLOW,
    "README.md": """\
# Test project template

A pytest skeleton for API and UI test automation. Created with `make_test_template.py` (Module 8).

## Run the tests

```bash
python -m venv .venv && source .venv/bin/activate   # Windows: .venv\\Scripts\\Activate.ps1
python -m pip install -r requirements-test.txt
python -m pytest                                     # everything, against config/local.json
python -m pytest -m smoke                            # the critical path only
python -m pytest --target-env staging                # another environment
python -m pytest --junitxml=reports/junit.xml --html=reports/report.html --self-contained-html
```

## Layout

| Path | What goes there |
| --- | --- |
| `tests/unit/` | fast checks of rules and helpers |
| `tests/api/` | API tests |
| `tests/ui/` | browser tests |
| `tests/data/` | CSV and JSON test data |
| `tests/helpers/` | shared code, one module per job |
| `config/` | one JSON file per environment, no secrets |

## Conventions

- Test names are sentences about behaviour. Parametrised cases have readable ids.
- Markers: `smoke` (critical path, under a minute), `slow` (over a second each). Folders say what kind of test it is.
- Secrets come from environment variables (`QA_API_TOKEN`); CI reads them from repository secrets.
- Known bugs: `xfail(strict=True, reason="TICKET: summary")`, never a deleted test.
""",
}


def main(target="qa-test-template"):
    root = Path(target)
    if root.exists():
        print(f"{root} already exists; choose another name.")
        return 1
    for name, content in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    print(f"Created {root} with {len(FILES)} files.")
    print(f"Next: cd {root}, create a virtual environment, pip install -r requirements-test.txt, python -m pytest")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
