"""Where our chosen author or published date disagrees with another signal of the same page, on
pages whose authors and dates nobody scores: a diagnostic for rule work, not a score.

The scrapinghub_aeb pages (../shared/corpora) carry body ground truth only, so html_accuracy.py
never looks at their authors or dates, and rules tuned on the postlight and readability misses
never saw them either. Here, for each such page, our choice (extract_html + normalise, as ingest
stores it) is set beside the signals that could contradict it:

  trafilatura  trafilatura's own author (its meta reading and its byline search)
  visible      the texts of elements whose class, id, itemprop, rel or data-* attribute says
               author or byline (any of them on the page, not our ordered search), split by
               split_people
  by-text      short lines that begin "By" (or its word in French, Spanish, German, Dutch,
               Scandinavian) and a capital, whatever their element is called
  json-ld      the page's JSON-LD article authors and datePublished
  meta         the <meta> author and published-date tags
  htmldate     htmldate's original date (structured markup only, as ingest asks it)
  url          the date in the page's address (the corpus's URL)

and a page is listed when
  author-miss  we give no author, but another signal names a person
  author-diff  we give authors, and another signal names people none of whom we give
  author-alone we give a name that no other signal gives (a desk, an outlet, a credit read as a
               person; or a byline shape only we read)
  date-miss    we give no date, but another signal gives one
  date-diff    our published day is none of the days the other signals give
  author-none  (no disagreement) neither we nor any signal name a person: pages to read for
               bylines of a shape none of these signals knows

With --visible, the same pages are read the other way round: where the page's JSON-LD or meta
names people (who also appear in the page's text) or a published date, our reading of the visible
page alone (the byline, rel="author" links, author-page links, the author box after the article
and an op-ed's closing note, in the order choose_authors asks them; the <time>s, byline dates,
labelled and written dates, in the order choose_dates asks them) is set beside it. Those signals
decide on pages that carry no JSON-LD or meta, where a byline or date we misread does harm; on
pages that have them, the structured value hides the misreading, and this brings it out:

  visible-author-none / -diff   our visible byline reading finds no one / other people
  visible-date-none / -diff     our visible date reading finds no date / another day (a day
                                that a UTC time and a local one may both name is the same day)

A disagreement is no error by itself (htmldate reads image paths; a visible "author" box may be
a related story's): read the pages it lists. The counts at the end say how many pages each
kind has. Nothing here is a ground truth.

Usage: python benchmarks/html_disagreements.py [--corpus scrapinghub_aeb] [--kinds author-miss,...]
                                               [--limit N] [--visible]
"""

import argparse
import json
import re
import sys
from collections import Counter
from datetime import datetime, timezone
from dataclasses import replace
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA  # noqa: E402  (common also puts the repository on sys.path)
from html_accuracy import days_of, read_raw, same_day  # noqa: E402
from ingest import html_signals  # noqa: E402
from ingest.extract_html import TrafilaturaMetadata, decode_html, extract_html  # noqa: E402
from ingest.normalise import iso_date, normalise, person_key, split_people  # noqa: E402
from trafilatura.utils import load_html  # noqa: E402

KINDS = ("author-miss", "author-diff", "author-alone", "date-miss", "date-diff", "author-none")

# Any element whose attributes say it holds the author or the byline (our own search is
# ordered and stops at the first; this one lists them all, to see what it passed over).
_MARKED_AUTHOR = etree.XPath(
    '//body//*[not(self::script or self::style or self::meta or self::link)]'
    '[@*[(name()="class" or name()="id" or name()="itemprop" or name()="rel" or starts-with(name(), "data-"))'
    ' and (contains(translate(., "AUTHORBYLINE", "authorbyline"), "author")'
    ' or contains(translate(., "AUTHORBYLINE", "authorbyline"), "byline"))]]')


def visible_bylines(tree) -> list[str]:
    texts = []
    for element in _MARKED_AUTHOR(tree):
        text = " ".join(element.text_content().split())
        if 3 <= len(text) <= 120 and text not in texts:
            texts.append(text)
        if len(texts) == 6:
            break
    return texts


