"""Word-processor documents, for the read stage: an article kept or received as a document
(.docx: Word's, and what Google Docs, Pages and LibreOffice export; .odt: LibreOffice's and
OpenOffice's), as the plain text our text rules read.

Both are ZIP archives of XML parts, which the standard library reads (zipfile, ElementTree);
python-docx and odfpy would give the same paragraphs, for a dependency each. What is taken:
- the paragraphs of the body, in order (a table's cells' too), a line break within one kept as
  a line break; deleted text (tracked changes), footnotes and comments are no part of it;
- headings, written as Markdown's "# " so the text rules see a heading: Word's by their style's
  name ("heading 1", "Title": a localised Word names its style ids in its language, not the
  names), OpenDocument's <text:h> and a paragraph of the Title style;
- the document's properties (title, creator, created), given as hints, provenance "docx" or
  "odt": taken only where the text says nothing, since they are often a draft's name and the
  account the file was made on. An account's generic name ("Microsoft Office User") is none.
"""

import io
import re
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass, field
from typing import BinaryIO

from .news_xml import local_name  # (an XML element's name without its namespace)

# The most a part of a document may unpack to: a news article's text is a few hundred KB at
# most; a far larger part (a ZIP bomb, a document of pictures) is no article.
MAX_PART_BYTES = 32 * 2**20
ODT_TYPE = "application/vnd.oasis.opendocument.text"
# Names of the account a file was made on, which Word and other programs write as its creator.
_ACCOUNT_NAMES = frozenset({"microsoft office user", "windows user", "user", "admin", "administrator", "owner",
                            "author", "unknown", "python-docx", "apache poi"})
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$")  # a style's name, or its id ("Heading1")


class DocumentError(ValueError):
    """A document with no text to give (damaged, encrypted, of another kind)."""


@dataclass
class DocumentText:
    text: str  # paragraphs, a blank line between them; headings as "# ..."
    provenance: str  # "docx" or "odt"
    hints: dict = field(default_factory=dict)  # title, authors, published, language


def is_word_processor_document(data: bytes) -> bool:
    """Whether a ZIP archive (by its first bytes) is a .docx or .odt, by its parts' names."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            return _docx_main_part(archive, names) is not None or (
                "content.xml" in names and "mimetype" in names and archive.read("mimetype").startswith(ODT_TYPE.encode()))
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, DocumentError):
        return False


def document_text(data: bytes | BinaryIO) -> DocumentText:
    """The text of a document, from its bytes or its open file (one too large to hold: only
    the parts read are read)."""
    document = io.BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
    if document.read(4) == b"\xd0\xcf\x11\xe0":
        # Word writes a password-protected .docx into the container of its old binary files.
        raise DocumentError("an encrypted Word document, or an old one (.doc) renamed: not read; save it "
                            "without a password as .docx, or as .odt")
    document.seek(0)
    try:
        archive = zipfile.ZipFile(document)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocumentError(f"a damaged document: not a ZIP archive as .docx and .odt files are "
                            f"(cut short, or another kind of file renamed: {error})") from None
    with archive:
        names = set(archive.namelist())
        main = _docx_main_part(archive, names)
        if main is not None:
            return _docx(archive, names, main)
        if "content.xml" in names and "mimetype" in names and _part(archive, "mimetype").startswith(ODT_TYPE.encode()):
            return _odt(archive, names)
        raise DocumentError("a ZIP archive that is no Word (.docx) or OpenDocument (.odt) text")


def _part(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise DocumentError(f"too large for one article: its part {name} unpacks to "
                            f"{info.file_size / 2**20:,.0f} MB")
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise DocumentError(f"a damaged document: its part {name} cannot be read ({error})") from None
    except RuntimeError as error:  # an encrypted ZIP member
        raise DocumentError(f"a password-protected document: {error}") from None


def _xml(archive: zipfile.ZipFile, name: str):
    try:
        return ElementTree.fromstring(_part(archive, name))
    except ElementTree.ParseError as error:
        raise DocumentError(f"a damaged document: {name} is not well-formed ({error})") from None


def _attribute(element, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (w:val, text:outline-level)."""
    if element is None:
        return None
    return next((value for key, value in element.attrib.items() if local_name(key) == name), None)


def _child(element, name: str):
    return next((child for child in element if local_name(child.tag) == name), None) if element is not None else None


def _written(paragraphs: list[tuple[str, int]]) -> str:
    """(text, heading level or 0) pairs as the text: "#" marks before a heading's."""
    return "\n\n".join(f"{'#' * level} {text}" if level else text for text, level in paragraphs if text)


