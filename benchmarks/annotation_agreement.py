"""How far two annotators agree on the pages both read (benchmarks/annotations: each annotator
reads a few pages another owns, as a "second" reading): a truth that two careful readers do
not agree on cannot score a rule finely, and this says how often that is.

Fields are compared as the accuracy scripts compare them: titles after folding case, white
space and typographic punctuation; authors as sets of person keys; the published day; whether
the page gives no date; outlets by outlet key, any form either reader gave.

--show prints each disagreement of a page that is in the tuning half of both accuracy scripts
(html_accuracy's hash of "aeb/id", text_accuracy's of "scrapinghub/id"); a held-out page's is
only counted, so that this never shows a held-out page's truth to whoever tunes rules. With
--set pkg it reads the package pages' annotations (package_pages.py; one split, shared by both
scripts), and also compares whether the page is an article at all.

Usage: python benchmarks/annotation_agreement.py [--set aeb|pkg] [--show]
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import annotations, table  # noqa: E402
import package_pages  # noqa: E402
import text_accuracy  # noqa: E402
import html_accuracy  # noqa: E402
from html_accuracy import norm_title  # noqa: E402
from ingest.normalise import outlet_key, person_key  # noqa: E402


def _authors(row: dict):
    people = row.get("authors")
    return None if people is None else frozenset(person_key(p) for p in people)


def _outlets(row: dict) -> set[str]:
    return {outlet_key(name) for name in [row.get("outlet"), *(row.get("outlet_aliases") or [])] if name}


# Each field: how to read it from a row, and whether two readings agree.
FIELDS = {
    "title": (lambda r: norm_title(r.get("title")) if r.get("title") else None, lambda a, b: a == b),
    "authors": (_authors, lambda a, b: a == b),
    "published": (lambda r: (r.get("published") or "")[:10] or None, lambda a, b: a == b),
    "no_date": (lambda r: bool(r.get("no_date")), lambda a, b: a == b),
    "outlet": (_outlets, lambda a, b: bool(a & b) or a == b),
}


def tune_in_both(page_id: str, which: str = "aeb") -> bool:
    """The page is in the tuning half of html_accuracy and of text_accuracy alike."""
    if which == "pkg":
        return package_pages.half_of(page_id) == "tune"
    return html_accuracy.half_of("aeb", page_id) == text_accuracy.half_of("scrapinghub", page_id) == "tune"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="Print each disagreement.")
    parser.add_argument("--set", choices=("aeb", "pkg"), default="aeb",
                        help="The scrapinghub_aeb pages' annotations (aeb) or the package pages' (pkg).")
    args = parser.parse_args()
    owners, seconds = annotations(args.set), annotations(args.set, second=True)
    both = [page for page in seconds if page in owners]
    rows = []
    fields = FIELDS | ({"not_article": (lambda r: bool(r.get("not_article")), lambda a, b: a == b)}
                       if args.set == "pkg" else {})
    for field, (read, agree) in fields.items():
        same = 0
        for page in both:
            a, b = read(owners[page]), read(seconds[page])
            if agree(a, b):
                same += 1
            elif args.show and tune_in_both(page, args.set):
                print(f"{page[:12]} {field}: {owners[page]['annotator']}={a!r} {seconds[page]['annotator']}={b!r}")
        rows.append([field, len(both), same, f"{same / len(both):.2f}" if both else "-"])
    print(table(["field", "pages read twice", "agree", "share"], rows,
                title=f"annotator agreement ({len(owners)} pages annotated, {len(both)} read twice)"))


if __name__ == "__main__":
    main()
