"""Fixtures shared by the tests: real SQLite files under tmp_path, and ../shared when present."""

import asyncio
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.cjk import add_index_function
from ingest.cli import cli

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is not beside the repository (looked at {SHARED})")
    return SHARED


# Datasette stops a query at sql_time_limit_ms (2 s, ingest/serve.py) and a facet at
# facet_time_limit_ms (500 ms). A test of what a page or the API answers must not fail because
# the machine was busy: on a loaded CI machine the first search of a served archive came near 2 s
# (its statement's compile counts against the limit) and a test failed with "SQL Interrupted", a
# timed assertion in all but name. So every Datasette the tests build gets limits no healthy
# request reaches. The limits themselves are still tested: by _timelimit (test_api), a zero
# limit (test_facet_cache), and the real `news-archive serve` of test_browser, which keeps the
# real ones; speed is the benchmarks' job (benchmarks/bench_search.py, bench_prepare.py).
LIMITS_FOR_ANSWERS = {"sql_time_limit_ms": 60_000, "facet_time_limit_ms": 30_000}


@pytest.fixture(scope="session", autouse=True)
def limits_for_answers_not_speed():
    from ingest import serve

    real = serve.SETTINGS
    serve.SETTINGS = {**real, **LIMITS_FOR_ANSWERS}
    yield
    serve.SETTINGS = real


def connect(path) -> sqlite3.Connection:
    """A plain sqlite3 connection to an archive, with the SQL function its search index's triggers
    and text call (ingest.cjk.add_index_function): a test that changes articles by hand needs it,
    as any program that writes them does."""
    conn = sqlite3.connect(path)
    add_index_function(conn)
    return conn


def undo_source_authors(conn: sqlite3.Connection) -> None:
    """What schema/0029 adds taken out again, as an archive made before it lacks it (each copy's
    byline, its index, and the count of its changes with the triggers that keep it), with
    schema/0032's trigger on that count (an archive without 0029 has none: its caller takes
    0032's record away too, or the archive was made before it)."""
    for trigger in ("source_bylines_update", "source_bylines_seen_again", "source_bylines_delete"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TRIGGER IF EXISTS source_bylines_replaced")
    conn.execute("DROP TABLE source_bylines_changed")
    conn.execute("DROP INDEX sources_copy_bylines")
    conn.execute("ALTER TABLE sources DROP COLUMN authors")


def run_cli(*args, input=None):
    """Invoke the real command line in-process and return click's Result."""
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


@contextmanager
def served_from(archive, cors=False):
    """get(path) -> httpx response from the Datasette `news-archive serve` builds on the archive
    file `archive` (with --cors if asked), through its ASGI client (no port, no server process).
    get(path, method="OPTIONS") sends another method (a browser's CORS preflight)."""
    from ingest.serve import build_datasette  # (imports Datasette: only tests that serve pay it)

    datasette = build_datasette(archive, cors)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(datasette.invoke_startup())
        yield lambda path, method="GET": loop.run_until_complete(datasette.client.request(method, path))
    finally:
        loop.close()


def ingest_written(path: Path, *records: dict):
    """Write `records` to `path` (JSON Lines) and ingest it into the archive.db beside it, where
    every one must be stored; the run's summary."""
    from ingest.pipeline import run_ingest  # (imports the extractors: only tests that ingest pay it)

    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    summary = run_ingest([str(path)], str(path.parent / "archive.db"), workers=1)
    assert summary.stored == len(records), summary
    return summary


def ingest_json(*args, input=None) -> tuple[int, dict]:
    """Run `news-archive ingest ... --json` and return (exit code, summary)."""
    result = run_cli("ingest", *args, "--json", input=input)
    return result.exit_code, json.loads(result.stdout)


ARTICLE_TEXT = (
    "The river rose two metres overnight in Millbrook, the town's flood warden said on "
    "Tuesday, forcing the closure of the old stone bridge and the evacuation of forty homes.\n\n"
    "Volunteers filled sandbags outside the library until dawn. The warden said the water "
    "was expected to peak by Wednesday evening and urged residents to stay away from the banks."
)

# A story in two paragraphs, for the readers of whole documents (Word, NITF, NewsML).
FERRY_HEADLINE = "Ferry crossings cut for winter"
FERRY_PARAGRAPHS = [
    "The harbour board voted on Monday to cut the winter ferry timetable to two crossings a day, "
    "citing the cost of fuel and a shortage of deckhands across the island routes.",
    "Islanders who commute to the mainland said the change would add an hour to each working day, "
    "and the council asked the board to delay the cut until the spring review is published.",
]


# A run in which no test passed (all skipped, or none collected) is not a green run: CI must
# not mistake "nothing was checked" for "everything works".
_passed = 0


def pytest_runtest_logreport(report):
    global _passed
    if report.when == "call" and report.passed:
        _passed += 1


def pytest_sessionfinish(session, exitstatus):
    if exitstatus == 0 and _passed == 0:
        session.exitstatus = 1
