"""A first Locust test for the Demo Shop (Module 11, lesson "Load Tests in Python with Locust").

Start the shop in one terminal:   python demo_shop_perf.py
Then run Locust in another one:

  # with the web UI on http://localhost:8089
  locust -f locustfile.py --host http://127.0.0.1:8000

  # headless: 20 users, 2 new users per second, stop after 3 minutes, save CSV and HTML
  locust -f locustfile.py --headless -u 20 -r 2 -t 3m --host http://127.0.0.1:8000 \
         --csv results/first --html results/first.html

Only point Locust at systems you own or have written permission to load test.
"""

import random

from locust import HttpUser, between, task

SEARCH_TERMS = ["kettle", "lamp", "chair", "mug", "teapot", "robot", "kite", "desk", "notebook", "puzzle"]


class Shopper(HttpUser):
    """One simulated customer. Locust starts -u of these and runs their tasks in a loop."""

    wait_time = between(1, 3)  # think time: 1 to 3 seconds between two tasks

    def on_start(self):
        """Runs once per simulated user, before its first task: log in with one of 50 accounts."""
        username = f"shopper{random.randint(1, 50):02d}"
        with self.client.post("/api/login", json={"username": username, "password": "Shop-Perf-2025"},
                              catch_response=True) as response:
            if response.status_code == 200 and "token" in response.json():
                self.client.headers["Authorization"] = f"Bearer {response.json()['token']}"
            else:
                response.failure(f"login failed for {username}: {response.status_code}")

    @task(6)
    def browse_catalogue(self):
        self.client.get(f"/api/products?page={random.randint(1, 3)}", name="/api/products?page=[n]")

    @task(4)
    def view_product(self):
        self.client.get(f"/api/products/{random.randint(1, 60)}", name="/api/products/[id]")

    @task(3)
    def search(self):
        term = random.choice(SEARCH_TERMS)
        with self.client.get("/api/search", params={"q": term}, name="/api/search?q=[term]",
                             catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif response.json().get("query") != term:
                response.failure(f"answered a different search: {response.text[:60]}")
            else:
                response.success()

    @task(1)
    def buy_one_item(self):
        self.client.post("/api/cart/items", json={"product_id": random.randint(1, 60), "quantity": 1})
        self.client.post("/api/checkout", json={})
