"""Ingest speed against the limit measured in the same run. Prints Markdown tables.

html     `news-archive ingest` of the corpora's HTML pages with 1 and 2 workers, against
         trafilatura's extraction alone: its bare_extraction of text and metadata, with the
         options ingest passes it, same pages, same number of processes (with 1, in this
         process, as ingest does). Ingest runs trafilatura's author search and htmldate only
         when the page's own signals are silent, and reads those signals besides; the limit is
         what trafilatura does when asked for the same fields. Then the same folder again
         unchanged (re-ingest, `--repeat` times, the median), against the first ingest.
records  `news-archive ingest` of a generated JSON Lines corpus, against plain sqlite3
         executemany of the same rows into the same tables with the same FTS5 index (the
         schema's triggers), no checks; then the unchanged corpus again. Reports articles/s,
         the ratio, database size against the raw text, and each run's peak memory.

HTML runs alternate trafilatura alone and our ingest `--repeat` times (default 3), each going
first in turn, and compare medians: this machine's speed drifts from run to run. Every run is a
separate process (the CLI, or this script re-invoked), so start-up and imports
count as they would for a user, and peak memory is that run's own.

    python benchmarks/bench_ingest.py html
    python benchmarks/bench_ingest.py records --n 10000          # generates the corpus if missing
    python benchmarks/bench_ingest.py records --corpus benchmarks/out/corpus-1000000.jsonl
    python benchmarks/bench_ingest.py records --corpus new-100k.jsonl --base benchmarks/out/c1m-year.db

--base appends the corpus to copies of an existing archive (one for each side, copied before
the clock starts) instead of empty databases: the rate of ingest into an archive that is
already that large, in minutes instead of the hour a whole 1M-record run takes. The corpus
must be new to the base (another --seed of generate_corpus.py). The size columns then give
the growth of the database over the base.
"""

import argparse
import gzip
import hashlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (CORPORA, REPO, corpora_pages, file_mb, git_revision, load, machine, out_path,  # noqa: E402
                    run_measured, table)

CLI = [sys.executable, "-m", "ingest"]


# --- html ----------------------------------------------------------------------------------------

def _extract_only(path: str) -> bool:
    """trafilatura alone on one page, with the options ingest uses (ingest/extract_html.py)."""
    import trafilatura

    from ingest.extract_html import TrafilaturaMetadata, decode_html

    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    document = trafilatura.bare_extraction(
        decode_html(raw), with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params=TrafilaturaMetadata.DATE_PARAMS)
    return document is not None


def extraction_alone(list_file: str, workers: int) -> None:
    """The limit: read and extract every page, `workers` processes, nothing stored."""
    paths = Path(list_file).read_text().split("\n")
    if workers == 1:  # as ingest with one worker: no pool
        found = sum(map(_extract_only, paths))
    else:
        with ProcessPoolExecutor(workers) as pool:
            found = sum(pool.map(_extract_only, paths, chunksize=8))
    print(f"extracted {found} of {len(paths)}", file=sys.stderr)


def compile_package() -> None:
    """Write the package's bytecode before anything is timed, as installing it does (pip
    compiles a wheel's modules). Each run then reads it, as a user's does, instead of compiling
    the package's modules from source: 30 ms of CPU of a 0.1 s unchanged re-run, paid or not
    depending on whether a __pycache__ happened to be there (this machine sets
    PYTHONDONTWRITEBYTECODE, so a checkout never gets one by running)."""
    import compileall

    compileall.compile_dir(REPO / "ingest", quiet=1)


