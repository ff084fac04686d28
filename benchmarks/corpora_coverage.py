"""Ingest the saved news pages of ../shared/corpora into a fresh archive and report how fast it
went and what share of the pages got each piece of metadata. Prints a table.

    python benchmarks/corpora_coverage.py
    python benchmarks/corpora_coverage.py --workers 1 --keep /tmp/corpora.db

The pages are the raw saved pages only (`expected*.html` beside some of them are another tool's
output, not pages). Shares are over the pages that became articles (stored or duplicate), and
over all pages, since a page that failed got nothing.
"""

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from common import CORPORA, corpora_pages  # noqa: E402
from ingest.pipeline import run_ingest  # noqa: E402


# One row per page that became an article: what its article carries.
COVERAGE_SQL = """
SELECT
    count(*),
    sum(coalesce(a.title, '') != ''),
    sum(a.authors != '[]'),
    sum(a.published IS NOT NULL),
    sum(a.outlet_id IS NOT NULL)
FROM sources s JOIN articles a ON a.id = s.article_id
WHERE s.status IN ('stored', 'duplicate')
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--keep", type=Path, help="write the archive here instead of a temp file")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        parser.error(f"{args.corpora} not found (it is ../shared/corpora beside the clone)")
    pages = [str(page) for page in corpora_pages(args.corpora)]
    with tempfile.TemporaryDirectory() as scratch:
        db_path = args.keep or Path(scratch) / "corpora.db"
        if db_path.exists():
            parser.error(f"{db_path} exists; the figures need a fresh archive")
        started = time.perf_counter()
        summary = run_ingest(pages, str(db_path), workers=args.workers)
        seconds = time.perf_counter() - started
        with sqlite3.connect(db_path) as connection:
            articles, title, author, published, outlet = connection.execute(COVERAGE_SQL).fetchone()
    print(f"pages: {len(pages)}   workers: {args.workers}   load: {os.getloadavg()[0]:.1f}")
    print(f"stored: {summary.stored}   duplicate: {summary.duplicate}   failed: {summary.failed}")
    for failure in summary.failures:
        print(f"  failed: {failure['location']}: {failure['error']}")
    print(f"seconds: {seconds:.1f}   pages/s: {len(pages) / seconds:.1f}")
    print()
    print(f"| field | pages with it | share of articles ({articles}) | share of pages ({len(pages)}) |")
    print("|---|---|---|---|")
    for name, value in (("title", title), ("at least one author", author),
                        ("published date", published), ("outlet", outlet)):
        print(f"| {name} | {value} | {value / articles:.1%} | {value / len(pages):.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
