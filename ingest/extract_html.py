"""Extract an Article from an HTML page: trafilatura for the text, and for each metadata field
the value the page's own signals support best (html_signals), with where it came from."""

import re

from functools import cached_property

import trafilatura
from courlan import extract_domain
from htmldate import find_date
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import Document
from trafilatura.utils import load_html

from . import html_signals
from .read import decode_text
from .record import Article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_DOCUMENT_TAG = re.compile(r"<(?:html|head|body)[\s>]", re.I)
# Cell content that makes a table a page layout rather than data: a data table's cells hold
# words and numbers, a layout table's hold the page's headings, paragraphs and menus.
_BLOCK_CONTENT = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "ul", "ol", "blockquote")
_TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th"}
# A line of the text that is a date's label and nothing else ("· Updated", "Published:"):
# trafilatura drops a page's <time> elements but keeps the words between them, so a dateline
# "<time>8 September</time> · Updated <time>19:05</time>" left its label as a line of the
# article's text (and of its search snippets). A label with anything else on its line (a date
# written as text, a sentence that begins "Updated guidance...") is kept.
_BARE_DATE_LABEL = re.compile(
    r"^[^\w\n]*(?:(?:last|first)\s+)?(?:updated|published|posted|modified|"
    r"aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato|bijgewerkt)"
    r"(?:\s+(?:on|at|am|le|el|il|op))?[^\w\n]*$", re.I | re.M)


def decode_html(raw: bytes) -> str:
    declared = _META_CHARSET.search(raw[:4096])
    return decode_text(raw, declared.group(1).decode("ascii") if declared else None)


def extract_html(raw: bytes, location: str = "", page_url: str | None = None) -> Article:
    """`page_url`: where the page was fetched from, if known (a web archive's capture, or what a
    browser that saved it wrote into it); used as the page's own address (its domain, a date in
    its path) when the page names none."""
    text = decode_html(raw)
    if not _DOCUMENT_TAG.search(text):
        # A fragment (a saved article <div>, a feed's content): trafilatura looks for a
        # document's <body> and rejects or finds nothing in a tree rooted at a <div>.
        text = f"<html><body>{text}</body></html>"
    # Parse once: the signals are read from this tree and trafilatura works on a copy of it.
    tree = load_html(text)
    if tree is None:
        return Article()
    if html_signals.is_list_of_links(tree):
        from .extract import ExtractionError  # (extract imports this module when it needs it)

        raise ExtractionError("a list of links with next to no text (a bookmarks file, a read-later "
                              "export, an index page): not an article")
    _unwrap_layout_tables(tree)
    metadata = TrafilaturaMetadata(tree)
    document = trafilatura.bare_extraction(
        # deduplicate stays off: its cache spans documents, so a page's text would depend on
        # which pages the same worker saw before it.
        tree, url=metadata.url, include_comments=False, include_tables=True,
        # Its metadata is read by TrafilaturaMetadata, only as far as our signals need it.
        with_metadata=False,
    )
    article = Article()
    if document is None:
        # trafilatura found no text: none of its metadata is used either (as when it read both).
        metadata = TrafilaturaMetadata()
    article.body = _without_bare_date_labels((document.text if document is not None else None) or "")
    article.description = metadata.description
    article.language = _page_language(tree)

    if metadata.sitename and metadata.title and (
            " ".join(metadata.sitename.split()) == " ".join(metadata.title.split())):
        # trafilatura falls back on the headline for the site's name: that names no publisher.
        metadata.sitename = None
    # Every element of the page held while its signals are read. The signals walk the whole
    # page several times (the byline tests, the dates, the date labels), and each walk made a
    # Python object for every element it passed (lxml.html choosing its class in Python), only
    # to drop it at once: held, each is made once. The 475 corpora pages, each extracted both
    # ways in turn in one process: 13.01 -> 12.83 and 12.44 -> 12.34 CPU s (signals alone:
    # 2.4-2.8 -> 2.1-2.5 s). (Held from the parse instead, for trafilatura's walks too: no
    # better, as trafilatura works on copies of the tree.)
    held = list(tree.iter())  # (let go once every signal is read, below)
    signals = html_signals.read_signals(tree)
    signals.html = text  # (the markup as text: a few cheap tests search it instead of the tree)
    page_url = page_url or html_signals.saved_from_url(text)  # a page saved by a browser says where from
    if not (signals.url or metadata.url) and page_url and page_url.startswith(("http://", "https://")):
        signals.url = page_url
    sites = html_signals.site_names(signals, metadata.sitename)
    choices = {
        "title": html_signals.choose_title(signals, metadata.title, sites),
        "authors": html_signals.choose_authors(signals, lambda: metadata.author, sites),
    }
    # (The <title>'s site part is told from its headline, so the title is chosen first.)
    choices["outlet"] = html_signals.choose_outlet(signals, metadata.sitename, choices["title"].value)
    choices["published"], choices["updated"] = html_signals.choose_dates(signals, lambda: metadata.date)
    if choices["authors"].source == "byline":
        article.body = _without_byline_paragraph(
            article.body, html_signals.bare_byline_line(signals, choices["authors"].value or []),
            choices["title"].value)
    for name, choice in choices.items():
        if choice.value:
            setattr(article, name, choice.value)
            article.provenance[name] = choice.source
    if not article.description:
        # trafilatura reads content= only; some templates write value= (read_signals takes both).
        described = [v for key in ("description", "og:description", "twitter:description")
                     for v in signals.meta.get(key, [])]
        article.description = described[0] if described else None
    article.url = signals.url or metadata.url
    article.outlet_domain = html_signals.choose_domain(signals, metadata.hostname)
    del held
    return article


