"""Extract an Article from an HTML page: trafilatura for the text, and for each metadata field
the value the page's own signals support best (html_signals), with where it came from."""

import re

import trafilatura
from trafilatura.utils import load_html

from . import html_signals
from .read import decode_text
from .record import Article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_html(raw: bytes) -> str:
    declared = _META_CHARSET.search(raw[:4096])
    return decode_text(raw, declared.group(1).decode("ascii") if declared else None)


def extract_html(raw: bytes, location: str = "") -> Article:
    text = decode_html(raw)
    # Parse once: the signals are read from this tree and trafilatura works on a copy of it.
    tree = load_html(text)
    if tree is None:
        return Article()
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


def _page_language(tree) -> str | None:
    value = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return value.strip() if value and value.strip() else None
