"""Evernote's export (.enex), for the read stage: the XML file "Export notes" writes (Evernote's,
and what Joplin, Apple Notes' importers and many clippers read and write), whose every note is
one input. A note's text is ENML, Evernote's XHTML with <en-note> for <body>: made a page, it is
read as any page is (a web clip holds the clipped page's headline, byline and paragraphs).

What the note says of itself is given as hints, provenance "evernote": its title, its author,
and, for a note of one's own, its created and updated days. A web clip's days are the days it was
clipped, no day of the story's (as a PDF's day of printing is not): its page's own dates are read,
and the address it was clipped from (source-url) is the page's address where the page names none.

Streamed with ElementTree's iterparse, note by note: an export runs to gigabytes with its
pictures (each note's resources, base64), which are let go as soon as they are read.
"""

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass

from .news_xml import local_name  # (an XML element's name without its namespace)


class EvernoteError(ValueError):
    """An export that cannot be read (not an export, or damaged)."""


@dataclass
class EvernoteNote:
    title: str | None
    created: str | None  # as written: 20240305T123000Z
    updated: str | None
    author: str | None
    source_url: str | None  # where a web clip was taken from
    content: str  # ENML

    @property
    def hints(self) -> dict:
        clipped = bool(self.source_url)
        hints = {"title": self.title, "authors": [self.author] if self.author else None,
                 "published": None if clipped else self.created,
                 "updated": None if clipped or self.updated == self.created else self.updated}
        return {name: value for name, value in hints.items() if value}

    @property
    def web_address(self) -> str | None:
        address = self.source_url
        return address if address and address.startswith(("http://", "https://")) else None


def evernote_notes(stream) -> Iterator[EvernoteNote]:
    """The notes of an export, in order. Raises EvernoteError when it is no export, or where it
    is damaged (after the notes before the damage)."""
    events = ElementTree.iterparse(stream, events=("start", "end"))
    try:
        _, root = next(events)
        if local_name(root.tag) != "en-export":
            raise EvernoteError(f"not an Evernote export: root <{local_name(root.tag)}>")
        for event, element in events:
            if event != "end":
                continue
            name = local_name(element.tag)
            if name == "resource":  # a picture or file, base64: not read, let go
                element.clear()
            elif name == "note":
                yield _note(element)
                root.clear()  # (the notes read are let go)
    except ElementTree.ParseError as error:
        raise EvernoteError(f"a damaged Evernote export (not well-formed: {error})") from None


def _text(element, name: str) -> str | None:
    found = element.find(name) if element is not None else None
    value = " ".join((found.text or "").split()) if found is not None else ""
    return value or None


def _note(element) -> EvernoteNote:
    attributes = element.find("note-attributes")
    return EvernoteNote(
        title=_text(element, "title"), created=_text(element, "created"), updated=_text(element, "updated"),
        author=_text(attributes, "author"), source_url=_text(attributes, "source-url"),
        content=(element.findtext("content") or ""))


_PROLOG = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?")
_ENCRYPTED = re.compile(r"<en-crypt\b.*?</en-crypt>", re.S)


def note_page(content: str) -> bytes:
    """A note's ENML as an HTML page: <en-note> its <body>, an encrypted block (ciphertext) left
    out. Its title is not put in the page: given as a hint, it is taken only where the page has
    no headline of its own (a web clip's title is the browser's, the site's name after it)."""
    body = _ENCRYPTED.sub("", _PROLOG.sub("", content, count=1))
    body = re.sub(r"<en-note\b", "<body", body, count=1).replace("</en-note>", "</body>")
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head>{body}</html>'.encode("utf-8")
