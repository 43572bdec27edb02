"""`python -m benchmark.run` (`make bench`): the production stack under load, endpoint by endpoint,
each against a baseline measured right beside it.

1. The database: DATABASE_URL (created if missing), migrated, the demo site, and the bench data
   (`make_bench_data`) if it has none; then collectstatic.
2. gunicorn with gunicorn.conf.py and the bench settings (production's, over plain HTTP) on a free
   port of 127.0.0.1; it is stopped at the end whatever happens.
3. Per endpoint: one checked request (status, query count, the words that prove it is the right
   page), a warm-up, then with wrk: baseline, endpoint, baseline, endpoint at more clients.
4. The table, and benchmark/results/latest.json (with a timestamped copy) and latest.md.

`--quick` uses a small data set (in its own database) and short runs, to try it out.
"""

import argparse
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

from . import BenchmarkError, loadgen, report
from .sizes import QUICK_SIZES, Sizes, add_size_arguments, sizes_from

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/learning_site_bench"
QUICK_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/learning_site_bench_quick"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
DEFAULT_CACHE_KEY_PREFIX = "learning-site-bench"
SERVER_LOG = report.RESULTS_DIR / "gunicorn.log"
SERVER_START_SECONDS = 90


@dataclass(frozen=True)
class Plan:
    """How long and how hard each endpoint is loaded."""

    duration: int  # seconds of the measured run
    baseline_duration: int  # seconds of each baseline run beside it
    connections: int
    more_clients: int  # the p95 run's clients; 0: no such run
    more_clients_duration: int
    warmup: int


FULL_PLAN = Plan(duration=10, baseline_duration=5, connections=4, more_clients=8, more_clients_duration=8, warmup=2)
QUICK_PLAN = Plan(duration=2, baseline_duration=1, connections=4, more_clients=8, more_clients_duration=2, warmup=1)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m benchmark.run",
        description="Benchmark the production stack (gunicorn, PostgreSQL, Redis) on a large data set.",
    )
    parser.add_argument("--quick", action="store_true", help="a small data set in its own database, short runs")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (WEB_CONCURRENCY; default 2)")
    parser.add_argument("--duration", type=int, help="seconds per measured run (default 10)")
    parser.add_argument("--baseline-duration", type=int, help="seconds per baseline run (default 5)")
    parser.add_argument("--connections", type=int, help="concurrent clients of the measured run (default 4)")
    parser.add_argument("--more-clients", type=int, help="clients of the p95 run, 0 for none (default 8)")
    parser.add_argument("--only", help="measure only the endpoints whose names contain one of these, comma-separated")
    parser.add_argument(
        "--rebuild", action="store_true", help="drop and recreate the database first (its name must contain 'bench')"
    )
    parser.add_argument("--data-only", action="store_true", help="prepare the database and data, measure nothing")
    add_size_arguments(parser)
    return parser.parse_args(argv)


def plan_for(args) -> Plan:
    plan = QUICK_PLAN if args.quick else FULL_PLAN
    chosen = {
        "duration": args.duration,
        "baseline_duration": args.baseline_duration,
        "connections": args.connections,
        "more_clients": args.more_clients,
    }
    return replace(plan, **{name: value for name, value in chosen.items() if value is not None})


def main(argv=None) -> int:
    args = parse_args(argv)
    # A plain `kill` must stop the server too: SystemExit runs every `finally` on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return benchmark(args)
    except (BenchmarkError, ValueError) as error:
        print(f"\nBenchmark stopped: {error}", file=sys.stderr)
        return 2


