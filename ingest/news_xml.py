"""The news industry's own XML, for the read stage: NITF (the News Industry Text Format, in
which agencies and newsrooms have exchanged stories since the 1990s) and NewsML-G2 (the IPTC's
newer envelope: a newsItem, or a newsMessage of several, whose text is NITF, XHTML or plain
text). Both say outright what a page leaves to be guessed: the headline, the byline, the day of
issue, the provider. Those are given as the story's hints, with the format's name as their
provenance; the text is the body's paragraphs, without the byline, dateline and tagline around
them. Read as a page (what an .xml file was before), the headline of NITF's <head> was taken
with the site's name after it, and NewsML lost its headline, writer and day.

Parsed with the standard library's ElementTree: both are plain XML, and lxml's recovery from
broken markup is not wanted here (a damaged file fails with the parser's line and column).
Elements are matched by their local name: NITF is written with and without its namespace.
"""

import re
from dataclasses import dataclass, field

# The elements of a text whose words are one paragraph each: NITF's and XHTML's blocks.
_BLOCKS = frozenset({"p", "hl2", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt"})
# ...and what in a body is no part of its text: a picture with its caption, a note to editors.
_NOT_TEXT = frozenset({"media", "note", "head", "script", "style", "ed-msg", "byline", "dateline", "tagline"})
# NewsML-G2's item classes of no text ("ninat:picture"...).
_MEDIA_CLASSES = frozenset({"picture", "graphic", "video", "audio", "animation", "interactive"})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# What a feed reader reads: RSS, Atom and RSS 1.0's RDF roots.
FEED_ROOTS = frozenset({"rss", "feed", "RDF", "rdf"})
NEWS_ROOTS = frozenset({"nitf", "newsItem", "newsMessage", "NewsML"})


class NewsXmlError(ValueError):
    """An XML file with no story to give (damaged, of another kind, an item of no text)."""


@dataclass
class NewsStory:
    body: str  # paragraphs, a blank line between them
    hints: dict = field(default_factory=dict)  # title, description, authors, published, updated, outlet, url, language
    error: str | None = None  # an item of a message with no text, reported on its own


def local_name(tag) -> str:
    """An element's name without its namespace ("{http://iptc.org/...}newsItem" -> "newsItem")."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse(data: bytes | str):
    """The document's root element (ElementTree's), from its bytes or its text already decoded
    (the read stage decodes it as any text). Imported here: every page read is asked for its
    root's name (root_name), which needs no parser."""
    import xml.etree.ElementTree as ElementTree

    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise NewsXmlError(f"a damaged XML file (not well-formed: {error})") from None


def news_xml_stories(data) -> list[NewsStory]:
    """The stories of a NITF document (one), a NewsML-G2 newsItem (one) or newsMessage (one per
    news item), or an old NewsML 1 file (one per NITF document in it); `data` its bytes, or its
    root element as parse() gives it."""
    root = parse(data) if isinstance(data, bytes) else data
    name = local_name(root.tag)
    if name == "nitf":
        return [nitf_story(root)]
    if name == "newsItem":
        story = news_item_story(root)
        if story.error:
            raise NewsXmlError(story.error)
        return [story]
    if name == "newsMessage":
        items = [item for item in root.iter() if local_name(item.tag) == "newsItem"]
        stories = [news_item_story(item) for item in items]
        # (a picture beside the story in the same message is no failure of the message's)
        stories = [story for story in stories if not (story.error and story.error.startswith(_MEDIA_ITEM))]
        if not stories:
            raise NewsXmlError("no text item in this NewsML message (only pictures, packages or other items)")
        return stories
    if name == "NewsML":  # NewsML 1: its stories are NITF documents, deep in its components
        documents = [element for element in root.iter() if local_name(element.tag) == "nitf"]
        if not documents:
            raise NewsXmlError("no NITF story in this NewsML 1 file")
        return [nitf_story(document) for document in documents]
    raise NewsXmlError(f"an XML file that is not a feed, NITF or NewsML: root <{name}>")


def _children(element, name: str) -> list:
    return [child for child in element if local_name(child.tag) == name] if element is not None else []


def _child(element, *path: str):
    """The first element down a path of local names, or None."""
    for name in path:
        found = _children(element, name)
        element = found[0] if found else None
        if element is None:
            return None
    return element


def _first(element, name: str):
    """The first element of this name anywhere below `element`, or None."""
    if element is None:
        return None
    return next((found for found in element.iter() if local_name(found.tag) == name), None)


def _words(element, leave_out: frozenset = frozenset()) -> str:
    """The text of an element, its white space made single, without the subtrees named."""
    if element is None:
        return ""
    parts: list[str] = []

    def collect(node):
        if local_name(node.tag) in leave_out:
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            collect(child)
        if node is not element and node.tail:
            parts.append(node.tail)

    collect(element)
    return " ".join("".join(parts).split())


def paragraphs(element) -> list[str]:
    """The paragraphs of a body (NITF's body.content, XHTML's body), in order: each block's
    words; a block inside another (a <p> in a <li>) is its block's."""
    found: list[str] = []

    def walk(node):
        name = local_name(node.tag)
        if name in _NOT_TEXT:
            return
        if name in _BLOCKS:
            text = _words(node, _NOT_TEXT)
            if text:
                found.append(text)
            return
        for child in node:
            walk(child)

    walk(element)
    return found


def _date(value: str | None) -> str | None:
    """A date as written (NITF's "norm" is ISO 8601's basic form, 20240305T073000-0500, which
    normalise reads); blank is none."""
    value = (value or "").strip()
    return value or None


def nitf_story(root) -> NewsStory:
    head, body = _child(root, "head"), _child(root, "body")
    body_head = _child(body, "body.head")
    docdata, pubdata = _child(head, "docdata"), _child(head, "pubdata")
    # The headline: the body's own (hl1); the head's <title> often has the site's name after it.
    title = _words(_first(_child(body_head, "hedline"), "hl1")) or _words(_child(head, "title"))
    description = _words(_child(body_head, "abstract")) or _words(_first(_child(body_head, "hedline"), "hl2"))
    byline = _child(body_head, "byline")
    people = [_words(person) for person in byline.iter() if local_name(person.tag) == "person"] if byline is not None else []
    authors = [person for person in people if person] or (
        [_words(byline, frozenset({"byttl"}))] if byline is not None and _words(byline, frozenset({"byttl"})) else None)
    dateline = _child(body_head, "dateline")
    published = (_date(_attribute(_child(docdata, "date.issue"), "norm"))
                 or _date(_attribute(_child(docdata, "date.release"), "norm"))
                 or _date(_attribute(_child(dateline, "story.date"), "norm")))
    outlet = (_attribute(pubdata, "name") or _words(_child(body_head, "distributor"))
              or _attribute(_child(docdata, "doc.copyright"), "holder"))
    address = _attribute(pubdata, "ex-ref")
    content = _child(body, "body.content")
    hints = {
        "title": title, "description": description, "authors": authors, "published": published,
        "outlet": outlet, "url": address if address and address.startswith(("http://", "https://")) else None,
        "language": root.get(_XML_LANG) or (content.get(_XML_LANG) if content is not None else None),
    }
    text = paragraphs(content) if content is not None else []
    return NewsStory("\n\n".join(text), {name: value for name, value in hints.items() if value},
                     None if text else "no text in this NITF document (its body.content is empty)")


def _attribute(element, name: str) -> str | None:
    value = element.get(name) if element is not None else None
    return value.strip() or None if isinstance(value, str) else None


def _name_of(element) -> str | None:
    """A NewsML-G2 party's name: its literal, or its <name>."""
    if element is None:
        return None
    return _attribute(element, "literal") or _words(_child(element, "name")) or None


_MEDIA_ITEM = "no text in this NewsML item (a "


def news_item_story(item) -> NewsStory:
    item_meta, content_meta = _child(item, "itemMeta"), _child(item, "contentMeta")
    item_class = (_attribute(_child(item_meta, "itemClass"), "qcode") or "").rsplit(":", 1)[-1]
    if item_class in _MEDIA_CLASSES:
        return NewsStory("", error=f"{_MEDIA_ITEM}{item_class} item, {_attribute(_child(item_meta, 'itemClass'), 'qcode')})")
    headlines = _children(content_meta, "headline")
    # (an item may give several: the main one has no role, or the main role)
    main = next((h for h in headlines if not h.get("role") or h.get("role", "").endswith(("main", "headline"))),
                headlines[0] if headlines else None)
    descriptions = _children(content_meta, "description")
    summary = next((d for d in descriptions if "summary" in (d.get("role") or "") or not d.get("role")),
                   descriptions[0] if descriptions else None)
    by = _words(_child(content_meta, "by"))
    creators = [_name_of(creator) for creator in _children(content_meta, "creator")]
    published = (_date(_words(_child(item_meta, "firstCreated"))) or _date(_words(_child(content_meta, "contentCreated")))
                 or _date(_words(_child(item_meta, "versionCreated"))))
    version_created = _date(_words(_child(item_meta, "versionCreated")))
    updated = version_created if version_created != published and item.get("version", "2") != "1" else None
    outlet = (_name_of(_child(item_meta, "provider")) or _words(_child(content_meta, "creditline"))
              or _name_of(_first(_child(item, "rightsInfo"), "copyrightHolder")))
    language = _attribute(_child(content_meta, "language"), "tag") or item.get(_XML_LANG)
    hints = {
        "title": _words(main), "description": _words(summary), "published": published, "updated": updated,
        "authors": [by] if by else [creator for creator in creators if creator] or None,
        "outlet": outlet, "language": language,
    }
    hints = {name: value for name, value in hints.items() if value}
    content_set = _child(item, "contentSet")
    for content in content_set if content_set is not None else []:
        kind, text = local_name(content.tag), []
        content_type = (content.get("contenttype") or content.get("contentType") or "").lower()
        if kind == "inlineXML":
            nitf = next((child for child in content if local_name(child.tag) == "nitf"), None)
            if nitf is not None and (story := nitf_story(nitf)).body:
                # A whole NITF story: its body.content is the text, as in a NITF file (its
                # subheadline and abstract were paragraphs of it), and what it says (a byline,
                # an abstract) fills what the item's own metadata leaves out.
                return NewsStory(story.body, {**story.hints, **hints})
            text = [line for child in content for line in paragraphs(child)]
        elif kind == "inlineData" and ("text" in content_type or not content_type):
            written = "".join(content.itertext())
            if "html" in content_type:
                import html

                written = html.unescape(re.sub(r"<[^>]*>", "\n\n", written))
            text = [" ".join(block.split()) for block in re.split(r"\n\s*\n", written) if block.strip()]
        if text:
            return NewsStory("\n\n".join(text), hints)
    remote = _first(content_set, "remoteContent")
    if remote is not None:
        return NewsStory("", hints, "no text in this NewsML item: its content is in another file "
                                    f"({remote.get('href') or remote.get('residref') or 'named by its reference'})")
    return NewsStory("", hints, "no text in this NewsML item (its contentSet is empty or missing)")


# The first element's name of an XML document, for telling its kind by its first bytes: after the
# XML declaration, comments, processing instructions and a doctype.
_ROOT = re.compile(rb"^(?:\s*(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>))*\s*<([A-Za-z_][\w.:-]*)", re.S)


def root_name(head: bytes) -> str | None:
    """The local name of an XML document's root element, read from its first bytes, or None."""
    found = _ROOT.match(head.removeprefix(b"\xef\xbb\xbf"))
    return found[1].decode("ascii", "replace").rsplit(":", 1)[-1] if found else None
