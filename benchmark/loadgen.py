"""Load with wrk: written in C, so on a two-core machine it takes less CPU from the server than a
Python load generator would. `wrk.lua` rotates paths, counts non-2xx answers and queries."""

import json
import os
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

from . import BenchmarkError

WRK_SCRIPT = Path(__file__).with_name("wrk.lua")
RESULT_PREFIX = "BENCH_RESULT "


class LoadError(BenchmarkError):
    """The load generator is missing or did not run."""


@dataclass(frozen=True)
class LoadRequest:
    """What every request of a run sends: a method, paths taken in turn, headers and a body."""

    method: str
    paths: tuple[str, ...]
    headers: tuple[tuple[str, str], ...] = ()
    body: str = ""


@dataclass(frozen=True)
class Run:
    """One wrk run's numbers."""

    connections: int
    seconds: float
    requests: int
    non_2xx: int
    socket_errors: int
    queries: int
    with_query_count: int
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def queries_per_request(self):
        return self.queries / self.with_query_count if self.with_query_count else None

    def as_dict(self):
        return {**asdict(self), "requests_per_second": self.requests_per_second}


def ensure_wrk() -> str:
    """wrk's path, installing Debian's package when it is missing and this user may."""
    found = shutil.which("wrk")
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        print("wrk is missing: installing Debian's package (apt-get install -y wrk)...", flush=True)
        if subprocess.run([apt, "install", "-y", "wrk"], capture_output=True, check=False).returncode != 0:  # noqa: S603
            subprocess.run([apt, "update"], capture_output=True, check=False)  # noqa: S603
            subprocess.run([apt, "install", "-y", "wrk"], capture_output=True, check=False)  # noqa: S603
        found = shutil.which("wrk")
        if found:
            return found
    raise LoadError("wrk is not installed. Install it with `sudo apt-get install wrk` (Debian/Ubuntu) and run again.")


def run_wrk(wrk: str, base_url: str, request: LoadRequest, *, connections: int, seconds: int) -> Run:
    command = [wrk, "--threads", "1", "--connections", str(connections), "--duration", f"{seconds}s"]
    command += ["--timeout", "30s", "--script", str(WRK_SCRIPT)]
    for name, value in request.headers:
        command += ["--header", f"{name}: {value}"]
    command += [base_url + request.paths[0], "--", request.method, request.body, *request.paths]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    line = next((line for line in finished.stdout.splitlines() if line.startswith(RESULT_PREFIX)), None)
    if finished.returncode != 0 or line is None:
        raise LoadError(f"wrk failed ({finished.returncode}): {finished.stderr.strip() or finished.stdout.strip()}")
    data = json.loads(line[len(RESULT_PREFIX) :])
    latency = data["latency_us"]
    return Run(
        connections=connections,
        seconds=data["duration_us"] / 1e6,
        requests=data["requests"],
        non_2xx=data["non_2xx"],
        socket_errors=sum(data["socket_errors"].values()),
        queries=data["queries"],
        with_query_count=data["with_query_count"],
        p50_ms=latency["p50"] / 1000,
        p95_ms=latency["p95"] / 1000,
        p99_ms=latency["p99"] / 1000,
    )


def wrk_version(wrk: str) -> str:
    output = subprocess.run([wrk, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    return (output.stdout or output.stderr).splitlines()[0].strip() if (output.stdout or output.stderr) else "wrk"
