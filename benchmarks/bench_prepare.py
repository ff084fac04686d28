"""How long SQLite takes to compile each saved query of metadata.yml on a new connection.

A saved query is compiled once per connection and then kept in Python's statement cache, so the
benchmarks that repeat a request (bench_search.py, api_latency.py) never see this cost. A user
does: every `news-archive search` is a new process, and each of the server's SQL threads compiles
the `search` query on its first request (and that time counts against sql_time_limit_ms). The
`search` query nests its common table expressions deeply, and SQLite expands a CTE anew at every
reference, so its compile time grows with how often each big CTE is mentioned, not with its size.

Prints, per query, the CPU time of `EXPLAIN <query>` (compiling it, not running it) on fresh
connections: the minimum and the median of --runs, and the machine's load beside them.

    python benchmarks/bench_prepare.py                 # on the bundled sample archive
    python benchmarks/bench_prepare.py --db archive.db --runs 20
"""

import argparse
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from common import git_revision, load, table  # noqa: E402

from ingest.pipeline import run_ingest  # noqa: E402
from ingest.resources import samples_dir  # noqa: E402
from ingest.search import add_query_functions  # noqa: E402  (the functions the queries call)
from ingest.serve import load_metadata  # noqa: E402


def compile_seconds(db: Path, sql: str, runs: int) -> list[float]:
    """CPU seconds to compile `sql` on each of `runs` new connections (every parameter bound
    empty: the compile does not depend on the values)."""
    params = {name: "" for name in re.findall(r"(?<!:):(\w+)", sql)}
    seconds = []
    for _ in range(runs):
        connection = sqlite3.connect(db)
        add_query_functions(connection)
        connection.execute("select count(*) from sqlite_master").fetchall()  # schema read first
        started = time.process_time()
        connection.execute("explain " + sql, params).fetchall()
        seconds.append(time.process_time() - started)
        connection.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an archive (default: the sample articles, ingested afresh)")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "samples.db"
            run_ingest([str(samples_dir())], str(db), workers=1)
        queries = load_metadata()["databases"]["archive"]["queries"]
        rows = []
        for name, query in queries.items():
            seconds = compile_seconds(db, query["sql"], args.runs)
            rows.append([name, f"{min(seconds) * 1000:.1f}", f"{statistics.median(seconds) * 1000:.1f}"])
    print(table(["saved query", "compile min ms", "compile median ms"], rows,
                title=f"Compile time on a new connection, {args.runs} runs, rev {git_revision()}, {load()}"))


if __name__ == "__main__":
    main()