class TrafilaturaMetadata:
    """trafilatura's metadata for a page, the values its bare_extraction(with_metadata=True)
    gives, read step by step as its extract_metadata does, except that the two dear steps run
    only when asked for: the author search (over a pruned copy of the page) and htmldate, which
    together cost a fifth of extraction time and are only our last resort for authors and
    dates. Its categories, tags and licence, which we do not store, are not read at all.
    (trafilatura has no option to skip a step; tests check the values against its own.)"""

    # htmldate's extensive search guesses a date from any date-like text on the page and
    # spent 65% of extraction time in dateparser on real pages: structured dates only.
    DATE_PARAMS = {"extensive_search": False, "original_date": True}

    def __init__(self, tree=None):
        """The page's metadata; with no tree, none (every field None)."""
        self._tree = tree
        self._found = found = Document()
        self.title = self.description = self.sitename = self.url = self.hostname = None
        if tree is None:
            return
        found = trafilatura_metadata.examine_meta(tree)
        if found.author and " " not in found.author:
            found.author = None  # as extract_metadata: one word is no author
        try:
            found = trafilatura_metadata.extract_meta_json(tree, found)
        except Exception:  # noqa: BLE001 - extract_metadata also carries on past its bugs
            pass
        found.title = found.title or trafilatura_metadata.extract_title(tree)
        found.url = found.url or trafilatura_metadata.extract_url(tree)
        if found.url:
            found.hostname = extract_domain(found.url, fast=True)
        found.sitename = found.sitename or trafilatura_metadata.extract_sitename(tree)
        if found.sitename:
            found.sitename = found.sitename.lstrip("@")  # which may leave nothing
            if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
                found.sitename = found.sitename.title()
        elif found.url:
            match = trafilatura_metadata.META_URL.match(found.url)
            found.sitename = match[1] if match else None
        self._found = found
        self.title, self.description, self.sitename, self.url, self.hostname = (
            _trimmed(found.title), _trimmed(found.description), _trimmed(found.sitename),
            _trimmed(found.url), _trimmed(found.hostname))

    @cached_property
    def author(self) -> str | None:
        if self._tree is None:
            return None
        if not self._found.author and not _may_hold_trafilatura_author(self._tree):
            return None  # what its search would find there: nothing
        return _trimmed(self._found.author or trafilatura_metadata.extract_author(self._tree))

    @cached_property
    def date(self) -> str | None:
        if self._tree is None:
            return None
        return _trimmed(find_date(self._tree, **self.DATE_PARAMS, url=self._found.url))


