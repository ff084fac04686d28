"""What the benchmark scripts share: paths, timing, percentiles, memory, machine load, tables.

Kept small on purpose: each script reads top to bottom on its own, this only saves repeating
the plumbing.
"""

import http.client
import json
import os
import platform
import re
import resource
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / ".." / "shared" / "corpora"
OUT = REPO / "benchmarks" / "out"  # generated corpora, archives, logs: git-ignored

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def corpora_pages(corpora: Path = CORPORA) -> list[Path]:
    """The raw saved pages of the corpora, sorted (not the `expected*.html` outputs of another
    tool stored beside some of them)."""
    return sorted(p for p in corpora.resolve().rglob("*")
                  if p.name.endswith((".html", ".htm", ".html.gz")) and not p.name.startswith("expected"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, wait: float = 120) -> subprocess.Popen:
    """A real `news-archive serve` on 127.0.0.1:port, returned once it answers."""
    process = subprocess.Popen([sys.executable, "-m", "ingest", "serve", "--db", str(db), "--port", str(port)],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/-/versions.json")
            if connection.getresponse().status == 200:
                connection.close()
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"news-archive serve did not start on port {port}")


class HTTPFailed(Exception):
    """A non-200 answer (Datasette's SQL time limit, say)."""


def timed_get_json(connection: http.client.HTTPConnection, path: str) -> tuple[float, object]:
    """Seconds for one GET on a kept-alive connection (request to last byte read; parsing the
    JSON is not counted) and the JSON it returned."""
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise HTTPFailed(f"HTTP {response.status}: {body[:300]!r}")
    return elapsed, json.loads(body)


def out_path(name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    return OUT / name


def load() -> str:
    """The 1/5/15-minute load averages: the machine is shared, so every table says how busy."""
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def machine() -> str:
    import sqlite3

    return (f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its waited-for children), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports kilobytes


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: p95 of 20 runs is the 19th fastest, a run that really happened."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.4999)))
    return ordered[rank - 1]


def p50_p95_ms(seconds: list[float]) -> tuple[float, float]:
    return statistics.median(seconds) * 1000, percentile(seconds, 0.95) * 1000


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


class Measured(NamedTuple):
    seconds: float  # wall clock
    peak_mb: float  # the largest resident set of any one of its processes
    cpu_seconds: float  # user + system time of all its processes (workers included)


def run_measured(command: list[str], ok_codes=(0, 1), **kwargs) -> Measured:
    """Run a command to completion and measure it. Exit status 1 is allowed by default:
    `news-archive ingest` returns it when some input failed.

    Each command runs under its own `python -c` wrapper process so that the peak memory and
    the CPU time are that run's alone, not the totals over everything this script has started
    before. CPU time beside wall time shows when a run wanted more cores than there are."""
    wrapper = [
        sys.executable, "-c",
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "code = subprocess.call(sys.argv[1:]); "
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(time.perf_counter() - t, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime); "
        "sys.exit(code)",
        *command,
    ]
    done = subprocess.run(wrapper, stdout=subprocess.PIPE, text=True, **kwargs)
    if done.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(command)} exited with {done.returncode}")
    return Measured(*map(float, done.stdout.split()[-3:]))


def table(headers: list[str], rows: list[list], title: str = "") -> str:
    """A Markdown table, so the output pastes straight into benchmarks/README.md."""
    cells = [[_cell(v) for v in row] for row in rows]
    lines = [f"\n{title}\n"] if title else []
    lines.append("| " + " | ".join(headers) + " |")
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def file_mb(*paths: Path) -> float:
    """Size on disk in MB, counting a database's -wal file if one is left."""
    total = 0
    for path in paths:
        for candidate in (path, Path(str(path) + "-wal")):
            if candidate.exists():
                total += candidate.stat().st_size
    return total / 1e6


def git_revision() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.strip()
    except OSError:
        return "?"


# A profile button's words glued onto a writer's name in a ground truth ("View ORCID
# ProfileAnn Lee": a page's list of authors read with its buttons, the button and the name run
# together). The person is the name after it: scored as the glued string, the right name would
# count as a wrong one and no extractor could give the glued one. Shared by the scorers so that
# the text and the HTML figures read the truth alike.
_GLUED_BUTTON = re.compile(r"^(?i:view\s+)?(?i:orcid\s+)?(?i:profile)(?=[A-Z])")


def without_glued_button(name: str) -> str:
    """A ground truth's name without a profile button's words run into its front."""
    return _GLUED_BUTTON.sub("", name)


ANNOTATIONS = REPO / "benchmarks" / "annotations"


def annotations(prefix: str = "aeb", second: bool = False) -> dict[str, dict]:
    """Hand annotations (benchmarks/annotations/README.md) of one set, by page id: the
    scrapinghub_aeb pages ("aeb") or the package pages ("pkg"). The owners' readings, or with
    `second` the second readings kept for agreement. A page read twice by owners (a slip in
    sharing the pages out) keeps its first reading."""
    rows: dict[str, dict] = {}
    for path in sorted(ANNOTATIONS.glob(f"{prefix}-*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    row = json.loads(line)
                    if bool(row.get("second")) == second:
                        rows.setdefault(row["id"], row | {"annotator": path.stem.removeprefix(f"{prefix}-")})
    return rows


def aeb_annotations(second: bool = False) -> dict[str, dict]:
    """The hand annotations of the scrapinghub_aeb pages, by page id (see annotations())."""
    return annotations("aeb", second)