# A short line that begins "By" and a capital, whatever its element is called: a byline a
# template marks with no author or byline name at all.
_BY_TEXT = re.compile(r"^(?:by|par|por|von|door|av)\s+[A-Z]", re.I)


def by_lines(tree) -> list[str]:
    texts = []
    for element in tree.iter(etree.Element):
        if element.tag in ("script", "style", "body", "html") or not (element.text or "").strip():
            continue
        text = " ".join(element.text_content().split())
        if len(text) <= 80 and _BY_TEXT.match(text) and text not in texts:
            texts.append(text)
            if len(texts) == 4:
                break
    return texts


def page_signals(raw: bytes, url: str | None, now: datetime) -> dict:
    text = decode_html(raw)
    tree = load_html(text)
    if tree is None:
        return {}
    signals = html_signals.read_signals(tree)
    metadata = TrafilaturaMetadata(load_html(text))
    json_ld_people = [n for item in signals.own_json_ld
                      for n in html_signals._names(item.get("author"), True, signals.json_ld_nodes)]
    meta_people = [v for key in html_signals.META_AUTHOR for v in signals.meta.get(key, [])]
    visible = visible_bylines(tree)
    by_text = by_lines(tree)
    json_ld_date = next((d for i in signals.own_json_ld if isinstance(d := i.get("datePublished"), str)), None)
    meta_date = next((v for key in html_signals.META_PUBLISHED for v in signals.meta.get(key, [])), None)
    return {
        "authors": {
            "trafilatura": split_people(metadata.author)[0],
            "visible": split_people(visible)[0],
            "by-text": split_people(by_text)[0],
            "json-ld": split_people(json_ld_people)[0],
            "meta": split_people(meta_people)[0],
        },
        "visible_texts": visible + by_text,
        "dates": {
            "htmldate": iso_date(metadata.date, now),
            "json-ld": iso_date(json_ld_date, now),
            "meta": iso_date(meta_date, now),
            "url": html_signals.url_date(url or signals.url),
        },
    }


def disagreements(article, others: dict) -> list[str]:
    kinds = []
    ours = {person_key(a) for a in article.authors}
    named = {source: people for source, people in others["authors"].items() if people}
    if not ours and named:
        kinds.append("author-miss")
    elif not ours:
        kinds.append("author-none")
    elif ours and any(not ({person_key(p) for p in people} & ours) for people in named.values()):
        kinds.append("author-diff")
    if ours - {person_key(p) for people in named.values() for p in people}:
        kinds.append("author-alone")
    dated = {source: day for source, day in others["dates"].items() if day}
    if not article.published and dated:
        kinds.append("date-miss")
    elif article.published and dated and not any(days_of(article.published) & days_of(d) for d in dated.values()):
        kinds.append("date-diff")
    return kinds


def visible_reading(raw: bytes, now: datetime) -> dict:
    """The structured authors and date of a page beside what the visible page alone gives."""
    tree = load_html(decode_html(raw))
    if tree is None:
        return {}
    signals = html_signals.read_signals(tree)
    structured = split_people([n for item in signals.own_json_ld
                               for n in html_signals._names(item.get("author"), True, signals.json_ld_nodes)])[0]
    if not structured:
        structured = next((people for key in html_signals.META_AUTHOR if (people := split_people(
            [v for v in signals.meta.get(key, []) if not html_signals._PROFILE_URL.match(v)])[0])), [])
    body = tree.find(".//body")
    text = " ".join(body.text_content().split()) if body is not None else ""
    shown = [name for name in structured if name in text]
    visible = (split_people(signals.byline)[0] or split_people(signals.rel_author)[0]
               or split_people(signals.author_links)[0] or split_people(signals.author_box)[0]
               or split_people(signals.tagline_authors)[0])
    date = next((v for item in signals.own_json_ld if isinstance(v := item.get("datePublished"), str)), None) or next(
        (v for key in html_signals.META_PUBLISHED for v in signals.meta.get(key, [])), None)
    # choose_dates itself, on the page with its JSON-LD, meta and address taken away and no
    # htmldate: the visible signals in the order it asks them, whatever rules they gain. (The
    # dates on links to the page itself need its address: asked of the page as it is.)
    seen = replace(signals, json_ld=[], json_ld_others=[], json_ld_unparsed={}, meta={}, url=None)
    visible_date = iso_date(html_signals.choose_dates(seen, None, now)[0].value, now) or next(
        (day for value in html_signals._permalink_dates(signals) if (day := iso_date(value, now))), None)
    return {"authors": shown, "visible_authors": visible, "date": iso_date(date, now) if date else None,
            "visible_date": visible_date}