def benchmark(args) -> int:
    started = time.monotonic()
    plan = plan_for(args)
    sizes = sizes_from(vars(args), QUICK_SIZES if args.quick else Sizes())
    database_url = os.environ.get("DATABASE_URL") or (QUICK_DATABASE_URL if args.quick else DEFAULT_DATABASE_URL)
    server_environment = configure_environment(database_url)
    wrk = None if args.data_only else loadgen.ensure_wrk()
    clear_cache_keys()
    ensure_database(database_url, rebuild=args.rebuild)

    import django

    django.setup()
    data = prepare_site(sizes)
    if args.data_only:
        print(f"Database ready: {database_url} ({data['courses']} bench courses).")
        return 0

    from django.db import connections

    from .endpoints import BASELINE, Sessions, bench_endpoints

    endpoints = chosen_endpoints(bench_endpoints(), args.only)
    sessions = Sessions()
    requests = {endpoint.name: sessions.load_request(endpoint) for endpoint in [BASELINE, *endpoints]}
    connections.close_all()  # the runner holds no connection while the server is measured
    try:
        with running_server(args.workers, server_environment) as port:
            rows, baseline_runs = measure(wrk, port, plan, BASELINE, endpoints, requests)
    finally:
        sessions.delete_all()
    rows.insert(0, report.baseline_row(baseline_runs))
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "git": report.git_state(REPO),
        "machine": {**report.machine(), "postgresql": postgres_version()},
        "server": {
            "settings": "learning_site.settings.bench",
            "workers": args.workers,
            "threads": int(os.environ.get("GUNICORN_THREADS", "1")),
        },
        "load": {
            "tool": loadgen.wrk_version(wrk),
            **asdict(plan),
            "order": "per endpoint: check, warm-up, baseline, endpoint, baseline, endpoint at more clients",
        },
        "data": data,
        "endpoints": rows,
        "runtime_seconds": round(time.monotonic() - started),
    }
    table = report.text_table(rows, plan.more_clients)
    markdown = report.markdown_table(rows, plan.more_clients)
    paths = report.write(results, markdown)
    print(f"\n{table}\n\nShare: the endpoint's req/s over the baseline's beside it (one query, the full middleware).")
    print(f"Written: {', '.join(str(path.relative_to(REPO)) for path in paths)}")
    print(f"Total time: {results['runtime_seconds'] // 60} min {results['runtime_seconds'] % 60} s")
    failures = [row for row in rows if row["non_2xx"] or row["socket_errors"]]
    if failures:
        names = ", ".join(row["name"] for row in failures)
        print(f"\nERRORS under load in: {names}. The server's log: {SERVER_LOG.relative_to(REPO)}", file=sys.stderr)
        return 1
    return 0


