"""The `syndication` saved query's JSON at a large archive: seconds a request through Datasette's
own client (the project's settings, metadata and plugin, as `news-archive serve` builds them),
first page and a page deep, with and without a search. Prints a Markdown table.

A generated archive holds no near copies (its bodies are drawn from one pool of sentences, and no
two are one story), so `--link-stories N` first links N made-up stories of 2 to 6 articles of
different outlets in `near_copies`, as ingest would have linked a wire story's copies: this
changes the archive, so give it a copy, never an archive you keep.

    cp benchmarks/out/c323k.db /tmp/c323k-copy.db
    python benchmarks/bench_syndication.py /tmp/c323k-copy.db --link-stories 20000
    python benchmarks/bench_syndication.py /tmp/c323k-copy.db --requests 30
"""

import argparse
import asyncio
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import git_revision, load, p50_p95_ms, table  # noqa: E402

from ingest.serve import build_datasette  # noqa: E402
from ingest.store import open_database  # noqa: E402

PATHS = ["/archive/syndication.json?_shape=array",
         "/archive/syndication.json?_shape=array&page=3",
         "/archive/syndication.json?_shape=array&q=council",
         "/archive/syndication.json?_shape=array&texts=same"]


def link_stories(db_path: Path, stories: int, seed: int = 36) -> int:
    """Link `stories` made-up stories of 2 to 6 articles, each of another outlet, every pair of
    a story linked (as ingest links the copies of a wire story, up to its 20 a text); return the
    pairs written. Articles already linked are not taken again."""
    open_database(db_path).conn.close()  # (the migrations pending, near_copies among them)
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT id, outlet_id FROM articles WHERE outlet_id IS NOT NULL AND id NOT IN "
                        "(SELECT article_id FROM near_copies UNION SELECT copy_of FROM near_copies)").fetchall()
    chance = random.Random(seed)
    chance.shuffle(rows)
    pairs, at = [], 0
    for _ in range(stories):
        size = chance.randint(2, 6)
        story, outlets = [], set()
        while len(story) < size and at < len(rows):
            article_id, outlet_id = rows[at]
            at += 1
            if outlet_id not in outlets:
                outlets.add(outlet_id)
                story.append(article_id)
        pairs += [(max(a, b), min(a, b), round(chance.uniform(0.7, 1.0), 3))
                  for i, a in enumerate(story) for b in story[i + 1:]]
    conn.executemany("INSERT OR IGNORE INTO near_copies (article_id, copy_of, shared) VALUES (?, ?, ?)", pairs)
    conn.commit()
    conn.close()
    # (written without the address function, as SQL by hand would be: the next command that
    # opens the archive to write counts the stories' places again, schema/0027)
    open_database(db_path).conn.close()
    return len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path, help="an archive (a copy, with --link-stories)")
    parser.add_argument("--link-stories", type=int, default=0, help="made-up near-copy stories to link first")
    parser.add_argument("--requests", type=int, default=20, help="timed requests a path (after 2 not timed)")
    args = parser.parse_args()
    if args.link_stories:
        print(f"Linked {link_stories(args.db, args.link_stories):,} near-copy pairs\n")
    with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        has_links = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'near_copies'").fetchone()
        pairs = conn.execute("SELECT count(*) FROM near_copies").fetchone()[0] if has_links else 0
    print(f"# syndication at {articles:,} articles, {pairs:,} near-copy pairs "
          f"({args.db.name}; {git_revision()}; {load()})\n")
    datasette = build_datasette(args.db)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())
    # As a server that has been up a while: its facet cache loads in a thread at startup, and a
    # query's Python functions (same_address_key, once a source) waited on it for the GIL (2 s).
    cache = getattr(datasette.databases["archive"], "facet_cache", None)
    if cache is not None:
        cache.loaded.wait(300)
    rows = []
    for path in PATHS:
        seconds, found = [], 0
        for number in range(args.requests + 2):
            started = time.perf_counter()
            response = loop.run_until_complete(datasette.client.get(path))
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")
            found = len(response.json())
            if number >= 2:
                seconds.append(elapsed)
        median, p95 = p50_p95_ms(seconds)
        rows.append([path.split("?", 1)[1], found, f"{median:.0f}", f"{p95:.0f}"])
    loop.close()
    print(table(["request", "rows", "median ms", "p95 ms"], rows))


if __name__ == "__main__":
    main()
