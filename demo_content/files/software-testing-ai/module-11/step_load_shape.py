"""A step load for Locust: add users in equal steps and hold each step (Module 11).

Use it together with any locustfile; Locust accepts several files separated by commas:

  locust -f shop_workload_locustfile.py,step_load_shape.py --headless --host http://127.0.0.1:8000 \
         --csv results/step --html results/step.html

The shape decides the number of users and when to stop, so -u, -r and -t are ignored.
Change the steps with environment variables (defaults: 20 users every 60 s up to 160):
  macOS/Linux:  STEP_USERS=10 STEP_SECONDS=120 MAX_USERS=100 locust -f ...
  PowerShell:   $env:STEP_USERS=10; $env:STEP_SECONDS=120; $env:MAX_USERS=100; locust -f ...
"""

import os

from locust import LoadTestShape


class StepLoad(LoadTestShape):
    """20, 40, 60 ... users, each level held for step_seconds, then stop."""

    step_users = int(os.getenv("STEP_USERS", "20"))
    step_seconds = int(os.getenv("STEP_SECONDS", "60"))
    max_users = int(os.getenv("MAX_USERS", "160"))

    def tick(self):
        run_time = self.get_run_time()
        steps = -(-self.max_users // self.step_users)  # ceiling division: number of steps
        if run_time >= steps * self.step_seconds:
            return None  # returning None ends the test
        users = min(self.max_users, (int(run_time // self.step_seconds) + 1) * self.step_users)
        return users, self.step_users  # (target user count, users started per second)