def bench_html(args) -> None:
    compile_package()
    pages = corpora_pages(args.corpora)
    folder = out_path("html-pages")  # symlinks: one folder to ingest, nothing copied
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for i, page in enumerate(pages):
        (folder / f"{i:04d}-{page.name}").symlink_to(page)
    list_file = out_path("html-pages.txt")
    list_file.write_text("\n".join(str(p) for p in pages))
    rows = []
    for workers in args.workers:
        # The machine's speed drifts between runs (here, trafilatura alone at 2 workers gave 18.0
        # pages/s in one run and 30.5 in another): timing each side once, one after the other,
        # put the drift into the ratio. So the two alternate, `--repeat` times each, each side
        # going first in turn, and the medians are compared.
        alone_runs, first_runs, rss_runs = [], [], []
        alone_cpu, first_cpu = [], []
        db = out_path(f"html-{workers}w.db")
        for round_ in range(args.repeat):
            for side in (("alone", "ingest") if round_ % 2 == 0 else ("ingest", "alone")):
                if side == "alone":
                    alone = run_measured([sys.executable, __file__, "_extract", str(list_file), str(workers)],
                                         cwd=REPO)
                    alone_runs.append(alone.seconds)
                    alone_cpu.append(alone.cpu_seconds)
                    continue
                for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                    stale.unlink(missing_ok=True)
                first = run_measured([*CLI, "ingest", str(folder), "--db", str(db), "--workers",
                                      str(workers), "--json"], cwd=REPO, stderr=subprocess.DEVNULL)
                first_runs.append(first.seconds)
                first_cpu.append(first.cpu_seconds)
                rss_runs.append(first.peak_mb)
        # The re-ingest takes a tenth of a second or so, where another program's burst on this
        # shared machine moves one run a lot (three in a row, load 4: 0.16, 0.27 and 0.37 s):
        # run `--repeat` times, the median reported.
        again_runs = [run_measured([*CLI, "ingest", str(folder), "--db", str(db), "--workers", str(workers),
                                    "--json"], cwd=REPO, stderr=subprocess.DEVNULL).seconds
                      for _ in range(args.repeat)]
        again = statistics.median(again_runs)
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        n = len(pages)
        alone, first = statistics.median(alone_runs), statistics.median(first_runs)
        rows.append([workers, n, stored, n / alone, n / first, (n / first) / (n / alone),
                     " / ".join(f"{n / a:.1f}:{n / f:.1f}" for a, f in zip(alone_runs, first_runs)),
                     f"{statistics.median(alone_cpu):.1f} : {statistics.median(first_cpu):.1f}",
                     max(rss_runs), again, first / again])
        print(f"workers={workers}: alone {alone_runs}, ingest {first_runs}, again "
              f"{', '.join(f'{a:.3f}' for a in again_runs)} s ({load()})",
              file=sys.stderr)
    print(table(["workers", "pages", "articles stored", "trafilatura alone pages/s (median)",
                 "ingest pages/s (median)", "ratio of medians", "each round: alone:ingest pages/s",
                 "CPU s, all processes (median): alone : ingest", "ingest peak MB", "re-ingest s (median)",
                 "first / re-ingest"], rows,
                title=f"HTML ingest of {args.corpora} ({load()}; {machine()}; rev {git_revision()}; "
                      f"{args.repeat} alternated rounds)"))


# --- records -------------------------------------------------------------------------------------

