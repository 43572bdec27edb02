"""The results: one row per endpoint, as a text table, as Markdown for the README, and as JSON.

An endpoint's share is its requests per second divided by the baseline's, measured right before and
right after it, so a noisy minute on the machine moves both. Non-2xx answers and socket errors get
their own column: a fast error page must never pass for a fast page.
"""

import json
import os
import platform
import statistics
import subprocess
from datetime import UTC, datetime
from pathlib import Path

RESULTS_DIR = Path(__file__).with_name("results")


def endpoint_row(endpoint, viewer, runs, baseline_runs, checked_queries):
    """`runs`: the measured run at the normal number of clients, then (optionally) the p95 run at more."""
    main = runs[0]
    baseline = statistics.mean(run.requests_per_second for run in baseline_runs)
    more_clients = runs[1] if len(runs) > 1 else None
    return {
        "name": endpoint.name,
        "viewer": viewer,
        "method": endpoint.method,
        "path": endpoint.paths[0] if len(endpoint.paths) == 1 else f"{len(endpoint.paths)} paths in turn",
        "requests_per_second": main.requests_per_second,
        "p50_ms": main.p50_ms,
        "p95_ms": main.p95_ms,
        "p99_ms": main.p99_ms,
        "p95_ms_more_clients": more_clients.p95_ms if more_clients else None,
        "queries_per_request": main.queries_per_request if main.queries_per_request is not None else checked_queries,
        "baseline_requests_per_second": baseline,
        "share_of_baseline": main.requests_per_second / baseline if baseline else None,
        "non_2xx": sum(run.non_2xx for run in runs),
        "socket_errors": sum(run.socket_errors for run in runs),
        "runs": [run.as_dict() for run in runs],
        "baseline_runs": [run.as_dict() for run in baseline_runs],
    }


def baseline_row(runs):
    """The baseline over all its runs: mean throughput, median percentiles."""
    return {
        "name": "baseline",
        "viewer": "guest",
        "method": "GET",
        "path": "/bench/baseline/",
        "requests_per_second": statistics.mean(run.requests_per_second for run in runs),
        "p50_ms": statistics.median(run.p50_ms for run in runs),
        "p95_ms": statistics.median(run.p95_ms for run in runs),
        "p99_ms": statistics.median(run.p99_ms for run in runs),
        "p95_ms_more_clients": None,
        "queries_per_request": runs[0].queries_per_request,
        "baseline_requests_per_second": None,
        "share_of_baseline": 1.0,
        "non_2xx": sum(run.non_2xx for run in runs),
        "socket_errors": sum(run.socket_errors for run in runs),
        "runs": len(runs),
    }


def columns(more_clients):
    return [
        ("endpoint", lambda row: row["name"], "<"),
        ("as", lambda row: row["viewer"], "<"),
        ("req/s", lambda row: f"{row['requests_per_second']:.1f}", ">"),
        ("p50 ms", lambda row: f"{row['p50_ms']:.1f}", ">"),
        ("p95 ms", lambda row: f"{row['p95_ms']:.1f}", ">"),
        ("p99 ms", lambda row: f"{row['p99_ms']:.1f}", ">"),
        (f"p95 ms @{more_clients}", lambda row: number_or_dash(row["p95_ms_more_clients"]), ">"),
        ("queries", lambda row: number_or_dash(row["queries_per_request"]), ">"),
        ("share", lambda row: f"{row['share_of_baseline']:.1%}" if row["share_of_baseline"] else "-", ">"),
        ("non-2xx", lambda row: str(row["non_2xx"]), ">"),
        ("socket errors", lambda row: str(row["socket_errors"]), ">"),
    ]


def number_or_dash(value):
    return "-" if value is None else f"{value:.1f}"


def text_table(rows, more_clients):
    cells = [[render(row) for _title, render, _align in columns(more_clients)] for row in rows]
    titles = [title for title, _render, _align in columns(more_clients)]
    widths = [max(len(text) for text in column) for column in zip(titles, *cells, strict=True)]
    aligns = [align for _title, _render, align in columns(more_clients)]

    def line(texts):
        return "  ".join(f"{text:{align}{width}}" for text, align, width in zip(texts, aligns, widths, strict=True))

    return "\n".join([line(titles), line(["-" * width for width in widths]), *(line(row) for row in cells)])


def markdown_table(rows, more_clients):
    titles = [title for title, _render, _align in columns(more_clients)]
    rules = ["---" if align == "<" else "---:" for _title, _render, align in columns(more_clients)]
    lines = ["| " + " | ".join(titles) + " |", "| " + " | ".join(rules) + " |"]
    for row in rows:
        lines.append("| " + " | ".join(render(row) for _title, render, _align in columns(more_clients)) + " |")
    return "\n".join(lines)


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    cpu_models = [line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")]
    memory_gb = None
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu_models[0] if cpu_models else platform.processor(),
        "memory_gb": memory_gb,
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def git_state(repo):
    def git(*args):
        result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)  # noqa: S603, S607
        return result.stdout.strip() if result.returncode == 0 else None

    status = git("status", "--porcelain")
    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(status) if status is not None else None}


def write(results, markdown):
    """latest.json, a timestamped copy (kept out of git) and latest.md; returns their paths."""
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(results, indent=2) + "\n"
    paths = [RESULTS_DIR / "latest.json", RESULTS_DIR / f"{stamp}.json", RESULTS_DIR / "latest.md"]
    paths[0].write_text(text, encoding="utf-8")
    paths[1].write_text(text, encoding="utf-8")
    paths[2].write_text(markdown + "\n", encoding="utf-8")
    return paths
