"""Near copies at a large archive: the one-time fill of an archive stored before schema/0024
(ingest.near_copies.sketch_stored_articles), the size of the sketches, and what finding a new
text's near copies costs when it is stored. Prints Markdown tables.

Works on the archive it is given, which it changes (the migration, the sketches, the links):
give it a copy, never an archive you keep.

    cp benchmarks/out/c323k.db /tmp/c323k-copy.db
    python benchmarks/bench_near_copies.py /tmp/c323k-copy.db               # fill all, then look-ups
    python benchmarks/bench_near_copies.py /tmp/c323k-copy.db --fill 50000  # fill that many only

The look-ups take `--sample` stored texts at random (seeded), each sketched and its candidates
found (article_sketches, an index seek a hash) and confirmed on the texts, as ingest does when
it stores an article, in a transaction rolled back: nothing is written.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import git_revision, load  # noqa: E402

from ingest.near_copies import candidates, link_near_copies, sketch_stored_articles, text_sketch  # noqa: E402
from ingest.store import open_database  # noqa: E402


def table_bytes(conn, names) -> int | None:
    try:
        return conn.execute(f"SELECT sum(pgsize) FROM dbstat WHERE name IN ({', '.join('?' * len(names))})",
                            names).fetchone()[0]
    except Exception:  # (SQLite built without the dbstat table)
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path, help="a copy of an archive (changed)")
    parser.add_argument("--fill", type=int, help="sketch at most this many articles (default: all)")
    parser.add_argument("--sample", type=int, default=1000, help="stored texts looked up")
    args = parser.parse_args()
    started = time.perf_counter()
    db = open_database(args.db)  # (applies schema/0024 to an older archive)
    conn = db.conn
    migrated = time.perf_counter() - started
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"# Near copies at {articles:,} articles ({args.db.name}; {git_revision()}; {load()})\n")
    print(f"Opening (migrations pending applied): {migrated:.1f} s\n")

    read = linked = 0
    started = time.perf_counter()
    while args.fill is None or read < args.fill:
        step = 10_000 if args.fill is None else min(10_000, args.fill - read)
        conn.execute("BEGIN")
        done, found = sketch_stored_articles(conn, limit=step)
        conn.execute("COMMIT")
        read, linked = read + done, linked + found
        if done < step:
            break
        print(f"  ... {read:,} read, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    fill_seconds = time.perf_counter() - started
    sketched = conn.execute("SELECT count(DISTINCT article_id) FROM article_sketches").fetchone()[0]
    pairs = conn.execute("SELECT count(*) FROM near_copies").fetchone()[0]
    size = table_bytes(conn, ["article_sketches", "article_sketches_article"])
    print("| fill | articles read | s | articles/s | sketched | near-copy pairs (all) | sketch tables |")
    print("|---|---|---|---|---|---|---|")
    print(f"| sketch_stored_articles | {read:,} | {fill_seconds:.0f} | {read / max(fill_seconds, 1e-9):,.0f} | "
          f"{sketched:,} | {pairs:,} | " + (f"{size / 1e6:,.0f} MB ({size / max(sketched, 1):,.0f} B an article)"
                                            if size else "n/a") + " |\n")

    ids = [row[0] for row in conn.execute("SELECT article_id FROM (SELECT DISTINCT article_id FROM article_sketches)")]
    sample = random.Random(35).sample(ids, min(args.sample, len(ids)))
    sketch_ms, candidate_ms, link_ms, counts = [], [], [], []
    conn.execute("PRAGMA foreign_keys = OFF")  # (the links name an article never inserted, then rolled back)
    for article_id in sample:
        outlet_id, body = conn.execute(
            "SELECT outlet_id, body FROM articles WHERE id = ?", (article_id,)).fetchone()
        t0 = time.perf_counter()
        sketch = text_sketch(body)
        t1 = time.perf_counter()
        found = candidates(conn, sketch, -1 if outlet_id is None else outlet_id, article_id)
        t2 = time.perf_counter()
        conn.execute("BEGIN")
        # (as a new article: an id past every stored one, so it is compared, not found as itself)
        link_near_copies(conn, 1 << 62, outlet_id, body)
        t3 = time.perf_counter()
        conn.execute("ROLLBACK")
        sketch_ms.append((t1 - t0) * 1000)
        candidate_ms.append((t2 - t1) * 1000)
        link_ms.append((t3 - t2) * 1000)
        counts.append(len(found))

    def quantiles(values):
        ordered = sorted(values)
        return (f"{statistics.median(ordered):.2f} | {ordered[int(len(ordered) * 0.95)]:.2f} | {ordered[-1]:.2f}")

    print(f"Per stored text, {len(sample):,} sketched texts looked up (ms):\n")
    print("| step | median | p95 | max |")
    print("|---|---|---|---|")
    print(f"| sketch (text_sketch) | {quantiles(sketch_ms)} |")
    print(f"| candidates (16 index seeks) | {quantiles(candidate_ms)} |")
    print(f"| whole link (sketch, candidates, confirm, insert; rolled back) | {quantiles(link_ms)} |")
    print(f"\nCandidates a text (itself included): median {statistics.median(counts):.0f}, "
          f"max {max(counts)}; texts with another candidate than itself: "
          f"{sum(1 for c in counts if c > 1):,} of {len(counts):,}")


if __name__ == "__main__":
    main()
