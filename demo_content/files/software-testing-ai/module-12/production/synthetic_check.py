"""Synthetic check for PantryPal: the top customer journey, run from outside on a schedule.

    python synthetic_check.py --base-url https://staging.pantrypal.example
    python synthetic_check.py                       # defaults to SHOP_BASE_URL or http://127.0.0.1:8000

Checks, each with a time budget:
  1. /health answers 200 with status "ok"                     (1000 ms)
  2. a search for "oat" returns at least one product           (800 ms)
  3. a basket can be created and one oat milk added to it      (800 ms per call)

Every request carries the header X-Synthetic: true so dashboards and analytics can leave it out.
A check that fails is tried once more after 5 seconds; only two failures in a row count, so a
single network blip does not wake anyone up. Exit code 1 if any check failed.
Needs: python -m pip install requests
"""

import argparse
import os
import sys
import time

import requests

HEADERS = {"X-Synthetic": "true", "User-Agent": "pantrypal-synthetic-check/1.0"}


class CheckFailed(Exception):
    pass


def timed(session, method, url, budget_ms, **kwargs):
    started = time.perf_counter()
    response = session.request(method, url, headers=HEADERS, timeout=5, **kwargs)
    elapsed_ms = (time.perf_counter() - started) * 1000
    if elapsed_ms > budget_ms:
        raise CheckFailed(f"{method} {url} took {elapsed_ms:.0f} ms (budget {budget_ms} ms)")
    return response, elapsed_ms


def check_health(session, base):
    response, ms = timed(session, "GET", f"{base}/health", 1000)
    if response.status_code != 200 or response.json().get("status") != "ok":
        raise CheckFailed(f"/health returned {response.status_code}: {response.text[:100]}")
    return f"version {response.json().get('version')}, {ms:.0f} ms"


def check_search(session, base):
    response, ms = timed(session, "GET", f"{base}/api/products", 800, params={"q": "oat"})
    if response.status_code != 200 or not response.json():
        raise CheckFailed(f"search for 'oat' returned {response.status_code} with {response.text[:100]}")
    return f"{len(response.json())} products, {ms:.0f} ms"


def check_basket(session, base):
    response, ms1 = timed(session, "POST", f"{base}/api/baskets", 800, json={})
    if response.status_code != 201:
        raise CheckFailed(f"create basket returned {response.status_code}")
    basket_id = response.json()["id"]
    response, ms2 = timed(
        session, "POST", f"{base}/api/baskets/{basket_id}/items", 800, json={"product_id": 1, "quantity": 1}
    )
    if response.status_code != 201 or response.json()["total_cents"] <= 0:
        raise CheckFailed(f"add to basket returned {response.status_code}: {response.text[:100]}")
    return f"basket {basket_id} total {response.json()['total_cents']} cents, {ms1:.0f} + {ms2:.0f} ms"


CHECKS = [("health", check_health), ("search", check_search), ("basket", check_basket)]


def run_check(session, base, check, retry_after=5):
    for attempt in (1, 2):
        try:
            return True, check(session, base)
        except (CheckFailed, requests.RequestException, ValueError, KeyError) as error:
            if attempt == 2:
                return False, str(error)
            time.sleep(retry_after)
    return False, "unreachable"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default=os.environ.get("SHOP_BASE_URL", "http://127.0.0.1:8000"))
    args = parser.parse_args(argv)
    base = args.base_url.rstrip("/")
    results = []
    with requests.Session() as session:
        for name, check in CHECKS:
            ok, detail = run_check(session, base, check)
            results.append((name, ok, detail))
            print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)
    failed = [name for name, ok, _ in results if not ok]
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(f"### Synthetic check of {base}\n\n| Check | Result | Detail |\n| --- | --- | --- |\n")
            for name, ok, detail in results:
                handle.write(f"| {name} | {'PASS' if ok else 'FAIL'} | {detail} |\n")
    print("ALL PASSED" if not failed else f"FAILED: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
