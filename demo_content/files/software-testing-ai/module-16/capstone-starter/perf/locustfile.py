"""Performance smoke for ReelHouse (Module 16 capstone): a short, small load that a pipeline can run.

A smoke is not a full load test. In the pipeline it answers one question: "with 10 people browsing and
booking at once, do the key requests stay inside their targets?" The targets come from
capstone-product-spec.md and apply up to 40 concurrent users (PERF-1 to PERF-3):
  - browsing requests (films, showings, seat map): 95th percentile under 500 ms
  - POST /api/bookings: 95th percentile under 1,500 ms
  - failures: under 1% of all requests
For the capstone report, also run a step test at 10, 25 and 40 users (-u 10, -u 25, -u 40, 2 minutes
each) and compare the percentiles: a target that holds at 10 users can still break at 40.

Run it against YOUR local copy only (never a site you do not own):
  python reelhouse_app.py                      # terminal 1
  locust -f perf/locustfile.py --headless -u 10 -r 2 -t 1m \
         --host http://127.0.0.1:8016 --csv reports/perf --html reports/perf.html   # terminal 2

The process exits with code 1 when a target is missed, so a CI step fails by itself.
"""

import logging
import random

from locust import HttpUser, between, events, task

SHOWINGS = [101, 104, 105, 106]  # not 102 (Tuesday prices) or 103 (starts soon): keep the mix simple
TARGETS_MS = {"/api/films": 500, "/api/showings/[id]/seats": 500, "/api/bookings": 1500}


class Moviegoer(HttpUser):
    wait_time = between(1, 3)  # think time between two actions of one simulated person

    def on_start(self):
        email = random.choice(["alex@reelhouse.test", "jordan@reelhouse.test"])
        response = self.client.post("/api/login", json={"email": email, "password": "Popcorn-2026!"})
        self.client.headers["Authorization"] = f"Bearer {response.json()['token']}"

    @task(5)
    def browse_films(self):
        self.client.get("/api/films")

    @task(4)
    def look_at_seats(self):
        self.client.get(f"/api/showings/{random.choice(SHOWINGS)}/seats", name="/api/showings/[id]/seats")

    @task(1)
    def book_a_seat(self):
        showing = random.choice(SHOWINGS)
        seat = f"{random.choice('ABCDF')}{random.randint(1, 10)}"
        with self.client.post("/api/bookings", catch_response=True, name="/api/bookings",
                              json={"showing_id": showing, "seats": [seat], "tickets": {"adult": 1}}) as response:
            if response.status_code in (201, 409):  # 409 = someone already has that seat: expected, not an error
                response.success()
            else:
                response.failure(f"status {response.status_code}: {response.text[:80]}")


@events.quitting.add_listener
def check_targets(environment, **_kwargs):
    stats = environment.stats
    problems = []
    if stats.total.fail_ratio > 0.01:
        problems.append(f"failure ratio {stats.total.fail_ratio:.1%} is over 1%")
    for (name, _method), entry in stats.entries.items():
        target = TARGETS_MS.get(name)
        if target and entry.num_requests and entry.get_response_time_percentile(0.95) > target:
            problems.append(f"{name}: p95 {entry.get_response_time_percentile(0.95):.0f} ms > {target} ms")
    for problem in problems:
        logging.error("Performance smoke failed: %s", problem)
    if problems:
        environment.process_exit_code = 1