def visible_kinds(found: dict) -> list[str]:
    kinds = []
    if found.get("authors"):
        wanted, got = {person_key(p) for p in found["authors"]}, {person_key(p) for p in found["visible_authors"]}
        if not got:
            kinds.append("visible-author-none")
        elif not wanted <= got:
            kinds.append("visible-author-diff")
    if found.get("date"):
        if not found["visible_date"]:
            kinds.append("visible-date-none")
        elif not (same_day(found["visible_date"], found["date"]) or same_day(found["date"], found["visible_date"])):
            kinds.append("visible-date-diff")
    return kinds


def main_visible(rows, folder: Path, now: datetime) -> None:
    counts = Counter()
    for row in rows:
        found = visible_reading(read_raw(folder / row["html_file"]), now)
        kinds = visible_kinds(found) if found else []
        counts.update(kinds)
        counts["pages with structured authors shown"] += bool(found.get("authors"))
        counts["pages with a structured date"] += bool(found.get("date"))
        if kinds:
            print(f"{row['id'][:12]} {' '.join(kinds)}  {row.get('url')}")
            print(f"  structured: authors={found['authors']} date={found['date']}")
            print(f"  visible:    authors={found['visible_authors']} date={found['visible_date']}")
    print("\n" + ", ".join(f"{kind} {count}" for kind, count in counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--corpus", default="scrapinghub_aeb",
                        help="A corpus folder whose authors and dates no score reads.")
    parser.add_argument("--kinds", default=",".join(KINDS[:-1]), help="Which kinds of page to list.")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--visible", action="store_true",
                        help="Set our reading of the visible page beside the page's JSON-LD and meta.")
    args = parser.parse_args()
    wanted = set(args.kinds.split(","))
    folder = CORPORA / args.corpus
    rows = [json.loads(line) for line in (folder / "ground_truth.jsonl").open(encoding="utf-8")]
    if args.limit:
        rows = rows[: args.limit]
    now = datetime.now(timezone.utc)
    if args.visible:
        main_visible(rows, folder, now)
        return
    counts = Counter()
    for row in rows:
        raw = read_raw(folder / row["html_file"])
        article = normalise(extract_html(raw), now)
        others = page_signals(raw, row.get("url"), now)
        if not others:
            continue
        kinds = disagreements(article, others)
        counts.update(kinds)
        counts["pages"] += 1
        counts["with author"] += bool(article.authors)
        counts["with date"] += bool(article.published)
        if not set(kinds) & wanted:
            continue
        print(f"{row['id'][:12]} {' '.join(kinds)}  {row.get('url')}")
        print(f"  ours: authors={article.authors} ({article.provenance.get('authors')}) "
              f"published={article.published} ({article.provenance.get('published')})")
        print("  authors: " + "; ".join(f"{s}={p}" for s, p in others["authors"].items() if p))
        print(f"  visible: {others['visible_texts']}")
        print("  dates: " + "; ".join(f"{s}={d}" for s, d in others["dates"].items() if d))
    print("\n" + ", ".join(f"{kind} {counts[kind]}" for kind in ("pages", "with author", "with date", *KINDS)))


if __name__ == "__main__":
    main()