# trafilatura's author search (metadata.extract_author) copies the page, prunes the copy and
# runs three XPath expressions (AUTHOR_XPATHS) over it, whose tests call Python's re for every
# element with a class or id: 5 ms a page, and it is asked on a fifth of the pages (those with no
# byline), where on the corpora it found nothing in 84 of 89. Every element those expressions
# can match has one of these attributes holding one of these pieces (each of their tests needs
# one: "author", "Author", "authorName", "byline", "Byline", "byl", "BBL", "username", ...),
# or is an <author>, or has a <rel> child (their "rel='me'", a child element's text). Pruning
# only removes elements, so where no element of the whole page has them the search finds
# nothing, and a walk of the page in Python tells that in a fifth of its time.
# (tests/test_extract_html.py checks the pieces against trafilatura's expressions.)
_TRAFILATURA_AUTHOR_ATTRIBUTES = frozenset({"class", "id", "rel", "itemprop", "data-testid", "data-component"})
_TRAFILATURA_AUTHOR_PIECES = re.compile(
    "uthor|byl|yline|BBL|username|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|"
    "journalist-name|screenname|writer")


def _may_hold_trafilatura_author(tree) -> bool:
    """Whether trafilatura's author search could find anything on the page (False: it finds
    nothing)."""
    for element in tree.iter():
        if element.tag in ("author", "rel"):
            return True
        for name, value in element.items():
            if name in _TRAFILATURA_AUTHOR_ATTRIBUTES and _TRAFILATURA_AUTHOR_PIECES.search(value):
                return True
    return False


def _without_byline_paragraph(body: str, byline: str | None, title: str | None) -> str:
    """The body less its first paragraph (or the one under the headline that opens it), where
    that is the byline's line and nothing more: an unmarked <p> byline is story text to
    trafilatura, and left in, it opens every copy of the story with a different line (which
    also hides the copies from the duplicate search)."""
    if not byline:
        return body
    lines = body.split("\n")
    at = 1 if title and len(lines) > 1 and " ".join(lines[0].split()) == " ".join(title.split()) else 0
    if " ".join(lines[at].split()) != byline:
        return body
    return "\n".join(lines[:at] + lines[at + 1:])


def _without_bare_date_labels(text: str) -> str:
    if not _BARE_DATE_LABEL.search(text):  # most texts: one search, no split
        return text
    return "\n".join(line for line in text.split("\n") if not _BARE_DATE_LABEL.match(line))


def _trimmed(value: str | None) -> str | None:
    """A metadata value cleaned the way trafilatura cleans its own (Document.clean_and_trim)."""
    document = Document()
    document.title = value
    document.clean_and_trim()
    return document.title


def _unwrap_layout_tables(tree) -> None:
    """Turn tables used for page layout into divs. With include_tables, trafilatura keeps a
    table whole, so an old template's one big table comes back as a row of menu, story and
    sidebar; as divs, its paragraphs are scored like any others. Only the table's own rows and
    cells change: a data table nested in a layout cell is left a table."""
    layouts = [table for table in tree.iter("table") if _is_layout(table)]
    for table in layouts:
        for part in _own_parts(table):
            if part.tag in ("td", "th"):
                # (A cell keeps its kind: a fact box's row, a header cell's label beside a
                # data cell, is told from the page's own fields by it - html_signals._TABLE_FIELD.)
                part.set("data-cell", part.tag)
            part.tag = "div"
        table.tag = "div"


def _own_parts(table):
    """The row groups, rows and cells of this table, not of tables nested in its cells."""
    for child in table:
        if child.tag in _TABLE_PARTS and child.tag != "table":
            yield child
            if child.tag not in ("td", "th"):
                yield from _own_parts(child)


def _is_layout(table) -> bool:
    # A block counts for the nearest table around it: one inside a nested table in this
    # table's cell says nothing about this table.
    return any(next(block.iterancestors("table")) is table
               for cell in _own_parts(table) if cell.tag in ("td", "th")
               for block in cell.iter(*_BLOCK_CONTENT))


def _page_language(tree) -> str | None:
    value = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return value.strip() if value and value.strip() else None
