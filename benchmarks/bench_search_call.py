"""What a search costs through ingest.search beside its SQL alone: `search()` as the CLI's
`news-archive search` runs it (its first call in a fresh process, as each run of the command is,
and its calls after that in one process), the timeline's note of its undated matches
(`undated_matches`, which the plugin runs for each timeline page it serves), and the saved
query's SQL alone on the same connection, page by page as search() runs it. The queries are
bench_search.py's, chosen from the archive. Prints a Markdown table.

    python benchmarks/bench_search_call.py --db benchmarks/out/corpus-10000-ours.db [--runs 10]
"""

import argparse
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_search import choose_queries, params_of  # noqa: E402
from common import REPO, Timer, git_revision, load, machine, p50_p95_ms, table  # noqa: E402

from ingest.search import add_query_functions, search, search_sql, undated_matches  # noqa: E402

# Run in a fresh process: the one search() call a run of `news-archive search` makes, timed alone
# (the imports before it are the same before and after any change to search()).
FIRST_CALL = """
import json, sqlite3, sys, time
from ingest.search import search
query = json.loads(sys.argv[2])
connection = sqlite3.connect(sys.argv[1])
started = time.perf_counter()
search(connection, query["q"], outlet=query.get("outlet", ""), since=query.get("since", ""),
       until=query.get("until", ""), newest=query.get("sort") == "newest")
print(time.perf_counter() - started)
"""


def timed(function, runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        with Timer() as timer:
            function()
        seconds.append(timer.seconds)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="an archive (bench_search.py builds one)")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per query and way")
    args = parser.parse_args()
    connection = sqlite3.connect(args.db)
    add_query_functions(connection)
    articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    queries = [query for query in choose_queries(connection) if not query["class"].startswith("(stress)")]
    loads, rows = [load()], []
    for query in queries:
        def sql_alone():  # (one page: search()'s default limit is one page of 20)
            connection.execute(search_sql(), {**params_of(query), "page": "1"}).fetchall()

        def search_again():
            search(connection, query["q"], outlet=query.get("outlet", ""), since=query.get("since", ""),
                   until=query.get("until", ""), newest=query.get("sort") == "newest")

        def undated():
            undated_matches(connection, query["q"], query.get("outlet", ""))

        sql_alone(), search_again(), undated()  # (warm: the first calls read metadata.yml and the pages)
        first = [float(subprocess.run([sys.executable, "-c", FIRST_CALL, str(args.db), json.dumps(query)], cwd=REPO,
                                      check=True, capture_output=True, text=True).stdout)
                 for _ in range(max(3, args.runs // 2))]
        row = [query["class"]]
        for seconds in (timed(sql_alone, args.runs), timed(search_again, args.runs), first,
                        timed(undated, args.runs)):
            row.append("%.1f / %.1f" % p50_p95_ms(seconds))
        rows.append(row)
    loads.append(load())
    print(table(["query", "SQL alone, one page", "search(), called again", "search(), first call in a process",
                 "undated_matches (timeline note)"], rows,
                title=f"search() beside its SQL, ms p50 / p95, {articles:,} articles ({args.db.name}); "
                      f"{args.runs} runs each (first calls: {max(3, args.runs // 2)} processes); {machine()}; "
                      f"rev {git_revision()}; " + " / ".join(loads)))


if __name__ == "__main__":
    main()
