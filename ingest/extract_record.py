"""Extract records of already-extracted articles (JSON / JSON Lines) into an Article."""

import json
import re
from datetime import datetime, timezone

from .record import Article

# Field names other tools use for the same thing, first match wins.
FIELD_ALIASES = {
    # (the Guardian's content API: webTitle, webUrl, webPublicationDate, and in an item's "fields",
    # below, headline, body or bodyText, trailText, byline, firstPublicationDate)
    "title": ("title", "headline", "webTitle"),
    # (schema.org's NewsArticle names its text articleBody, its language inLanguage: a page's JSON-LD
    # kept as a record, or a scraping API's article output, Zyte's among them, with its canonicalUrl)
    "body": ("body", "text", "content", "article_text", "maintext", "bodyText", "articleBody"),
    "description": ("description", "standfirst", "dek", "summary", "excerpt", "trailText"),
    # (wallabag's export names the writers "published_by" and the site "domain_name")
    "authors": ("authors", "author", "byline", "creator", "published_by"),
    "published": ("published", "date", "date_published", "datePublished", "published_at", "publishedAt", "pubdate",
                  "firstPublicationDate", "webPublicationDate"),
    "updated": ("updated", "modified", "date_modified", "dateModified", "updated_at", "updatedAt"),
    # when the exporting tool fetched the text (news-please's date_download among them)
    "captured": ("captured", "captured_at", "crawled", "crawled_at", "fetched", "fetched_at",
                 "retrieved", "retrieved_at", "date_download", "downloaded_at", "scraped_at"),
    "outlet": ("outlet", "sitename", "site_name", "publisher", "source", "source_domain", "domain_name"),
    "url": ("url", "link", "canonical_url", "canonicalUrl", "webUrl"),
    "language": ("language", "lang", "inLanguage"),
}


class UnreadableRecord(ValueError):
    """The record's bytes are no JSON object: an error in the input, not in its article."""



