"""Lab workload for the Demo Shop: two kinds of customer and real test data.

Module 11, "Lab: Load Test a Demo Shop". Keep these files in one folder:
demo_shop_perf.py, shoppers.csv, search-terms.csv, step_load_shape.py and this file.

  python demo_shop_perf.py                                          # terminal 1

  # terminal 2: a 2-minute baseline with one buying user
  locust -f shop_workload_locustfile.py --headless -u 1 -r 1 -t 2m \
         --host http://127.0.0.1:8000 --csv results/baseline Buyer

  # terminal 2: the step test; the shape file decides users and duration, so no -u, -r or -t
  locust -f shop_workload_locustfile.py,step_load_shape.py --headless \
         --host http://127.0.0.1:8000 --csv results/step --html results/step.html

While the test runs, a small poller reads the shop's /metrics every 5 seconds and writes
results/server_metrics.csv, so you can put client and server numbers side by side.
Load test only systems you own or have written permission to test.
"""

import csv
import itertools
import random
import time
from pathlib import Path

import gevent
import requests
from locust import HttpUser, SequentialTaskSet, between, events, task

HERE = Path(__file__).parent
ACCOUNTS = itertools.cycle(list(csv.DictReader(open(HERE / "shoppers.csv", encoding="utf-8"))))
TERMS = [row["term"] for row in csv.DictReader(open(HERE / "search-terms.csv", encoding="utf-8"))]


def check(response, expected=(200,)):
    """Mark a response failed when the status is unexpected or the body is not the JSON we expect.

    Slowness is not turned into a failure here: response times are judged against the targets
    afterwards, with percentiles, so the error rate stays a clean count of broken requests.
    """
    if response.status_code not in expected:
        response.failure(f"status {response.status_code}: {response.text[:80]}")
        return None
    try:
        body = response.json()
    except ValueError:
        response.failure("response is not JSON")
        return None
    response.success()
    return body


class Browser(HttpUser):
    """Looks around and searches, never buys: most visitors to a shop."""

    weight = 7
    wait_time = between(2, 6)

    @task(5)
    def catalogue(self):
        self.client.get(f"/api/products?page={random.randint(1, 3)}", name="/api/products?page=[n]")

    @task(4)
    def product(self):
        self.client.get(f"/api/products/{random.randint(1, 60)}", name="/api/products/[id]")

    @task(3)
    def search(self):
        with self.client.get("/api/search", params={"q": random.choice(TERMS)},
                             name="/api/search?q=[term]", catch_response=True) as response:
            check(response)


class BuyingJourney(SequentialTaskSet):
    """Search, look at a product, add one to three items, pay. Tasks run in this order."""

    @task
    def search(self):
        with self.client.get("/api/search", params={"q": random.choice(TERMS)},
                             name="/api/search?q=[term]", catch_response=True) as response:
            body = check(response) or {}
            items = body.get("items", [])
        self.product_id = random.choice(items)["id"] if items else random.randint(1, 60)

    @task
    def view_product(self):
        self.client.get(f"/api/products/{self.product_id}", name="/api/products/[id]")

    @task
    def add_to_cart(self):
        for _ in range(random.randint(1, 3)):
            with self.client.post("/api/cart/items", json={"product_id": self.product_id, "quantity": 1},
                                  catch_response=True) as response:
                check(response, expected=(201,))

    @task
    def checkout(self):
        with self.client.post("/api/checkout", json={}, catch_response=True) as response:
            check(response, expected=(201,))


class Buyer(HttpUser):
    """Logs in once with its own account, then repeats the buying journey."""

    weight = 3
    wait_time = between(1, 4)
    tasks = [BuyingJourney]

    def on_start(self):
        account = next(ACCOUNTS)  # each buyer gets its own account (50 in shoppers.csv)
        with self.client.post("/api/login", json=account, catch_response=True) as response:
            if response.status_code == 200:
                self.client.headers["Authorization"] = f"Bearer {response.json()['token']}"
                response.success()
            else:
                response.failure(f"login failed for {account['username']}")


@events.test_start.add_listener
def start_metrics_poller(environment, **_kwargs):
    """Poll the shop's /metrics endpoint every 5 s and keep the numbers in a CSV file."""
    if environment.host is None or getattr(environment.runner, "worker_index", 0) > 0:
        return
    out = Path("results") / "server_metrics.csv"
    out.parent.mkdir(exist_ok=True)

    def poll():
        with open(out, "w", newline="", encoding="utf-8") as handle:
            writer = None
            while True:
                try:
                    data = requests.get(f"{environment.host}/metrics", timeout=2).json()
                except (requests.RequestException, ValueError):
                    data = {"error": "metrics unavailable"}
                row = {"timestamp": int(time.time()), "users": environment.runner.user_count, **data}
                if writer is None:
                    writer = csv.DictWriter(handle, fieldnames=list(row), extrasaction="ignore")
                    writer.writeheader()
                writer.writerow(row)
                handle.flush()
                gevent.sleep(5)

    environment.metrics_poller = gevent.spawn(poll)


@events.test_stop.add_listener
def stop_metrics_poller(environment, **_kwargs):
    poller = getattr(environment, "metrics_poller", None)
    if poller is not None:
        poller.kill()
