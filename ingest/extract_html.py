"""Extract an Article from an HTML page: trafilatura for the text, and for each metadata field
the value the page's own signals support best (html_signals), with where it came from."""

import re

import trafilatura
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


def decode_html(raw: bytes) -> str:
    declared = _META_CHARSET.search(raw[:4096])
    return decode_text(raw, declared.group(1).decode("ascii") if declared else None)


def extract_html(raw: bytes, location: str = "") -> Article:
    text = decode_html(raw)
    if not _DOCUMENT_TAG.search(text):
        # A fragment (a saved article <div>, a feed's content): trafilatura looks for a
        # document's <body> and rejects or finds nothing in a tree rooted at a <div>.
        text = f"<html><body>{text}</body></html>"
    # Parse once: the signals are read from this tree and trafilatura works on a copy of it.
    tree = load_html(text)
    if tree is None:
        return Article()
    _unwrap_layout_tables(tree)
    document = trafilatura.bare_extraction(
        # deduplicate stays off: its cache spans documents, so a page's text would depend on
        # which pages the same worker saw before it.
        tree, with_metadata=True, include_comments=False, include_tables=True,
        # htmldate's extensive search guesses a date from any date-like text on the page and
        # spent 65% of extraction time in dateparser on real pages: structured dates only.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    values = document.as_dict() if document is not None else {}
    article = Article()
    article.body = values.get("text") or ""
    article.description = values.get("description")
    article.language = values.get("language") or _page_language(tree)

    if values.get("sitename") and values.get("title") and (
            " ".join(values["sitename"].split()) == " ".join(values["title"].split())):
        # trafilatura falls back on the headline for the site's name: that names no publisher.
        values["sitename"] = None
    signals = html_signals.read_signals(tree)
    sites = html_signals.site_names(signals, values.get("sitename"))
    choices = {
        "title": html_signals.choose_title(signals, values.get("title"), sites),
        "authors": html_signals.choose_authors(signals, values.get("author"), sites),
        "outlet": html_signals.choose_outlet(signals, values.get("sitename")),
    }
    choices["published"], choices["updated"] = html_signals.choose_dates(signals, values.get("date"))
    for name, choice in choices.items():
        if choice.value:
            setattr(article, name, choice.value)
            article.provenance[name] = choice.source
    if not article.description:
        # trafilatura reads content= only; some templates write value= (read_signals takes both).
        described = [v for key in ("description", "og:description", "twitter:description")
                     for v in signals.meta.get(key, [])]
        article.description = described[0] if described else None
    article.url = signals.url or values.get("url")
    article.outlet_domain = html_signals.choose_domain(signals, values.get("hostname"))
    return article


def _unwrap_layout_tables(tree) -> None:
    """Turn tables used for page layout into divs. With include_tables, trafilatura keeps a
    table whole, so an old template's one big table comes back as a row of menu, story and
    sidebar; as divs, its paragraphs are scored like any others. Only the table's own rows and
    cells change: a data table nested in a layout cell is left a table."""
    layouts = [table for table in tree.iter("table") if _is_layout(table)]
    for table in layouts:
        for part in _own_parts(table):
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
