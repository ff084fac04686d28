"""CPU time of our own HTML signal reading (ingest/html_signals.py) over the corpora pages, apart
from trafilatura's: what our rules cost on top of trafilatura, and a check that a speed change
left every choice as it was.

The html_signals entry points extract_html calls (read_signals, site_names, choose_*) are timed
in thread CPU seconds; trafilatura's author search and htmldate, which choose_authors and
choose_dates call lazily from inside them, are timed apart and subtracted. The machine's speed
drifts with its load, so compare two versions by alternating runs of this script (one per
checkout), and say the load (`uptime`) beside the figures.

--dump FILE writes every page's chosen title, authors, dates, outlet, domain and provenance as
JSON lines: the files of two versions must be identical for a change meant only for speed.

Usage: python benchmarks/html_signal_time.py [--rounds N] [--dump FILE]
"""

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA, corpora_pages  # noqa: E402  (common also puts the repository on sys.path)
from ingest import extract_html as extract_module  # noqa: E402
from ingest import html_signals  # noqa: E402

ENTRY_POINTS = ("read_signals", "site_names", "choose_title", "choose_authors", "choose_outlet",
                "choose_dates", "choose_domain")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    spent = {"ours": 0.0, "trafilatura": 0.0}

    def timed(function, bucket):
        def run(*arguments, **keywords):
            start = time.thread_time()
            try:
                return function(*arguments, **keywords)
            finally:
                spent[bucket] += time.thread_time() - start
        return run

    for name in ENTRY_POINTS:
        setattr(html_signals, name, timed(getattr(html_signals, name), "ours"))
    for name in ("author", "date"):  # cached_property: its function is replaced
        prop = extract_module.TrafilaturaMetadata.__dict__[name]
        prop.func = timed(prop.func, "trafilatura")
    paths = corpora_pages()
    pages = [gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes() for p in paths]
    total = 0.0
    articles = []
    for _ in range(args.rounds):
        articles = []
        for raw in pages:
            start = time.thread_time()
            articles.append(extract_module.extract_html(raw))
            total += time.thread_time() - start
    ours = (spent["ours"] - spent["trafilatura"]) / args.rounds
    print(f"{len(pages)} pages, {args.rounds} round(s): our signal reading {ours:.2f} CPU s a round; "
          f"trafilatura's author search and htmldate called from it {spent['trafilatura'] / args.rounds:.2f}; "
          f"extract_html in all {total / args.rounds:.2f}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for path, article in zip(paths, articles):
                row = {"page": str(path.relative_to(CORPORA.resolve())), "title": article.title, "authors": [str(a) for a in article.authors or []],
                       "published": article.published, "updated": article.updated, "outlet": article.outlet,
                       "domain": article.outlet_domain, "provenance": article.provenance}
                out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


if __name__ == "__main__":
    main()