def configure_environment(database_url):
    """The settings the runner, and the server it starts, both read: one SECRET_KEY, so the sessions
    the runner writes are the server's; its own Redis key prefix, so other sites' keys are untouched.
    Returns the server's environment."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "learning_site.settings.bench"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("REDIS_URL", DEFAULT_REDIS_URL)
    os.environ.setdefault("CACHE_KEY_PREFIX", DEFAULT_CACHE_KEY_PREFIX)
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    server_environment = dict(os.environ)
    # No task worker runs beside the runner: the demo site's search indexing happens as it is loaded.
    # The server keeps production's queue.
    os.environ["TASK_BACKEND"] = "immediate"
    return server_environment


def clear_cache_keys():
    """Forget what a previous run cached (Wagtail's site root paths of a database since rebuilt); only
    this prefix's keys, never the whole Redis, which others may share."""
    import redis

    prefix = os.environ["CACHE_KEY_PREFIX"]
    try:
        client = redis.Redis.from_url(os.environ["REDIS_URL"])
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    except redis.RedisError as error:
        url = os.environ["REDIS_URL"]
        raise BenchmarkError(f"Redis at {url} does not answer ({error}). Start it or set REDIS_URL.") from error


def ensure_database(database_url, *, rebuild):
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(database_url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise BenchmarkError(f"The benchmark runs on PostgreSQL; DATABASE_URL is {database_url!r}.")
    name = config["NAME"]
    server = {"host": config.get("HOST"), "port": config.get("PORT"), "user": config.get("USER")}
    server["password"] = config.get("PASSWORD")
    server = {key: value for key, value in server.items() if value}
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as db:
            exists = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists and rebuild:
                if "bench" not in name:
                    raise BenchmarkError(f"--rebuild drops the database, and {name!r} has no 'bench' in its name.")
                print(f"Dropping the database {name}...", flush=True)
                db.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
                exists = None
            if not exists:
                print(f"Creating the database {name}...", flush=True)
                db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as error:
        raise BenchmarkError(f"PostgreSQL does not answer for {database_url} ({error}).") from error


def prepare_site(sizes: Sizes) -> dict:
    """Migrations, the demo site, the bench data if missing (or a clear stop if the database holds a
    data set of other sizes), collectstatic. Returns what the data set holds."""
    from django.core.management import call_command

    from .dataset import existing_counts

    step("Migrating", call_command, "migrate", interactive=False, verbosity=0)
    # This database is the benchmark's own, so the demo users' well-known passwords are fine here.
    step("Loading the demo site (if empty)", call_command, "seed_demo", if_empty=True, force=True, stdout=StringIO())
    counts = existing_counts()
    built_in = None
    if counts is None:
        print("No bench data yet: building it (make_bench_data).", flush=True)
        started = time.monotonic()
        call_command("make_bench_data", **asdict(sizes))
        built_in = round(time.monotonic() - started, 1)
        counts = existing_counts()
    found = (counts["courses"], counts["modules"], counts["lessons"], counts["students"])
    if found != sizes.structure():
        raise BenchmarkError(
            f"The database holds bench data of other sizes (courses, modules, lessons, students = {found}, "
            f"asked for {sizes.structure()}). Use --rebuild, or another DATABASE_URL."
        )
    step("Collecting static files", call_command, "collectstatic", interactive=False, verbosity=0)
    return {**counts, "make_bench_data_seconds": built_in}


def step(title, function, *args, **kwargs):
    print(f"{title}...", flush=True)
    return function(*args, **kwargs)


def chosen_endpoints(endpoints, only):
    if not only:
        return endpoints
    wanted = [word.strip().lower() for word in only.split(",") if word.strip()]
    chosen = [endpoint for endpoint in endpoints if any(word in endpoint.name.lower() for word in wanted)]
    if not chosen:
        raise BenchmarkError(f"No endpoint matches --only {only!r}: {', '.join(e.name for e in endpoints)}.")
    return chosen


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(workers, server_environment):
    """gunicorn as production runs it, on a free port; stopped on the way out, whatever happened."""
    config = REPO / "gunicorn.conf.py"
    if not config.exists():
        raise BenchmarkError(f"{config.name} is missing at the repository root: the benchmark runs production's.")
    port = free_port()
    environment = {
        **server_environment,
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"{HOST}:{port}",
        "GUNICORN_ACCESS_LOG": "",  # an access log line per request is load on the same two cores
    }
    # Production recycles workers every ~5,000 requests; at baseline speed that would restart one every
    # few seconds and measure Django's start-up instead. GUNICORN_MAX_REQUESTS=5000 measures it anyway.
    environment.setdefault("GUNICORN_MAX_REQUESTS", "0")
    report.RESULTS_DIR.mkdir(exist_ok=True)
    print(f"Starting gunicorn ({workers} workers) on {HOST}:{port}...", flush=True)
    with SERVER_LOG.open("w") as log:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn, no shell
            [sys.executable, "-m", "gunicorn", "-c", str(config)],
            cwd=REPO,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_ready(server, port)
            yield port
        finally:
            stop(server)


def wait_until_ready(server, port):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchmarkError(f"gunicorn exited ({server.returncode}):\n{log_tail()}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", "/bench/baseline/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.25)
    raise BenchmarkError(f"gunicorn did not answer within {SERVER_START_SECONDS} s:\n{log_tail()}")


def stop(server):
    if server.poll() is None:
        server.terminate()  # gunicorn's graceful shutdown
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def log_tail(lines=30):
    text = SERVER_LOG.read_text(errors="replace") if SERVER_LOG.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def measure(wrk, port, plan, baseline, endpoints, requests):
    """Per endpoint: check, warm up, then baseline, endpoint, baseline, endpoint at more clients."""
    from .endpoints import check

    base_url = f"http://{HOST}:{port}"

    def load(endpoint, seconds, connections=plan.connections):
        return loadgen.run_wrk(wrk, base_url, requests[endpoint.name], connections=connections, seconds=seconds)

    check(baseline, requests[baseline.name], HOST, port)
    load(baseline, plan.warmup)
    rows, baseline_runs = [], []
    for endpoint in endpoints:
        queries = check(endpoint, requests[endpoint.name], HOST, port)
        print(f"{endpoint.name}: answers as expected ({queries} queries); measuring...", flush=True)
        load(endpoint, plan.warmup)
        before = load(baseline, plan.baseline_duration)
        runs = [load(endpoint, plan.duration)]
        after = load(baseline, plan.baseline_duration)
        if plan.more_clients:
            runs.append(load(endpoint, plan.more_clients_duration, plan.more_clients))
        row = report.endpoint_row(endpoint, endpoint.viewer, runs, [before, after], queries)
        rows.append(row)
        baseline_runs += [before, after]
        errors = f", {row['non_2xx']} non-2xx" if row["non_2xx"] else ""
        print(
            f"  {row['requests_per_second']:.1f} req/s, p95 {row['p95_ms']:.1f} ms, "
            f"{row['share_of_baseline']:.1%} of the baseline's {row['baseline_requests_per_second']:.1f} req/s{errors}",
            flush=True,
        )
    return rows, baseline_runs


def postgres_version():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