def json_kind(value) -> str:
    """What a JSON value is, in JSON's words: a message for a user says "not a number (7)", not
    Python's "not int"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


def with_fields(record: dict) -> dict:
    """The record with the keys of its "fields" object, its own keys winning. An API that gives
    an item's text and byline only when asked, in an object of their own (the Guardian's
    show-fields=body,byline): read without, a saved API response (its list under
    response.results) failed record by record as "no article text found"."""
    fields = record.get("fields")
    return {**fields, **record} if isinstance(fields, dict) else record


def extract_record(raw: bytes, markup: tuple[str, ...] = ()) -> Article:
    """The article a JSON record holds; `markup` the fields its container marks as HTML (a
    feed's title: Source.markup), read as text without their tags."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:  # its line and column are within the record
        raise UnreadableRecord(f"invalid JSON at character {error.pos + 1} of the record: {error.msg}") from None
    except UnicodeDecodeError as error:  # not UTF-8: an older tool's export in a code page
        from .read import decode_text  # (read imports this module)

        try:
            record = json.loads(decode_text(raw))
        except (ValueError, RecursionError):
            raise UnreadableRecord(f"undecodable record: {error}") from None
    except ValueError as error:
        raise UnreadableRecord(f"undecodable record: {error}") from None
    except RecursionError:  # a RuntimeError, not a ValueError: "[[[[..." thousands deep
        raise UnreadableRecord("invalid JSON: nested too deeply to read") from None
    if not isinstance(record, dict):
        raise UnreadableRecord(f"a record must be a JSON object, not {json_kind(record)}")
    record = with_fields(record)
    article = Article()
    for field, aliases in FIELD_ALIASES.items():
        value = next((record[a] for a in aliases if record.get(a) not in (None, "", [])), None)
        value = field_value(field, value, field in markup)
        if value is None:
            continue
        setattr(article, field, value)
        article.provenance[field] = "record"
    article.provenance.pop("body", None)
    article.provenance.pop("description", None)
    # A feed item with its article in <content:encoded> and no <description> (an Atom entry with
    # <content> and no <summary>) is given its content as its summary by feedparser too, and an
    # export may repeat its body so: the whole article was stored again as its description
    # (shown above the story, and weighed four times over by the search's ranking). A
    # description that is the body, word for word, is none.
    # (Their lengths first: a description a third of the body's length cannot hold its words,
    # and splitting both of a million records' texts is a cost of every record ingest.)
    if article.description and article.body and 3 * len(article.description) >= len(article.body) \
            and article.description.split() == article.body.split():
        article.description = None
    return article


def field_value(field: str, value, rendered: bool = False):
    """A record's (or a sidecar's) value of `field` as an Article holds it, or None: authors a
    list of names, every other field a string, whatever JSON type it was written as. `rendered`:
    its container marks it as HTML (read as text, without its tags)."""
    if value is None:
        return None
    if field == "authors":
        value = [_name_of(v) for v in value] if isinstance(value, list) else [_name_of(value)]
        return [v for v in value if v] or None
    if field == "outlet":
        # (its entities as characters, as a title's: a feed names its items' outlet "Tom &amp;
        # Jerry" where its title is marked as HTML, and an export writes what its CMS held)
        name = _name_of(value[0] if isinstance(value, list) and value else value)
        return _inline_text(name, rendered) if name else name
    if isinstance(value, list):
        value = _joined(field, value)
    elif field in ("published", "updated", "captured") and isinstance(value, (int, float)) and not isinstance(value, bool):
        # A year alone written unquoted (YAML's `date: 1912`) is a number too: as text it is
        # dropped saying why (normalise.month_or_year_alone), where read as a Unix time (1912
        # seconds, no date _from_epoch reads) it was dropped with no word. No Unix time has
        # four digits.
        value = str(value) if isinstance(value, int) and 1000 <= value <= 9999 else _from_epoch(value)
    elif isinstance(value, dict):
        # A CMS's rich field holds its text in one key: WordPress's REST API writes "title":
        # {"rendered": "..."}, "content": {"rendered": "<p>..."}; Drupal's JSON:API "body":
        # {"value": "<p>...", "format": "full_html"}. Read as no value, a whole WordPress export
        # failed, post by post, as "no article text found". Another object ({"date": ...}) has
        # no text to take: none, not its repr.
        value = next((value[key] for key in ("rendered", "value") if isinstance(value.get(key), str)), None)
        if value is None:
            return None
        rendered = True  # HTML, by what the CMS calls it
    elif not isinstance(value, str):
        value = str(value)
    if value is not None and field in ("body", "description"):
        value = _text_of(value)
    if value is not None and field in ("title", "description"):
        value = _inline_text(value, rendered)
    return value


_INLINE_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


def _inline_text(text: str, rendered: bool) -> str:
    """A title or description with HTML's entities ("Fares rise &#8211; again", as a CMS
    writes its titles) as its text, and, when the CMS gave it as rendered HTML, without its
    inline tags ("<em>again</em>"). An "&" or "<" that is no entity or tag ("AT&T profits <
    costs"), and a tag in a plain field (one tag is no markup), are left as written."""
    if "&" not in text and not (rendered and "<" in text):  # the common case, found without the patterns
        return text
    if rendered:  # (a line's or a paragraph's break a space, an inline tag nothing: "<em>Jerry</em>'s")
        text = _INLINE_TAG.sub(lambda tag: " " if _MARKUP.fullmatch(tag[0]) else "", text)
    if _ENTITY.search(text):
        import html

        text = html.unescape(text)
    return re.sub(r"\s+", " ", text).strip() if rendered else text


# A body written as HTML (a CMS export, an API, a feed item's content) holds tags, entities and
# perhaps scripts: its text is read as a page's would be. Two block-level tags at least: an
# "a < b" or a lone "<b>" in plain text is not markup.
_MARKUP = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|figure|table|section|article)\b[^>]*>", re.I)


def _text_of(body: str) -> str:
    if "<" not in body[:20_000]:  # the common case, found without the pattern
        return body
    tags = _MARKUP.finditer(body, 0, 20_000)
    if next(tags, None) is None or next(tags, None) is None:
        return body
    from .extract_html import extract_html  # trafilatura: only for bodies that need it

    text = extract_html(body.encode("utf-8")).body
    if not text:  # too short for trafilatura to call it an article: every text node, in order
        import lxml.html

        text = lxml.html.fragment_fromstring(body, create_parent="div").text_content().strip()
    return text


# Scrapers keep a field as the list of strings they found (a Scrapy item's ["Headline"],
# ["First paragraph", "Second paragraph"]): stored as Python wrote the list, the title read
# "['Headline']". The text fields are joined; a date, an address or a language is the first.
_JOINED_BY = {"title": " ", "body": "\n\n", "description": " "}


def _joined(field: str, values: list) -> str | None:
    strings = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    if not strings:
        return None
    return _JOINED_BY[field].join(strings) if field in _JOINED_BY else strings[0]


def _from_epoch(number: float) -> str | None:
    """A Unix time in seconds or milliseconds (APIs and databases export dates so) as an ISO
    date in UTC; a number of any other size is no date we can read: none rather than a guess."""
    for scale in (1, 1000):
        seconds = number / scale
        if 100_000_000 <= seconds < 4_200_000_000:  # 1973 to 2103
            return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")
    return None


def _name_of(value) -> str | None:
    """A name given as a string or as an object with a "name" (schema.org style)."""
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None