def _tidy(text: str) -> str:
    """A paragraph's white space made single on each of its lines."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _properties(root, names: dict[str, str]) -> dict:
    """The values of a properties part (core.xml, meta.xml): {hint: text} for the local names."""
    found: dict = {}
    for element in root.iter() if root is not None else []:
        hint = names.get(local_name(element.tag))
        text = " ".join((element.text or "").split())
        if hint and text and hint not in found:
            found[hint] = text
    if found.get("authors", "").lower() in _ACCOUNT_NAMES:
        del found["authors"]
    if "authors" in found:
        found["authors"] = [found["authors"]]
    return found


# --- Word (.docx, Office Open XML) -----------------------------------------------------------

def _docx_main_part(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """The part of a .docx that holds its text: the one its package's relationships name
    (_rels/.rels), which Word for the web writes as word/document2.xml; else word/document.xml."""
    if "_rels/.rels" in names:
        try:
            relationships = ElementTree.fromstring(_part(archive, "_rels/.rels"))
        except ElementTree.ParseError:
            relationships = None
        for relationship in relationships.iter() if relationships is not None else []:
            target = (relationship.get("Target") or "").lstrip("/")
            if ((relationship.get("Type") or "").endswith("/officeDocument") and target.startswith("word/")
                    and target in names):
                return target
    return "word/document.xml" if "word/document.xml" in names else None


def _docx(archive: zipfile.ZipFile, names: set[str], main: str) -> DocumentText:
    body = _child(_xml(archive, main), "body")
    levels = _docx_heading_styles(_xml(archive, "word/styles.xml")) if "word/styles.xml" in names else {}
    paragraphs: list[tuple[str, int]] = []

    def walk(node):
        for child in node:
            name = local_name(child.tag)
            if name == "p":
                paragraphs.append((_tidy(_docx_runs(child)), _docx_level(child, levels)))
            elif name not in ("sectPr", "del", "moveFrom"):  # tables, rows, cells, content controls
                walk(child)

    if body is not None:
        walk(body)
    core = _xml(archive, "docProps/core.xml") if "docProps/core.xml" in names else None
    hints = _properties(core, {"title": "title", "creator": "authors", "created": "published", "language": "language"})
    return DocumentText(_written(paragraphs), "docx", hints)


def _docx_heading_styles(styles) -> dict[str, int]:
    """Style id -> heading level (0: no heading) of every style the document defines, by the
    style's name: a heading's or the title's."""
    levels = {}
    for style in styles.iter():
        if local_name(style.tag) == "style":
            levels[_attribute(style, "styleId") or ""] = _heading_level(_attribute(_child(style, "name"), "val"))
    return levels


def _heading_level(name: str | None) -> int:
    name = (name or "").strip().lower()
    heading = _HEADING_NAME.match(name)
    return int(heading[1]) if heading else 1 if name == "title" else 0


def _docx_level(paragraph, levels: dict[str, int]) -> int:
    properties = _child(paragraph, "pPr")
    style = _attribute(_child(properties, "pStyle"), "val")
    if style in levels:
        return levels[style]
    if style and _heading_level(style):
        # A style the document does not define (a tool that writes no styles.xml): its id,
        # which is the English name without its space ("Heading1"), tells.
        return _heading_level(style)
    outline = _attribute(_child(properties, "outlineLvl"), "val")  # set on the paragraph itself
    return int(outline) + 1 if outline and outline.isdigit() and int(outline) < 9 else 0


def _docx_runs(paragraph) -> str:
    parts: list[str] = []

    def walk(node):
        for child in node:
            name = local_name(child.tag)
            if name == "t":
                parts.append(child.text or "")
            elif name == "tab":
                parts.append(" ")
            elif name in ("br", "cr"):
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name not in ("pPr", "del", "moveFrom", "txbxContent", "instrText", "footnoteReference"):
                walk(child)

    walk(paragraph)
    return "".join(parts)


# --- OpenDocument text (.odt) ----------------------------------------------------------------

def _odt(archive: zipfile.ZipFile, names: set[str]) -> DocumentText:
    if "META-INF/manifest.xml" in names and b"encryption-data" in _part(archive, "META-INF/manifest.xml"):
        raise DocumentError("a password-protected document: save it without a password")
    content = _xml(archive, "content.xml")
    # Automatic styles ("P1") a paragraph of the Title style is given when it is edited.
    parents = {_attribute(style, "name"): _attribute(style, "parent-style-name")
               for style in content.iter() if local_name(style.tag) == "style"}
    paragraphs: list[tuple[str, int]] = []

    def walk(node):
        for child in node:
            name = local_name(child.tag)
            if name == "h":
                level = _attribute(child, "outline-level")
                paragraphs.append((_tidy(_odt_text(child)), int(level) if level and level.isdigit() else 1))
            elif name == "p":
                style = _attribute(child, "style-name")
                title = "Title" in (style, parents.get(style))
                paragraphs.append((_tidy(_odt_text(child)), 1 if title else 0))
            elif name not in ("tracked-changes", "sequence-decls", "forms", "annotation", "note"):
                walk(child)

    body = _child(_child(content, "body"), "text")  # office:body's office:text
    walk(body if body is not None else content)
    meta = _xml(archive, "meta.xml") if "meta.xml" in names else None
    hints = _properties(meta, {"title": "title", "initial-creator": "authors", "creation-date": "published",
                               "language": "language"})
    if "authors" not in hints:
        hints.update(_properties(meta, {"creator": "authors"}))
    return DocumentText(_written(paragraphs), "odt", hints)


def _odt_text(paragraph) -> str:
    parts: list[str] = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            name = local_name(child.tag)
            if name == "s":
                count = _attribute(child, "c")
                parts.append(" " * (int(count) if count and count.isdigit() else 1))
            elif name == "tab":
                parts.append(" ")
            elif name == "line-break":
                parts.append("\n")
            elif name not in ("note", "annotation", "annotation-end", "bookmark-start"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(paragraph)
    return "".join(parts)