def plain_insert(corpus: str, db_path: str, batch: int) -> None:
    """The limit: the same rows into the same tables and FTS5 index with executemany, no checks.

    The tables come from the archive's own migrations, so the FTS5 index and its triggers are
    identical; ids of outlets and authors are kept in dicts, duplicates ignored by the UNIQUE
    content_hash, nothing normalised. Into an archive that has articles already (--base), the
    ids go on from the largest, and the outlets and authors it has are read into the dicts
    first (by key: plain's key is the name as written)."""
    from ingest.cjk import add_index_function
    from ingest.store import open_database

    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    # The index's triggers call cjk_index_text on every article written (schema/0021): plain pays
    # that Python call per article as ours does, or it could write nothing at all.
    add_index_function(conn)
    conn.execute("PRAGMA journal_mode = wal")
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    outlets: dict[str, int] = dict(conn.execute("SELECT key, id FROM outlets"))
    authors: dict[str, int] = dict(conn.execute("SELECT key, id FROM authors"))
    articles, bylines, sources = [], [], []
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]

    def flush():
        with conn:
            conn.executemany(
                "INSERT OR IGNORE INTO articles (id, content_hash, title, body, authors, published, "
                "outlet_id, url, word_count, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
            conn.executemany("INSERT OR IGNORE INTO article_authors VALUES (?, ?, ?)", bylines)
            conn.executemany(
                "INSERT INTO sources (location, raw_sha256, format, size, status, article_id, "
                "outlet_id, url, title, published, seen_at, last_seen) "
                "VALUES (?, ?, 'record', ?, 'stored', ?, ?, ?, ?, ?, ?, ?)", sources)
        articles.clear(), bylines.clear(), sources.clear()

    with open(corpus, "rb") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            outlet = record.get("outlet")
            if outlet not in outlets:
                outlets[outlet] = conn.execute("INSERT INTO outlets (name, key) VALUES (?, ?)",
                                               (outlet, outlet)).lastrowid
            body = record.get("body") or record.get("text") or ""
            names = record.get("authors") or []
            article_id = next_id
            next_id += 1
            articles.append((article_id, hashlib.sha256(body.encode()).hexdigest(), record.get("title"),
                             body, json.dumps(names, ensure_ascii=False), record.get("published"),
                             outlets[outlet], record.get("url"), len(body.split()), now))
            for position, name in enumerate(names, start=1):
                if name not in authors:
                    authors[name] = conn.execute("INSERT INTO authors (name, key) VALUES (?, ?)",
                                                 (name, name)).lastrowid
                bylines.append((article_id, authors[name], position))
            sources.append((f"{corpus}#{number}", hashlib.sha256(line.strip()).hexdigest(), len(line),
                            article_id, outlets[outlet], record.get("url"), record.get("title"),
                            record.get("published"), now, now))
            if len(articles) >= batch:
                flush()
    flush()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _copy_base(base: Path, targets) -> float:
    """Copy an archive for each side to append to, checkpointed first so that the copies hold
    everything (a -wal file is not copied). Returns the base's size in MB."""
    import shutil

    with sqlite3.connect(base) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for target in targets:
        shutil.copyfile(base, target)
    return file_mb(base)


def _warm(db: Path) -> float:
    """Read a database file once, so that the side about to run finds it in the page cache as
    the other side did. The copies are made one after the other, and at 9 GB each (24 GB of RAM
    here) the second evicts part of the first: the first run of stop 16 had plain reading from
    disk (265.6 s of wall time for 184.1 CPU seconds). Returns the seconds it took."""
    started = time.perf_counter()
    with open(db, "rb") as data:
        while data.read(1 << 24):
            pass
    return time.perf_counter() - started


def bench_records(args) -> None:
    compile_package()
    corpus = args.corpus
    if corpus is None:
        corpus = out_path(f"corpus-{args.n}.jsonl")
        if not corpus.exists():
            subprocess.run([sys.executable, str(Path(__file__).with_name("generate_corpus.py")),
                            "--n", str(args.n), "--out", str(corpus)], check=True)
    manifest_file = Path(f"{corpus}.manifest.json")
    manifest = json.loads(manifest_file.read_text()) if manifest_file.exists() else {}
    records = sum(1 for _ in open(corpus, "rb"))
    raw_mb = corpus.stat().st_size / 1e6
    text_bytes = manifest.get("text_bytes")
    if text_bytes is None or manifest.get("records") != records:  # e.g. a head -n of a corpus
        text_bytes = 0
        with open(corpus, "rb") as lines:
            for line in lines:
                record = json.loads(line)
                text_bytes += len(record["title"].encode()) + len(record["body"].encode())
    text_mb = text_bytes / 1e6
    tag = corpus.stem if args.base is None else f"{corpus.stem}-onto-{args.base.stem}"
    rows = []
    plain_db, ours_db = out_path(f"{tag}-plain.db"), out_path(f"{tag}-ours.db")
    for db in (plain_db, ours_db):
        for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            stale.unlink(missing_ok=True)
    base_mb = 0.0
    if args.base is not None:
        base_mb = _copy_base(args.base, (plain_db, ours_db))
        articles = sqlite3.connect(f"file:{args.base}?mode=ro", uri=True).execute(
            "SELECT count(*) FROM articles").fetchone()[0]
        print(f"base: {args.base} ({articles:,} articles, {base_mb:,.0f} MB), copied twice",
              file=sys.stderr, flush=True)
    loads = []
    plain_row, ours_row = [], []

    def run_plain():
        if args.base is not None:
            print(f"plain's copy read into the page cache in {_warm(plain_db):.1f} s", file=sys.stderr, flush=True)
        loads.append(load())
        run = run_measured([sys.executable, __file__, "_plain", str(corpus), str(plain_db),
                            str(args.plain_batch)], cwd=REPO)
        grown = file_mb(plain_db) - base_mb
        plain_row.extend([f"plain sqlite3 executemany (batch {args.plain_batch})", records, run.seconds,
                          records / run.seconds, "1.00", run.cpu_seconds, run.peak_mb, grown,
                          grown / raw_mb, grown / text_mb, ""])
        print(f"plain: {run.seconds:.1f}s {run.peak_mb:.0f} MB ({load()})", file=sys.stderr, flush=True)

    def run_ours():
        if args.base is not None:
            print(f"our copy read into the page cache in {_warm(ours_db):.1f} s", file=sys.stderr, flush=True)
        loads.append(load())
        workers = ["--workers", str(args.ingest_workers)] if args.ingest_workers else []
        run = run_measured([*CLI, "ingest", str(corpus), "--db", str(ours_db), "--json", *workers],
                           cwd=REPO, stderr=subprocess.DEVNULL)
        print(f"ours: {run.seconds:.1f}s {run.peak_mb:.0f} MB ({load()})", file=sys.stderr, flush=True)
        again = run_measured([*CLI, "ingest", str(corpus), "--db", str(ours_db), "--json", *workers],
                             cwd=REPO, stderr=subprocess.DEVNULL).seconds
        grown = file_mb(ours_db) - base_mb
        ours_row.extend([f"news-archive ingest (workers {args.ingest_workers or os.cpu_count()})", records,
                         run.seconds, records / run.seconds, "", run.cpu_seconds, run.peak_mb, grown,
                         grown / raw_mb, grown / text_mb,
                         f"{again:.1f} s ({run.seconds / again:.0f}x faster)"])

    # The machine's speed drifts between runs; --ours-first swaps the order, so that two runs
    # of the benchmark, one each way, show how much of a ratio is the order.
    steps = [run_ours] if args.skip_plain else [run_ours, run_plain] if args.ours_first else [run_plain, run_ours]
    for step in steps:
        step()
    loads.append(load())
    if plain_row:
        ours_row[4] = f"{plain_row[2] / ours_row[2]:.2f}"
    rows = [row for row in (plain_row, ours_row) if row]
    db_mb = "DB MB" if args.base is None else "DB growth MB"
    onto = "" if args.base is None else f" onto a copy of {args.base.name} ({base_mb:,.0f} MB)"
    print(table(["run", "records", "seconds", "articles/s", "ratio to plain", "CPU s, all processes",
                 "peak MB", db_mb, f"{db_mb[:-3]}/ corpus file", f"{db_mb[:-3]}/ title+body text",
                 "unchanged re-ingest"], rows,
                title=f"Record ingest of {corpus.name}{onto}: {records:,} records, file {raw_mb:,.0f} MB, "
                      f"title+body text {text_mb:,.0f} MB; {machine()}; rev {git_revision()}; "
                      f"{' / '.join(loads)}"))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_extract":
        return extraction_alone(sys.argv[2], int(sys.argv[3]))
    if len(sys.argv) > 1 and sys.argv[1] == "_plain":
        return plain_insert(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    html = sub.add_parser("html", help="HTML pages of ../shared/corpora, 1 and 2 workers")
    html.add_argument("--corpora", type=Path, default=CORPORA)
    html.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    html.add_argument("--repeat", type=int, default=3,
                      help="rounds of trafilatura alone and our ingest, alternated (medians compared)")
    rec = sub.add_parser("records", help="a generated JSON Lines corpus against plain sqlite3")
    rec.add_argument("--n", type=int, default=10_000, help="corpus size to generate if --corpus is not given")
    rec.add_argument("--corpus", type=Path, help="an existing corpus from generate_corpus.py")
    rec.add_argument("--plain-batch", type=int, default=10_000, help="rows per transaction for plain")
    rec.add_argument("--ingest-workers", type=int, help="--workers for news-archive ingest")
    rec.add_argument("--skip-plain", action="store_true", help="only our ingest (to build an archive)")
    rec.add_argument("--ours-first", action="store_true", help="time our ingest before plain sqlite3")
    rec.add_argument("--base", type=Path, help="append to copies of this archive instead of empty "
                     "databases (see the top of this file)")
    args = parser.parse_args()
    started = time.perf_counter()
    (bench_html if args.mode == "html" else bench_records)(args)
    print(f"\n(total {time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
