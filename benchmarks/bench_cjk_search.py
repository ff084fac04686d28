"""The search of Chinese, Japanese and Korean words (schema/0021) against the archive before it:
the `search` saved query's SQL run in one process on two copies of one archive, the one as the
earlier version left it (--before, with that version's metadata.yml) and the one this version
upgraded (--after), each query timed on both in alternation so that both see the same load on a
shared machine, and their answers compared (the same articles in the same order, and the same
snippets). Then the CJK words a mixed archive holds (cjk_corpus.py), by their number of
characters and how common they are, timed on --after alone (before it they found nothing).

    python benchmarks/bench_cjk_search.py --before old.db --before-metadata old/metadata.yml \\
        --after new.db [--cjk mixed-new.db]
"""

import argparse
import sqlite3
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_search import choose_queries, params_of  # noqa: E402
from cjk_corpus import words_by_frequency  # noqa: E402
from common import load, machine, p50_p95_ms, table  # noqa: E402

from ingest.search import add_query_functions  # noqa: E402
from ingest.serve import load_metadata  # noqa: E402


def search_sql(metadata: dict) -> str:
    return metadata["databases"]["archive"]["queries"]["search"]["sql"]


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    add_query_functions(conn)
    conn.execute("PRAGMA cache_size = -65536")  # as the server's connections (ArchiveDatabase)
    return conn


def timed(conn, sql, params) -> tuple[float, list]:
    start = time.perf_counter()
    rows = conn.execute(sql, params).fetchall()
    return time.perf_counter() - start, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--before-metadata", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--cjk", type=Path, help="a mixed archive (cjk_corpus.py) this version upgraded")
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    before, after = connect(args.before), connect(args.after)
    with open(args.before_metadata, encoding="utf-8") as file:
        before_sql = search_sql(yaml.safe_load(file))
    after_sql = search_sql(load_metadata())
    queries = choose_queries(before)
    loads = [load()]
    rows = []
    for query in queries:
        params = params_of(query)
        old_rows, new_rows = timed(before, before_sql, params)[1], timed(after, after_sql, params)[1]
        same = [(r[0], r[5]) for r in old_rows] == [(r[0], r[5]) for r in new_rows]  # id, snippet
        old_times, new_times = [], []
        for _ in range(args.requests):
            old_times.append(timed(before, before_sql, params)[0])
            new_times.append(timed(after, after_sql, params)[0])
        old50, old95 = p50_p95_ms(old_times)
        new50, new95 = p50_p95_ms(new_times)
        label = " ".join(f"{k}={v}" for k, v in query.items() if k not in ("class", "q"))
        rows.append([query["class"], f"{query['q']} {label}".strip(), len(new_rows), "yes" if same else "NO",
                     old50, new50, f"{new50 / old50:.2f}x", old95, new95])
        print(rows[-1], file=sys.stderr, flush=True)
    loads.append(load())
    articles = after.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(table(["class", "query", "rows", "same rows, order, snippets", "before p50 ms", "after p50 ms",
                 "after/before p50", "before p95 ms", "after p95 ms"], rows,
                title=f"The saved search query's SQL before and after, alternated, {args.requests} runs each; "
                      f"{articles:,} articles ({args.before.name} / {args.after.name}); {machine()}; "
                      + " / ".join(loads)))
    if args.cjk:
        cjk = connect(args.cjk)
        rows = []
        for word in words_by_frequency(args.cjk):
            times = [timed(cjk, after_sql, params_of(word))[0] for _ in range(args.requests)]
            p50, p95 = p50_p95_ms(times)
            rows.append([word["characters"], word["q"], word["articles"], f"{word['share']:.1%}", p50, p95])
            print(rows[-1], file=sys.stderr, flush=True)
        articles = cjk.execute("SELECT count(*) FROM articles").fetchone()[0]
        print(table(["characters", "word", "articles holding it", "share", "p50 ms", "p95 ms"], rows,
                    title=f"CJK words, the saved search query's SQL, {args.requests} runs each; {articles:,} articles "
                          f"({args.cjk.name}); {load()}"))


if __name__ == "__main__":
    main()
