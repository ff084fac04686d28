"""The one record type that travels through the pipeline: read -> extract -> normalise -> store."""

from dataclasses import dataclass, field


# How the failure of a file whose NAME.json sidecar could not be read begins. The fault is the
# sidecar's, not the file's: once the sidecar is mended the file's unchanged bytes are read again
# (see Archive.previous_sighting), where any other failure of the same bytes is not re-tried.
BAD_SIDECAR = "bad sidecar"


@dataclass
class Source:
    """One input as read from disk: bytes plus what we know before parsing them."""

    location: str  # a path, or "path#N" for the Nth record of a JSON / JSON Lines file
    raw: bytes  # the bytes of this one input (decompressed if it was gzip)
    raw_sha256: str  # hash of the bytes as found on disk, the key for "unchanged"
    format: str  # "html", "text", "markdown", "record" (a JSON object), or "unknown"
    size: int
    overrides: dict = field(default_factory=dict)  # from --outlet/--url and sidecar NAME.json
    error: str | None = None  # set when reading already failed (corrupt gzip, unreadable file)
    url: str | None = None  # where the bytes were fetched from, when the input says (a web archive)
    # The id of the source row these very bytes at this location are stored as, when they are
    # read again only because the file's sidecar changed (the writer revises the article).
    read_for_sidecar: int | None = None
    # What the file around the page says of it, taken only where the page itself says nothing:
    # a saved mail's subject and sending date for the newsletter in it.
    hints: dict = field(default_factory=dict)
    # The hashes an older reader stored these same bytes under, which reparse finds them by too
    # (a mailbox's mail stored when it was the last: see read._former_digests).
    former_sha256: tuple[str, ...] = ()
    # A record's fields its container marks as HTML (a feed's title of type="html" with a tag
    # in it), read as text by extract_record. Not in the record's bytes: those, by which an
    # item read before is known, stay as an older version wrote them (see read._feed_items).
    markup: tuple[str, ...] = ()


@dataclass
class Article:
    """What extraction found in one source, before and after normalisation.

    Extractors fill the raw strings; normalise turns authors into people, dates into ISO 8601
    and the outlet into a canonical name. `provenance` names the signal each value came from
    (for example "json-ld", "meta", "byline", "url", "text", "record", "override").
    """

    title: str | None = None
    description: str | None = None
    body: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    outlet: str | None = None
    outlet_domain: str | None = None
    url: str | None = None
    language: str | None = None
    # When this text was captured, where the input says (a web archive's WARC-Date, a record's
    # captured time): with `updated` the evidence of which of two versions of a story is later.
    captured: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    # Filled by normalise/dedupe:
    content_hash: str | None = None
    word_count: int = 0
    # The body's near-copy sketch (near_copies.text_sketch), made in the worker with its hash: the
    # writer, which runs alone, then only looks it up (None: not made, the writer makes it).
    sketch: list[int] | None = None
    # What normalising dropped of a value the input gave, and why, for the run to say
    # ("published '2026-04' names a month, not a day: stored with no date").
    warnings: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """What the workers hand back to the single writer for one source."""

    source: Source
    article: Article | None = None
    error: str | None = None
    # The input itself could not be read (a JSON line that is not JSON): its file is read
    # again on the next run, as one with an error found while reading is.
    unreadable: bool = False
