"""One place for environment settings (Module 10, lesson 6).

Choose an environment with --env on the command line or TEST_ENV in the environment.
TRAILMART_URL, if set, overrides the base URL of any environment (handy in CI).
Nothing secret lives here: passwords for real systems come from CI secrets, never from Git.
"""

import os
from dataclasses import dataclass

ENVIRONMENTS = {
    "local": {"base_url": "http://localhost:8010", "timeout": 10},
    "slow": {"base_url": "http://localhost:8031", "timeout": 20},   # python trailmart.py --port 8031 --speed slow
    "ci": {"base_url": "http://127.0.0.1:8010", "timeout": 15},
}


@dataclass(frozen=True)
class Settings:
    env: str
    base_url: str
    timeout: int
    browser: str
    headless: bool
    evidence_dir: str


def load_settings(env=None, browser="chrome", headed=False, evidence_dir="reports/evidence"):
    name = env or os.environ.get("TEST_ENV", "local")
    if name not in ENVIRONMENTS:
        raise ValueError(f"Unknown environment {name!r}; choose one of {sorted(ENVIRONMENTS)}")
    values = ENVIRONMENTS[name]
    return Settings(
        env=name,
        base_url=os.environ.get("TRAILMART_URL", values["base_url"]).rstrip("/"),
        timeout=int(os.environ.get("UI_TIMEOUT", values["timeout"])),
        browser=browser,
        headless=not headed and os.environ.get("HEADED") != "1",
        evidence_dir=evidence_dir,
    )
