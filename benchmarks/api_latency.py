"""Latency of the `search` saved query through the JSON API of a real `news-archive serve`,
against the same SQL run directly in sqlite3, on the sample archive and on an archive of the
HTML pages in ../shared/corpora. Prints a table of medians (and 90th percentiles).

    python benchmarks/api_latency.py
    python benchmarks/api_latency.py --requests 100 --q strike --q people
"""

import argparse
import http.client
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from common import CORPORA, HTTPFailed, corpora_pages, free_port, percentile, start_server, timed_get_json  # noqa: E402

from ingest.search import add_query_functions  # noqa: E402  (the functions the API's SQL calls)

from ingest.pipeline import run_ingest  # noqa: E402
from ingest.resources import samples_dir  # noqa: E402
from ingest.search import CHECKED_PARAMETERS  # noqa: E402  (bound as "" when run directly)
from ingest.serve import load_metadata  # noqa: E402

DEFAULT_QUERIES = ["strike", "people"]


def build(db_path: Path, inputs: list[str]) -> int:
    """Ingest into db_path (a re-run only checks the files) and return its article count."""
    run_ingest(inputs, str(db_path))
    with sqlite3.connect(db_path) as connection:
        return connection.execute("SELECT count(*) FROM articles").fetchone()[0]


def time_both(port: int, db_path: Path, q: str, requests: int) -> tuple[list[float], list[float], int]:
    """Seconds per API request and per direct SQL run, alternating one of each so that both see
    the same machine load (other work on a shared machine moves the two together).

    The API is asked over one kept-alive HTTP connection, as a client program would; the SQL is
    the saved query's own text and parameters on a read-only sqlite3 connection."""
    path = "/archive/search.json?" + urlencode({"q": q, "_shape": "array"})
    api = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sql = load_metadata()["databases"]["archive"]["queries"]["search"]["sql"]
    params = {"q": q, "outlet": "", "author": "", "since": "", "until": "", "sort": "", "versions": "", "page": "",
              CHECKED_PARAMETERS: ""}
    sqlite = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    add_query_functions(sqlite)
    api_times, sql_times, rows = [], [], 0
    for i in range(requests + 3):  # three warm-up rounds, not counted
        try:
            api_elapsed, result = timed_get_json(api, path)
        except HTTPFailed as error:
            raise SystemExit(f"{path}: {error}") from error
        rows = len(result)
        started = time.perf_counter()
        sql_rows = sqlite.execute(sql, params).fetchall()
        sql_elapsed = time.perf_counter() - started
        if len(sql_rows) != rows:
            raise SystemExit(f"the API gave {rows} rows and the SQL {len(sql_rows)} for {q!r}")
        if i >= 3:
            api_times.append(api_elapsed)
            sql_times.append(sql_elapsed)
    api.close()
    sqlite.close()
    return api_times, sql_times, rows


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=CORPORA,
                        help="folder of real HTML pages (default: ../shared/corpora)")
    parser.add_argument("--samples", type=Path, default=samples_dir(),
                        help="the sample articles (default: the bundled samples/)")
    parser.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out",
                        help="where the archives are built (kept, so a re-run does not re-ingest)")
    parser.add_argument("--requests", type=int, default=100, help="timed requests per query")
    parser.add_argument("--q", action="append", help=f"search text (repeatable; default {DEFAULT_QUERIES})")
    args = parser.parse_args()
    queries = args.q or DEFAULT_QUERIES
    args.work.mkdir(parents=True, exist_ok=True)

    archives = [("samples", args.work / "samples.db", [str(args.samples)])]
    if args.corpora.is_dir():
        archives.append(("corpora HTML", args.work / "corpora.db", [str(p) for p in corpora_pages(args.corpora)]))
    else:
        print(f"note: {args.corpora} not found, only the sample archive is measured", file=sys.stderr)

    header = ("archive", "articles", "q", "rows", "API median ms", "API p90 ms", "SQL median ms",
              "SQL p90 ms", "API - SQL ms")
    lines = []
    for name, db_path, inputs in archives:
        articles = build(db_path, inputs)
        port = free_port()
        server = start_server(db_path, port)
        try:
            for q in queries:
                api, sql, rows = time_both(port, db_path, q, args.requests)
                lines.append((name, str(articles), q, str(rows), ms(statistics.median(api)),
                              ms(percentile(api, 0.9)), ms(statistics.median(sql)),
                              ms(percentile(sql, 0.9)), ms(statistics.median(api) - statistics.median(sql))))
        finally:
            server.terminate()
            server.wait(timeout=10)

    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    print(f"search saved query: {args.requests} requests through the JSON API of news-archive serve "
          f"(one kept-alive HTTP connection to 127.0.0.1), each followed by the same SQL in sqlite3")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(value.ljust(w) for value, w in zip(line, widths)))


if __name__ == "__main__":
    main()
