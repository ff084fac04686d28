"""Extract an Article from an HTML page: trafilatura for the text and its metadata."""

import re

import trafilatura
from lxml import html as lxml_html

from .read import decode_text
from .record import Article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_html(raw: bytes) -> str:
    declared = _META_CHARSET.search(raw[:4096])
    return decode_text(raw, declared.group(1).decode("ascii") if declared else None)


def extract_html(raw: bytes, location: str = "") -> Article:
    text = decode_html(raw)
    document = trafilatura.bare_extraction(
        # deduplicate stays off: its cache spans documents, so a page's text would depend on
        # which pages the same worker saw before it.
        text, with_metadata=True, include_comments=False, include_tables=True,
        # htmldate's extensive search guesses a date from any date-like text on the page and
        # spent 65% of extraction time in dateparser on real pages: structured dates only.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    article = Article()
    if document is None:
        return article
    values = document.as_dict()
    article.body = values.get("text") or ""
    article.title = values.get("title")
    article.description = values.get("description")
    if values.get("author"):
        article.authors = [values["author"]]
    article.published = values.get("date")
    article.outlet = values.get("sitename")
    article.url = values.get("url")
    article.outlet_domain = values.get("hostname")
    article.language = values.get("language") or _page_language(text)
    for field in ("title", "authors", "published", "outlet"):
        if getattr(article, field):
            article.provenance[field] = "trafilatura"
    return article


def _page_language(text: str) -> str | None:
    match = re.search(r"<html[^>]*\slang\s*=\s*[\"']?([\w-]+)", text[:5000], re.I)
    return match.group(1) if match else None
