"""Extract stage: one Source of a known format in, one Article (raw strings) out.

Each input kind has its own module; this one only dispatches and applies the overrides the user
gave for what the file cannot say (--outlet, --url, a sidecar NAME.json).
"""

import re

from .extract_record import extract_record
from .normalise import count_words
from .read import text_and_encoding
from .record import Article, Source


# Below this many words what was found is a menu, a caption or an error page, not an article;
# even a news brief runs to a few sentences.
MIN_BODY_WORDS = 10


class ExtractionError(ValueError):
    """The input is readable but holds no article (no text, not a record, ...)."""


def extract(source: Source) -> Article:
    # The HTML and text extractors are imported on the first input that needs them: trafilatura
    # alone takes 0.35 s to import, which each worker of a run of JSON records would otherwise
    # pay at its start, while the writer waits for its first outcomes.
    try:
        if source.format == "record":
            article = extract_record(source.raw, markup=source.markup)
            _refuse_a_cut_text(article)
        elif source.format == "html":
            from .extract_html import extract_html

            article = extract_html(source.raw, source.location, page_url=source.url)
        elif source.format in ("text", "markdown"):
            from .extract_text import extract_text

            text, how_read = text_and_encoding(source.raw, last_resort=False)
            article = extract_text(text, markdown=source.format == "markdown")
            if how_read:  # kept with the input's warnings (sources.error, the run's summary)
                article.warnings.append(how_read)
        else:
            raise ExtractionError(f"unsupported format {source.format!r}")
    except UnicodeDecodeError as error:
        # The codec's own words named a code page and "<undefined>", or "'utf-16-le' codec ...
        # truncated data" for a page marked UTF-16 whose bytes are not: not the file's fault.
        # Pages (a file, or one captured in a web archive) and texts are told the same way.
        raise ExtractionError(f"not text in any encoding it could be read in (byte "
                              f"0x{error.object[error.start]:02x} at position {error.start:,}): "
                              "a binary file?") from error
    apply_hints(article, source.hints)
    apply_overrides(article, source.overrides)
    article.word_count = count_words(article.body)  # normalise counts again only if it changes the body
    if article.word_count < MIN_BODY_WORDS:
        raise ExtractionError(f"no article text found (fewer than {MIN_BODY_WORDS} words)")
    return article


# What a news API writes at the end of a text it gives only the opening of (NewsAPI's
# "content": its first 200 characters, then "… [+2143 chars]").
_CUT_BY_THE_API = re.compile(r"\[\+\d[\d,]* chars\]\s*\Z")


def _refuse_a_cut_text(article: Article) -> None:
    """A record whose text the API cut short is no article, as a feed's item with only its
    summary is not: stored, its opening (and the API's "[+2143 chars]") was the story's text,
    which the whole page, ingested later, does not replace (another text: another article)."""
    cut = _CUT_BY_THE_API.search(article.body or "")
    if cut:
        raise ExtractionError(f"only the opening of the article, which the API cut short ({cut[0].strip()}), "
                              f"not the article: ingest its page ({article.url or 'no link given'})")


def apply_hints(article: Article, hints: dict) -> None:
    """The fields the file around the page gives (a mail's subject and date), where the page
    gave none, with the container's name as their provenance ("email")."""
    for field, (value, provenance) in hints.items():
        if value and not getattr(article, field):
            setattr(article, field, value)
            article.provenance[field] = provenance


def apply_overrides(article: Article, overrides: dict) -> None:
    for field, value in overrides.items():
        if value in (None, "", []):
            continue
        if field == "author":
            field = "authors"
        if field == "authors" and isinstance(value, str):
            value = [value]
        setattr(article, field, value)
        article.provenance[field] = "override"
