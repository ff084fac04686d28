"""Read stage: turn paths into Sources (bytes, hash, format). Knows nothing about articles.

Folders are walked recursively; gzip is undone; the format comes from the extension and, when
the extension is missing or lies, from the content. JSON and JSON Lines files are split here
into one Source per record, so every Source is one candidate article and the sources table
can say which line of a file became which article.
"""

import codecs
import errno
import glob
import hashlib
import io
import json
import logging
import os
import re
import sqlite3
import stat
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

from .extract_record import FIELD_ALIASES, field_value, json_kind, with_fields
from .record import BAD_SIDECAR, Source

ARTICLE_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".arc": "warc",  # the Internet Archive's older format; the same reader takes it
    ".mhtml": "mhtml",  # a page saved whole in one file: Chrome's and Edge's "Webpage, Single File"
    ".mht": "mhtml",  # (Internet Explorer's "Web Archive, single file")
    ".webarchive": "webarchive",  # Safari's "Web Archive", its default way to save a page whole
    ".eml": "email",  # a mail saved whole (a newsletter): Apple Mail's, Thunderbird's, Outlook's "Save as"
    ".emlx": "email",  # Apple Mail's own file of each mail (~/Library/Mail): see mail.emlx_message
    ".mbox": "mbox",  # a mailbox of them: Thunderbird's and Apple Mail's export, Google Takeout's mail
    ".pdf": "pdf",  # a page a browser printed or saved as PDF (see ingest/pdf.py)
    # A feed saved as feed.xml / rss.xml (feed addresses end so), or the news industry's own
    # NITF and NewsML-G2 (see ingest/news_xml.py): told apart by the root element.
    ".xml": "xml",
    ".enex": "enex",  # Evernote's export of notes (web clips among them): see ingest/evernote.py
    ".docx": "document",  # an article kept or received as a document: see ingest/documents.py
    ".odt": "document",
}
# The kinds of file that hold one article, which a NAME.json beside them describes (its outlet,
# address, date...). A page printed to PDF, a document, a page saved whole were left out: the
# sidecar beside one was read as a record file of its own, failing ("no article text found"),
# and the article went without what it said.
SIDECAR_KINDS = ("html", "text", "markdown", "pdf", "document", "mhtml", "webarchive")
# A folder's README or LICENSE describes the folder; it is not an article of the collection.
FOLDER_NOTES = ("readme", "license", "licence", "copying")
GLOB_CHARACTERS = set("*?[")
# The most one input may hold: an article file (decompressed), a JSON file of records (parsed
# whole), one JSON line. The largest news pages we have seen are a few MB with their scripts;
# a file far beyond that is a dump or a disk image, and reading it whole could exhaust memory.
MAX_INPUT_BYTES = 32 * 2**20
METADATA_FIELDS = {
    "title", "description", "authors", "author", "published", "updated", "outlet", "url",
    "language",
}


@dataclass
class InputFile:
    path: Path
    size: int
    error: str | None = None  # the path could not be used at all (missing, unreadable)
    mtime_ns: int | None = None  # with size and path: "unchanged since last read" without reading
    # Of the file's NAME.json sidecar, if it has one: a sidecar corrected since the file was
    # last read makes the file one to read again, though the file itself is unchanged.
    sidecar_mtime_ns: int | None = None

    @property
    def location(self) -> str:
        """The file's name in the archive (and in messages)."""
        return path_text(self.path)


def path_text(path) -> str:
    """A path as text SQLite can store. A name that is not UTF-8 (a Latin-1 "café.txt" unpacked
    from an old zip) is kept with its odd bytes written as \\xe9, instead of stopping the run
    with an encoding error when it is stored."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def location_path(location: str) -> Path:
    """The path a stored location names: path_text's inverse. A name that was not UTF-8 is kept
    with its odd bytes written as \\xe9, and a file of that written name is not there: reparse
    called such a file gone. Those are read back as the bytes, when the location as written
    names nothing (a name may hold a backslash of its own)."""
    path = Path(location)
    if "\\x" not in location or os.path.lexists(path):
        return path
    raw = re.sub(rb"\\x([89a-f][0-9a-f])", lambda escaped: bytes([int(escaped[1], 16)]), location.encode("utf-8"))
    return Path(os.fsdecode(raw))


# A browser saving a page "complete" puts its scripts, styles, pictures and frames in a folder
# named after the page and the word "files" in the browser's language: "Story_files", and
# "Story-Dateien", "Story_fichiers", "Story_archivos"... Walked, its frames (ads, widgets) were
# stored as articles. Told by its name (the page's, then one word) beside the page, and by the
# scripts or styles a page's folder holds (a folder of articles named so holds none).
_PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_ONE_WORD_AFTER = re.compile(r"[_-][^\W\d_]+")


def _page_stems(files: list[str]) -> set[str]:
    """The names, without their extension, of the pages among a folder's files."""
    return {name[: -len(extension)] for name in files for extension in _PAGE_EXTENSIONS
            if name.lower().endswith(extension) and len(name) > len(extension)}


def _saved_page_folder(root: Path, folder: str, pages: set[str]) -> bool:
    # (the folder's name cut after each separator: a look-up each, not a pass over the pages)
    if not any(folder[:cut] in pages and _ONE_WORD_AFTER.fullmatch(folder[cut:])
               for cut, character in enumerate(folder) if character in "_-"):
        return False
    try:
        with os.scandir(root / folder) as entries:
            return any(entry.name.lower().endswith((".js", ".css")) for entry in entries)
    except OSError:
        return False


def _split_extensions(path: Path) -> tuple[str, bool]:
    """The article extension of a path and whether it is gzip, e.g. a.html.gz -> (.html, True)."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] in (".gz", ".gzip")
    if gzipped:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gzipped


def _is_folder_note(path: Path) -> bool:
    return path.name.lower().split(".")[0] in FOLDER_NOTES


def sidecar_for(path: Path) -> Path | None:
    """The NAME.json beside NAME.html / NAME.txt / NAME.md, if there is one."""
    name = _sidecar_name(path)
    candidate = path.with_name(name) if name else None
    return candidate if candidate is not None and candidate.is_file() else None


def holds_one_article(path: Path) -> bool:
    """Whether a file is of a kind that holds one article (a page, a text, a PDF...): the kinds
    a sidecar describes. (A text may still be a mailbox saved as .txt: see read_as_mailbox.)"""
    return ARTICLE_EXTENSIONS.get(_split_extensions(path)[0]) in SIDECAR_KINDS


def _sidecar_name(path: Path) -> str | None:
    """The name a sidecar of this file would have (NAME.json), or None for a file that takes none."""
    if not holds_one_article(path):
        return None
    extension, gzipped = _split_extensions(path)
    return path.name[: len(path.name) - len(extension) - (len(path.suffixes[-1]) if gzipped else 0)] + ".json"


def _mtime_ns(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _is_sidecar(path: Path) -> bool:
    """A NAME.json is metadata for a sibling article file of the same name, not a record file."""
    if path.suffix.lower() != ".json":
        return False
    stem = path.name[: -len(".json")]
    for extension, kind in ARTICLE_EXTENSIONS.items():
        if kind in SIDECAR_KINDS:
            for gz in ("", ".gz"):
                try:
                    if path.with_name(stem + extension + gz).is_file():
                        return True
                except OSError:  # a folder that cannot be searched: the file's own read says so
                    return False
    return False


# The files SQLite keeps beside an archive while it is open (its write-ahead log and the log's
# index; a rollback journal for an archive of another journal mode).
ARCHIVE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def archive_files(archive: str | os.PathLike | None) -> set[tuple[int, int]]:
    """The archive file being written, and its companions, by device and inode: never inputs."""
    found = set()
    for companion in ARCHIVE_COMPANIONS if archive is not None else ():
        try:
            status = os.stat(f"{os.fspath(archive)}{companion}")
        except OSError:
            continue
        if status.st_ino:
            found.add((status.st_dev, status.st_ino))
    return found


def expand_paths(arguments: Iterable[str], passed_over: Counter | None = None,
                 archive: str | os.PathLike | None = None) -> Iterator[InputFile]:
    """Files named by the user: files, folders (recursive), quoted globs. Sorted, de-duplicated.
    `passed_over` counts, by extension, the files of walked folders that are of no kind we read.

    The `archive` written to is left out, with its companions (ARCHIVE_COMPANIONS), wherever
    they are met: `ingest .` (or `ingest *`) in the folder holding archive.db, the default,
    counted it as a file passed over on every run, and named it failed ("binary file"), its
    bytes new each run, with exit status 1.

    Each path is made absolute (not resolved: a link keeps its name), since it is the file's
    identity in the archive: "clippings/a.txt" typed in one folder, "./a.txt" in another and
    "/home/ann/clippings/a.txt" from cron are one file, read again unchanged, not three places
    the story ran."""
    seen: set[Path] = set()
    # Folders walked, by device and inode: links to folders are followed (clippings kept on
    # another disk and linked in), and a folder reached twice, by a link back up the tree (a
    # loop) or a second link, is walked once.
    walked_folders: set[tuple[int, int]] = set()
    # Files given, by device and inode: a file reached again by another name (a quoted ** glob
    # goes round a link loop, giving one file under dozens of paths) is the same file, read
    # once. Two files with the same bytes are still two sightings of the story.
    given_files: set[tuple[int, int]] = set()
    archive_names = {f"{Path(archive).name}{companion}" for companion in ARCHIVE_COMPANIONS} if archive else set()
    leave_out = archive_files(archive)

    def is_the_archive(path: Path, status: os.stat_result | None = None) -> bool:
        if path.name not in archive_names:  # (a stat only for a file of the archive's names)
            return False
        try:
            status = status or path.stat()
        except OSError:
            return False
        return (status.st_dev, status.st_ino) in leave_out

    def emit(path: Path, walked: bool, names: set[str] | None = None) -> Iterator[InputFile]:
        """`names`: the names in the file's folder, when walked (a sidecar is looked for among
        them, not asked of the disk for every file)."""
        key = path.absolute()
        if key in seen:
            return
        seen.add(key)
        try:
            status = path.stat()
        except OSError as error:
            yield InputFile(path, 0, _cannot_read(path, error))
            return
        if not stat.S_ISREG(status.st_mode):  # named on the command line, or a link to one
            # Reading a pipe waits for a writer forever; a device (a link to /dev/zero) never ends.
            yield InputFile(path, 0, "cannot read: not a regular file (a pipe, socket or device)")
            return
        if is_the_archive(path, status):
            return
        if status.st_ino:  # (0 where a file system has no inode numbers: nothing to tell by)
            if (status.st_dev, status.st_ino) in given_files:
                return
            given_files.add((status.st_dev, status.st_ino))
        sidecar = _sidecar_name(path)
        if sidecar is not None and names is not None and sidecar not in names:
            sidecar = None
        yield InputFile(path, status.st_size, mtime_ns=status.st_mtime_ns,
                        sidecar_mtime_ns=_mtime_ns(path.with_name(sidecar)) if sidecar else None)

    def first_visit(folder: str) -> bool:
        try:
            status = os.stat(folder)
        except OSError:
            return False
        if not status.st_ino:  # no inode numbers here: walked as os.walk gives them
            return True
        if (status.st_dev, status.st_ino) in walked_folders:
            return False
        walked_folders.add((status.st_dev, status.st_ino))
        return True

    def walk(top: Path) -> Iterator[InputFile]:
        """The files of a folder tree, then of the folders linked into it. A folder reached both
        by its own path and by a link (a "latest" link beside the year folders) is walked once,
        by its own path, whatever the names' order: walked by the link that sorted first, its
        files were stored under the link's name, and became other places the stories ran once
        the link was removed."""
        # A folder os.walk cannot list (no read permission) was skipped without a word, and
        # a run over it said "0 inputs" as for an empty folder: it is a failure to report.
        refused: list[OSError] = []
        linked: list[Path] = []
        linked_files: list[tuple[Path, set[str]]] = []  # the same for a file: by its own name if it is in the tree
        for root, dirs, files in os.walk(top, onerror=refused.append):  # links are not entered here
            yield from _unlisted_folders(refused)
            if not first_visit(root):
                dirs[:] = []
                continue
            # Hidden folders (.git) and a saved page's "_files" folder hold no articles.
            pages = _page_stems(files) if dirs else set()
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not d.endswith("_files")
                             and not (pages and _saved_page_folder(Path(root), d, pages)))
            linked.extend(Path(root) / d for d in dirs if os.path.islink(Path(root) / d))
            names = set(files)
            for name in sorted(files, key=_saved_again_after):
                child = Path(root) / name
                # (and "~$ory.docx": the lock file Word keeps beside a document while it is open,
                # 162 bytes naming who has it open; LibreOffice's ".~lock.NAME#" is hidden)
                if name.startswith((".", "~$")) or _is_folder_note(child) or is_the_archive(child):
                    continue
                extension, gzipped = _split_extensions(child)
                if (extension not in ARTICLE_EXTENSIONS and not _reads_as_a_page(child)
                        or ARTICLE_EXTENSIONS.get(extension) == "xml" and not _xml_of_stories(child, gzipped)):
                    if passed_over is not None:
                        passed_over[extension or "(no extension)"] += 1
                    continue
                if _is_sidecar(child):
                    continue
                if os.path.islink(child):
                    linked_files.append((child, names))
                    continue
                yield from emit(child, walked=True, names=names)
        yield from _unlisted_folders(refused)
        for link, names in linked_files:
            yield from emit(link, walked=True, names=names)
        for link in linked:  # links to folders are followed (clippings kept on another disk)
            yield from walk(link)

    def expand(argument: str) -> Iterator[InputFile]:
        path = Path(os.path.normpath(os.path.join(working_folder(), argument)))
        try:
            is_dir = path.is_dir()
        except OSError as error:  # in a folder that cannot be searched: a traceback ended the run
            yield InputFile(path, 0, _cannot_read(path, error))
            return
        if is_dir:
            yield from walk(path)
        elif not path.exists() and GLOB_CHARACTERS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True), key=_saved_again_after)
            if not matches:
                yield InputFile(path, 0, "no file matches this pattern")
            for match in matches:  # in this call: a file met again by another name is known
                yield from expand(match)
        elif path.is_symlink() and not path.exists():
            yield InputFile(path, 0, f"cannot read: broken symbolic link (to {os.readlink(path)})")
        elif not path.exists():
            yield InputFile(path, 0, "cannot read: no such file or folder")
        else:
            if not _is_sidecar(path):
                yield from emit(path, walked=False)

    for argument in arguments:
        yield from expand(argument)


def working_folder() -> str:
    """The folder the command runs in, named as the user's shell names it: $PWD, when it is that
    folder. os.getcwd() gives the folder's physical path, so '.' typed inside a folder reached
    through a link (~/clippings linked to another disk) was not the path cron gave, '~/clippings'
    (a link keeps its name, see expand_paths): each story there became one more place it ran."""
    physical = os.getcwd()
    shell = os.environ.get("PWD")
    if shell and shell != physical and os.path.isabs(shell):
        try:
            if os.path.samefile(shell, physical):
                return shell
        except OSError:
            pass
    return physical


def _unlisted_folders(refused: list[OSError]) -> Iterator[InputFile]:
    """The folders os.walk could not list since last asked, as inputs that failed."""
    while refused:
        error = refused.pop(0)
        yield InputFile(Path(error.filename), 0, f"cannot read folder: {error.strerror or error}")


# A whole page: what a saved page (or a feed or web archive) begins with, and a sitemap, a
# stylesheet or a script does not.
_PAGE_START = re.compile(rb"<(?:!doctype\s+html|html|body)\b", re.I)


def _reads_as_a_page(path: Path) -> bool:
    """Whether a file of a walked folder whose name says nothing we read is a page, a feed or
    a web archive all the same: a site mirrored by wget names its pages after their addresses
    ("kestrel-bay-strike", "index.php", "story.12345"). Judged on its first bytes; its images,
    styles, scripts and source maps are passed over as before."""
    if not _openable_file(path):
        return True
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    kind = sniff_format(head)
    if kind in ("warc", "xml") or _MAILBOX_START.match(head):
        return True
    # A markup document begins with markup; a script or a note that holds some does not.
    begins_as_markup = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    return begins_as_markup and (kind == "feed" or (kind == "html" and _PAGE_START.search(head) is not None))


def _openable_file(path: Path) -> bool:
    """Whether a walked file can be opened to be judged by its first bytes. One that cannot is
    taken, and reading it says why: a pipe with no extension was opened to be sniffed, and the
    run waited for its writer for good; a link that leads nowhere (its target gone, or a loop)
    has no first bytes, and was counted among the kinds ingest does not read, where the same
    link named .html fails, naming its target."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _xml_of_stories(path: Path, gzipped: bool) -> bool:
    """Whether an .xml file of a walked folder is of a kind read for stories (a feed, NITF,
    NewsML, Evernote's export, an XHTML page), by its root element. A site's mirror or a
    program's folder holds other XML (sitemap.xml, settings) that is no article: passed over,
    as before .xml was read, not failed one by one. (Named on the command line, such a file
    fails, saying what its root is.) One that does not open as XML does (an empty file, a text)
    is passed over too; one that cannot be opened is taken: reading it says why."""
    from .news_xml import FEED_ROOTS, NEWS_ROOTS, root_name

    if not _openable_file(path):
        return True
    try:
        with _open_bytes(path, gzipped) as file:
            head = _utf8_head(file.read(4096))
    except (OSError, EOFError, zlib.error):
        return True
    return root_name(head) in FEED_ROOTS | NEWS_ROOTS | {"html", "en-export"}


def _cannot_read(path: Path, error: OSError) -> str:
    """Why a path cannot be read. A link whose target is gone is not "No such file": the user
    sees the link in the folder."""
    if error.errno == errno.ENOENT and path.is_symlink():
        return f"cannot read: broken symbolic link (to {os.readlink(path)})"
    return f"cannot read: {error.strerror or error}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sha256_of_file(path: Path) -> str:
    """The hash of a file too large to hold, read a piece at a time: its failure is then known
    by its bytes, and an unchanged copy is not failed again on every run. "" if unreadable."""
    try:
        with open(path, "rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return ""


# An MHTML file opens as a mail message does: its headers ("From: <Saved by Blink>",
# "MIME-Version: 1.0", "Snapshot-Content-Location: ...") and a multipart/related body.
_MIME_HEADER = re.compile(rb"(?:from|mime-version|subject|date|snapshot-content-location|content-type|"
                          rb"content-location|x-mht-[\w-]+|received|return-path|delivered-to|message-id|to|"
                          rb"reply-to|x-[\w-]+)\s*:")


_MAIL_MIME_LINES = (re.compile(rb"(?m)^mime-version\s*:"), re.compile(rb"(?m)^content-type\s*:"))


def sniff_format(data: bytes) -> str:
    """Guess the format from the first bytes, for files whose extension is missing or lies."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if head.startswith((b"WARC/", b"filedesc://")):  # a WARC record, an ARC file header
        return "warc"
    if head.startswith(b"bplist00") and b"WebMainResource" in data:
        return "webarchive"  # before binary: a property list of binary parts (see _webarchive_page)
    if b"\x00" in head or _binary_kind(head):
        return "binary"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if _MIME_HEADER.match(text) and b"multipart/related" in text:
        return "mhtml"  # before HTML: its page's markup is in its first 4 KB too
    if _MIME_HEADER.match(text) and _MAIL_MIME_LINES[0].search(text) and _MAIL_MIME_LINES[1].search(text):
        # A mail as sent, its parts encoded (a mail saved as plain text, a header then the
        # words, has no MIME header and is a text: see text_rules.title_field).
        return "email"
    if b"<plist" in text and b"<key>webmainresource</key>" in text:
        return "webarchive"  # turned into XML (plutil -convert xml1): "<?xml" opens it, as XHTML
    if text.startswith(b"<") and _news_xml_root(head):
        return "xml"  # before feeds and HTML: a NITF story has a <body>, a NewsML item may hold XHTML
    if (b"<rss" in text or b"<feed" in text or b"<rdf:rdf" in text) and b"<html" not in text:
        return "feed"  # before HTML: a feed starts with "<?xml" as XHTML does
    if text.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in text or b"<head" in text:
        return "html"
    if text.startswith((b"{", b"[")):
        try:
            # (UTF-16 by its mark: read as bytes line by line below, a whole list on one line
            # passed for JSON Lines, and its records for one record, "not a JSON object")
            _json_loads(data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff"))
                        else data.decode("utf-8-sig"))
            return "json"
        except (UnicodeDecodeError, ValueError):
            lines = [line for line in data.splitlines()[:3] if line.strip()]
            try:
                for line in lines:
                    _json_loads(line)
                return "jsonl"
            except (UnicodeDecodeError, ValueError):
                pass
    if text.startswith(b"<") and (b"<p" in text or b"<div" in text or b"<article" in text):
        return "html"
    if text.startswith(b"# ") or b"\n## " in text or b"](http" in text:
        return "markdown"
    return "text"


def _news_xml_root(head: bytes) -> bool:
    """Whether a document's root element is one of the news industry's formats (NITF, NewsML)
    or Evernote's export."""
    from .news_xml import NEWS_ROOTS, root_name

    return root_name(head.lstrip(b"\xef\xbb\xbf \t\r\n")) in NEWS_ROOTS | {"en-export"}


def read_sources(input_file: InputFile, overrides: dict | None = None,
                 known: Callable[[str, str], bool] | None = None,
                 defer_record_hashes: bool = False) -> Iterator[Source]:
    """The Sources of one file (see _read_sources). A file whose reading fails in a way no
    rule foresaw (a library's own error on a malformed web archive) is one failed input, with
    the error's name, as a failed extraction is: it stopped the whole run with a traceback."""
    try:
        yield from _read_sources(input_file, overrides, known, defer_record_hashes)
    except sqlite3.Error:  # the archive's (asked through `known`), not the file's: the run stops
        raise
    except Exception as error:  # one bad input must never stop the run
        yield Source(input_file.location, b"", "", "unknown", 0, dict(overrides or {}),
                     f"cannot read: {type(error).__name__}: {error}")


def _sidecar_overrides(path: Path, overrides: dict) -> tuple[dict, str | None]:
    """`overrides` with what the file's NAME.json sidecar gives beneath them, and the error that
    fails the file when the sidecar cannot be read (else None)."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return overrides, None
    try:
        # Decoded as any text is: a sidecar written by a Windows tool (UTF-16, cp1252) failed
        # its article with "'utf-8' codec can't decode byte 0xff".
        sidecar_fields = _json_loads(decode_text(sidecar.read_bytes()))
        if not isinstance(sidecar_fields, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as error:
        return overrides, f"{BAD_SIDECAR} {sidecar.name}: {error}"
    # Command-line overrides beat the sidecar, which beats the file itself. Its values are
    # read as a record's are ("authors": "Ann Lee", a number, an object with a "name"):
    # given as they were, an author written as a number stopped the file with a TypeError.
    given = {("authors" if k == "author" else k): field_value("authors" if k == "author" else k, v)
             for k, v in sidecar_fields.items() if k in METADATA_FIELDS}
    return {**{k: v for k, v in given.items() if v is not None}, **overrides}, None


def _read_sources(input_file: InputFile, overrides: dict | None = None,
                  known: Callable[[str, str], bool] | None = None,
                  defer_record_hashes: bool = False) -> Iterator[Source]:
    """The Sources of one file: one for an article file, one per record for JSON / JSON Lines.

    `known(location, raw_sha256)` says whether the archive already holds these bytes from this
    location; such a source is yielded as soon as it is hashed, without decompressing, sniffing
    or parsing it (raw empty, format "unknown"): re-running an unchanged folder costs little
    more than reading and hashing it.

    `defer_record_hashes`: the lines of a JSON Lines file are yielded unhashed (raw_sha256
    empty) and `known` is not asked; whoever extracts them hashes them (`hash_source`). For a
    file the archive has nothing from, where no line can be known: see run_ingest."""
    path, location = input_file.path, input_file.location
    overrides = dict(overrides or {})
    if input_file.error:
        yield Source(location, b"", "", "unknown", 0, overrides, input_file.error)
        return
    extension, gzipped = _split_extensions(path)
    gzipped = gzipped and _starts_as_gzip(path)  # a .gz saved already unpacked is read as it is
    if ARTICLE_EXTENSIONS.get(extension) == "jsonl" and _head_kind(path, gzipped, "jsonl") == "jsonl":
        # Streamed line by line: a JSON Lines export can be far larger than memory.
        yield from _whole_failure_hashed(_stream_json_lines(path, gzipped, overrides, known, defer_record_hashes),
                                         path, location)
        return
    # (An empty web archive or export is read whole below, to fail as the empty file it is: read
    # as a stream it failed as "not well-formed: no element found" or "no HTML page found".)
    # (And one under that name that is no web archive or export, a page saved as .warc, is read
    # as what it is: streamed as what its name said, it failed as "no HTML page found".)
    if ARTICLE_EXTENSIONS.get(extension) == "warc" and input_file.size and _streams_as(path, "warc"):
        # Streamed record by record, like JSON Lines: a crawl's web archive runs to gigabytes.
        yield from _whole_failure_hashed(_web_archive_pages(location, lambda: open(path, "rb"), overrides, known),
                                         path, location)
        return
    if ARTICLE_EXTENSIONS.get(extension) == "enex" and input_file.size and _streams_as(path, "enex"):
        # Streamed note by note: an export with its pictures runs to gigabytes.
        yield from _whole_failure_hashed(_evernote_sources(
            location, lambda: _open_bytes(path, gzipped), overrides, known), path, location)
        return
    if read_as_mailbox(path):
        # Streamed mail by mail: a mailbox exported whole runs to gigabytes too.
        yield from _whole_failure_hashed(_mailbox_mails(location, path, gzipped, overrides, known), path, location)
        return
    if input_file.size > MAX_INPUT_BYTES and ARTICLE_EXTENSIONS.get(extension) == "document" and not gzipped:
        # A document is large for its pictures, not its text: its parts are read from the file,
        # each held to the limit (documents.MAX_PART_BYTES). It failed as "too large".
        digest = _sha256_of_file(path)
        if known is not None and known(location, digest):
            yield Source(location, b"", digest, "unknown", input_file.size, overrides)
            return
        overrides, bad_sidecar = _sidecar_overrides(path, overrides)
        if bad_sidecar:
            yield Source(location, b"", digest, "document", input_file.size, overrides, bad_sidecar)
            return
        try:
            with open(path, "rb") as document:
                source = _document_source(location, document, digest, input_file.size, overrides)
        except OSError as error:
            source = Source(location, b"", "", "unknown", 0, overrides, f"cannot read: {error.strerror or error}")
        yield source
        return
    if input_file.size > MAX_INPUT_BYTES:
        yield Source(location, b"", _sha256_of_file(path), "unknown", input_file.size, overrides,
                     _too_large(input_file.size))
        return
    try:
        on_disk = path.read_bytes()
    except OSError as error:
        yield Source(location, b"", "", "unknown", 0, overrides, f"cannot read: {error.strerror or error}")
        return
    digest = sha256(on_disk)
    if known is not None and known(location, digest):
        yield Source(location, b"", digest, "unknown", len(on_disk), overrides)
        return
    data = on_disk
    if on_disk[:2] == GZIP_MAGIC:  # whatever the name says
        import gzip  # (here and in _open_bytes: a run that opens no gzip file does not import it)

        try:
            with gzip.GzipFile(fileobj=io.BytesIO(on_disk)) as unpacked:
                data = unpacked.read(MAX_INPUT_BYTES + 1)  # a small file can unpack to gigabytes
        except (OSError, EOFError, zlib.error) as error:
            yield Source(location, b"", digest, "unknown", len(on_disk), overrides, f"corrupt gzip: {error}")
            return
        if len(data) > MAX_INPUT_BYTES:
            yield Source(location, b"", digest, "unknown", len(on_disk), overrides,
                         _too_large(len(data), "unpacks to more than"))
            return
    read = data
    data = _without_stray_nuls(_utf16_marked(data))
    if not data.strip():
        yield Source(location, data, digest, "unknown", len(on_disk), overrides, _empty(read))
        return
    kind = ARTICLE_EXTENSIONS.get(extension)
    if kind != "document" and read.startswith(b"PK\x03\x04") and _is_document(read):
        kind = "document"  # under no extension, or another's (a .docx saved as .txt failed as binary)
    elif kind == "document" and not read.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) and \
            sniff_format(data) != "binary":
        kind = None  # a text, a page, records under a document's name: read as what they are
    if kind == "document":
        overrides, bad_sidecar = _sidecar_overrides(path, overrides)
        # (the bytes as read: a ZIP's own NULs are no stray ones to take out)
        yield (Source(location, read, digest, kind, len(on_disk), overrides, bad_sidecar) if bad_sidecar
               else _document_source(location, read, digest, len(on_disk), overrides))
        return
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        # Rich text (Word's, TextEdit's) saved or renamed as .txt: read as text, its control
        # words made the article ("\\f0\\fs24 \\cf0 Ferry crossings cut\\" as its headline).
        yield Source(location, data, digest, "unknown", len(on_disk), overrides,
                     "an RTF document (rich text, as Word or TextEdit save it), not HTML, text, Markdown "
                     "or JSON: save it as plain text or as a web page")
        return
    sniffed = sniff_format(data)
    if data[:1024].lstrip().startswith(b"%PDF-"):  # whatever the name says
        overrides, bad_sidecar = _sidecar_overrides(path, overrides)
        yield (Source(location, data, digest, "pdf", len(on_disk), overrides, bad_sidecar) if bad_sidecar
               else _pdf_source(location, data, digest, len(on_disk), overrides))
        return
    if kind == "pdf":
        kind = None  # no PDF, whatever its name says: a text under .pdf failed as "unsupported format"
    if sniffed == "binary":
        kind_named = _binary_kind(data[:16])
        if extension == ".msg" and data.startswith(b"\xd0\xcf\x11\xe0"):
            # Outlook's own file of a mail, in the container old Word files use too: named as
            # one, the reader was sent to Word.
            yield Source(location, data, digest, "unknown", len(on_disk), overrides,
                         "an Outlook message (.msg), which is not read: save it from Outlook as HTML (.htm), "
                         "or drag it to Thunderbird or Apple Mail and save it as a mail (.eml)")
            return
        if extension == ".doc" and data.startswith(b"\xd0\xcf\x11\xe0"):
            yield Source(location, data, digest, "unknown", len(on_disk), overrides,
                         "an old Word document (.doc), which is not read: save it as .docx or .odt")
            return
        yield Source(location, data, digest, "unknown", len(on_disk), overrides,
                     f"binary file{f' ({kind_named})' if kind_named else ''}: not HTML, text, Markdown or JSON")
        return
    # The content wins over the extension when they disagree strongly (an HTML page saved as
    # .txt, JSON saved as .txt); a .txt that merely looks like Markdown stays text. (Not a
    # Markdown file that opens with an HTML block, as Pandoc's GitHub Markdown of a page keeps
    # the page's <div>s: see _markdown_with_html_blocks.)
    if kind == "markdown" and sniffed == "html" and _markdown_with_html_blocks(data[:HEAD_BYTES]):
        sniffed = "markdown"
    if kind == "email" and _MIME_HEADER.match(emlx_message(data).lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()):
        sniffed = kind  # a mail whose HTML part is not encoded shows a page's markup in its head too
    if kind == "xml" and sniffed in ("html", "feed", "xml", "text", "markdown"):
        # An XML file is told by its root element (_xml_sources), not by what its head holds:
        # a NITF story has a <body>; one that is no XML at all is read as what it is.
        from .news_xml import root_name

        kind = "xml" if root_name(_utf8_head(data)) else sniffed
    elif kind is None or (sniffed in ("html", "json", "jsonl", "warc", "feed", "mhtml", "webarchive", "xml")
                          and kind != sniffed):
        # (xml: a NITF story or an Evernote export saved as .txt was read as text, its markup the article)
        kind = sniffed
    # ...and when the extension names a format the content cannot be: a text or Markdown file
    # saved as .html (no tag at all) would lose its headline and byline to the page extractor,
    # and one saved as .json or .jsonl would fail outright.
    if kind in ("json", "jsonl"):
        kind = record_file_kind(data[:HEAD_BYTES], kind) or sniffed
    elif kind == "html" and sniffed in ("text", "markdown") and not _TAG.search(data[:4096]):
        kind = sniffed
    overrides, bad_sidecar = _sidecar_overrides(path, overrides)
    if bad_sidecar:
        yield Source(location, data, digest, kind, len(on_disk), overrides, bad_sidecar)
        return
    if kind in ("json", "jsonl"):
        yield from _record_sources(location, data, kind, overrides)
        return
    if kind == "feed":
        yield from _feed_items(location, data, overrides)
        return
    if kind == "xml":
        yield from _xml_sources(location, data, digest, len(on_disk), overrides, known)
        return
    if kind == "warc":  # a web archive under another name (it fitted in memory to be sniffed)
        yield from _web_archive_pages(location, lambda: io.BytesIO(on_disk), overrides, known)
        return
    if kind == "mhtml":
        yield _mhtml_page(location, data, digest, len(on_disk), overrides)
        return
    if kind == "webarchive":
        yield _webarchive_page(location, data, digest, len(on_disk), overrides)
        return
    if kind == "email":
        yield _mail_page(location, data, digest, len(on_disk), overrides)
        return
    yield Source(location, data, digest, kind, len(on_disk), overrides)


def _whole_failure_hashed(sources: Iterator[Source], path: Path, location: str) -> Iterator[Source]:
    """The sources of a streamed file (JSON Lines, web archive, Evernote export, mailbox), the
    failure of the file as a whole (empty, damaged, no page in it) given the file's hash: left
    without one, it was failed again on every run, where a file read whole that failed counts
    as unchanged while its bytes and our code are the same. A file that cannot be read at all
    stays unhashed, and is tried again."""
    for source in sources:
        if source.error and not source.raw_sha256 and source.location == location:
            source.raw_sha256 = _sha256_of_file(path)
        yield source


def _utf8_head(data: bytes) -> bytes:
    """A file's first bytes as UTF-8 (a UTF-16 file's decoded), without a byte order mark and
    the white space before its first element."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()


def _xml_sources(location: str, data: bytes, digest: str, size: int, overrides: dict,
                 known: Callable[[str, str], bool] | None = None) -> Iterator[Source]:
    """The stories of an XML file, by its root element: a feed's items (<rss>, <feed>, RDF: a
    feed saved as feed.xml), a page (<html>: XHTML saved as .xml), NITF's one story, NewsML-G2's
    items (see ingest/news_xml.py). Any other XML (a sitemap, a settings file) fails, naming its
    root: it was read as a page, and a sitemap failed as "no article text found"."""
    from .news_xml import FEED_ROOTS, NewsXmlError, local_name, news_xml_stories, parse, root_name

    named = root_name(_utf8_head(data))
    if named in FEED_ROOTS:  # (before parsing: feedparser reads a feed that is not well-formed)
        yield from _feed_items(location, data, overrides)
        return
    if named == "html":
        yield Source(location, data, digest, "html", size, overrides)
        return
    if named == "en-export":  # Evernote's export saved as .xml, or under no extension
        yield from _evernote_sources(location, lambda: io.BytesIO(data), overrides, known)
        return
    try:
        root = parse(_xml_as_text(data))
        name = local_name(root.tag)
        stories = news_xml_stories(root)
    except NewsXmlError as error:
        yield Source(location, b"", digest, "xml", size, overrides, str(error))
        return
    provenance = "nitf" if name in ("nitf", "NewsML") else "newsml"  # (NewsML 1's stories are NITF)
    # One story a file (NITF, a newsItem) is the file's; a message's items are PATH#N.
    whole_file = len(stories) == 1 and name in ("nitf", "newsItem")
    for number, story in enumerate(stories, start=1):
        here = location if whole_file else f"{location}#{number}"
        raw = json.dumps({"body": story.body}, ensure_ascii=False).encode("utf-8")
        # (an item's own hash, of all it gives: a headline corrected is a change)
        item_digest = digest if whole_file else sha256(
            json.dumps([story.body, story.hints], sort_keys=True, ensure_ascii=False).encode("utf-8"))
        if story.error:
            yield Source(here, b"", item_digest, "record", len(raw), overrides, story.error)
        elif not whole_file and known is not None and known(here, item_digest):
            yield Source(here, b"", item_digest, "record", len(raw), overrides)
        else:
            # Its text a record's body; its headline, byline, day and provider the hints, with
            # the format as their provenance (as a mail's header gives "email").
            yield Source(here, raw, item_digest, "record", len(raw), overrides,
                         hints={name: (value, provenance) for name, value in story.hints.items()})


# An XML declaration's encoding, from a document's first bytes.
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']""")


def _xml_as_text(data: bytes) -> bytes | str:
    """An XML document's bytes as the text they are, read as any text is (decode_text): a
    Windows code page under the Latin-1 it declares (its quotes and apostrophes lost as control
    characters) or under none (UTF-8, by the standard: it failed whole as not well-formed).
    UTF-16 by its mark stays bytes, for the XML parser."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data
    declared = _XML_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf")[:256])
    try:
        return decode_text(data, declared[1].decode("ascii", "replace") if declared else None)
    except UnicodeDecodeError:
        return data  # (the parser's own error then says where)


def _evernote_sources(location: str, open_stream: Callable, overrides: dict,
                      known: Callable[[str, str], bool] | None = None) -> Iterator[Source]:
    """One page per note of an Evernote export (see ingest/evernote.py), PATH#N, with what the
    note says of itself as hints (provenance "evernote") and the address a web clip was taken
    from as the page's address. Read as one page, an export's notes ran together into one story."""
    from .evernote import EvernoteError, evernote_notes, note_page

    found = 0
    try:
        with open_stream() as stream:
            for number, note in enumerate(evernote_notes(stream), start=1):
                found += 1
                here = f"{location}#{number}"
                fields = [note.title, note.created, note.updated, note.author, note.source_url, note.content]
                digest = sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8"))
                size = len(note.content)
                if size > MAX_INPUT_BYTES:
                    yield Source(here, b"", digest, "html", size, overrides, _too_large(size))
                elif known is not None and known(here, digest):
                    yield Source(here, b"", digest, "html", size, overrides)
                else:
                    yield Source(here, note_page(note.content), digest, "html", size, overrides, url=note.web_address,
                                 hints={name: (value, "evernote") for name, value in note.hints.items()})
    except EvernoteError as error:
        yield Source(location, b"", "", "enex", 0, overrides,
                     f"{error}{'; the notes before the damage were read' if found else ''}")
        return
    except (OSError, EOFError, zlib.error) as error:
        yield Source(location, b"", "", "enex", 0, overrides, f"cannot read Evernote export: {error}")
        return
    if not found:
        yield Source(location, b"", "", "enex", 0, overrides, "no note in this Evernote export")


def _mhtml_page(location: str, data: bytes, digest: str, size: int, overrides: dict) -> Source:
    """The page of an MHTML file (a page saved whole in one file by Chrome, Edge or Internet
    Explorer: the page and its images as the parts of a MIME message), as an HTML input, with
    the address it was saved from as a web archive's page has its capture's. Read as a page,
    its quoted-printable markup gave "no article text found"; in a folder it was passed over."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    saved_from = message.get("Snapshot-Content-Location")
    for part in message.walk():
        if part.get_content_type() not in HTML_TYPES:
            continue
        page = part.get_payload(decode=True) or b""
        charset = part.get_content_charset()
        if charset:  # said in the part's header, not always in the page
            page = _page_as_utf8(page, charset)
        # (Its Date: when the browser saved it, a capture time as a web archive's.)
        return Source(location, page, digest, "html", size, overrides,
                      url=(saved_from or part.get("Content-Location") or "").strip() or None,
                      hints={"captured": (message.get("Date"), "mhtml")})
    return Source(location, b"", digest, "mhtml", size, overrides,
                  "no HTML page in this MHTML file (only images, styles or other parts)")


def _webarchive_page(location: str, data: bytes, digest: str, size: int, overrides: dict) -> Source:
    """The page of a Safari web archive (.webarchive: "Save As... Web Archive", Safari's default
    for saving a page whole; also what Mail and DEVONthink keep). It is a property list (Apple's
    binary plist, which the standard library's plistlib reads) whose "WebMainResource" holds the
    page's bytes, their MIME type and text encoding, and the address it was saved from; its
    images and frames are other entries. It was failed as "binary file" before."""
    import plistlib

    try:
        archive = plistlib.loads(data)
    except Exception as error:  # noqa: BLE001 - plistlib raises several kinds on a damaged file
        return Source(location, b"", digest, "webarchive", size, overrides,
                      f"a damaged Safari web archive (cannot read its property list: {error})")
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        return Source(location, b"", digest, "webarchive", size, overrides,
                      "no page in this Safari web archive (it has no main resource)")
    kind, page, mime = _webarchive_resource(main)
    if kind is None:
        return Source(location, b"", digest, "webarchive", size, overrides,
                      f"no HTML page in this Safari web archive (its main resource is {mime})")
    if kind == "html" and archive.get("WebSubframeArchives") and len(_visible_words(page)) < FRAME_SHELL_WORDS:
        # A page that only frames its story (an <iframe>, an old frameset): Safari keeps each
        # frame's page as a web archive of its own. The one with the most words is read, with
        # the address the reader saved; the story was unread ("no article text found").
        frames = [_webarchive_resource(frame.get("WebMainResource"))
                  for frame in archive.get("WebSubframeArchives") or [] if isinstance(frame, dict)]
        framed = max((frame_page for frame_kind, frame_page, _ in frames if frame_kind == "html"),
                     key=lambda frame_page: len(_visible_words(frame_page)), default=None)
        if framed is not None and len(_visible_words(framed)) > len(_visible_words(page)):
            page = framed
    saved_from = main.get("WebResourceURL")
    saved_from = saved_from.strip() or None if isinstance(saved_from, str) else None
    if kind == "text":
        # a text's extractor reads no page address: given as a hint, or a text page lost it
        web = saved_from if saved_from and saved_from.startswith(("http://", "https://")) else None
        return Source(location, page, digest, kind, size, overrides, hints={"url": (web, "webarchive")})
    return Source(location, page, digest, kind, size, overrides, url=saved_from)


# A page with fewer words than this shows no story of its own (a frame's shell).
FRAME_SHELL_WORDS = 50


def _webarchive_resource(resource) -> tuple[str | None, bytes, str]:
    """(kind, the page as UTF-8, its MIME type) of a web archive's resource."""
    page = resource.get("WebResourceData") if isinstance(resource, dict) else None
    if not isinstance(page, bytes):
        return None, b"", ""
    mime = str(resource.get("WebResourceMIMEType") or "text/html").split(";")[0].strip().lower()
    kind = "html" if mime in HTML_TYPES else "text" if mime == "text/plain" else None
    charset = resource.get("WebResourceTextEncodingName")
    if kind and isinstance(charset, str) and charset:  # as for MHTML: said beside the page, not always in it
        page = _page_as_utf8(page, charset)
    return kind, page, mime


def _page_as_utf8(page: bytes, charset: str) -> bytes:
    """A page whose container declares its charset (an MHTML part's header, a web archive's
    entry), written out as UTF-8: read as every text is (decode_text, the declared charset after
    valid UTF-8), so the page's own <meta charset>, often stale, is not asked; as it was when
    nothing reads it."""
    try:
        return decode_text(page, charset).encode("utf-8")
    except UnicodeDecodeError:
        return page


def _visible_words(page: bytes) -> list[str]:
    from lxml import etree, html

    try:
        tree = html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    for hidden in list(tree.iter("script", "style", "title", "noscript")):
        hidden.drop_tree()
    return tree.text_content().split()


def _mail_page(location: str, data: bytes, digest: str, size: int, overrides: dict) -> Source:
    """A saved mail (.eml: a newsletter as Apple Mail, Thunderbird or Outlook save it) as the
    page or text of its story (see ingest/mail.py), with what its header says of the story as
    hints. Read as a text, its MIME headers, boundaries and quoted-printable ("cross=\n",
    "=C3=A9") were the story."""
    from .mail import MailError, read_mail

    try:
        story = read_mail(data)
    except MailError as error:
        return Source(location, b"", digest, "email", size, overrides, str(error))
    hints = {field: (value, "email") for field, value in story.hints.items()}
    return Source(location, story.content.encode("utf-8"), digest, story.kind, size, overrides, hints=hints)


# A mailbox's envelope line, which opens each mail: "From " then the sender (an address, "-" in
# Thunderbird's, "MAILER-DAEMON") and the time in asctime's form, with its seconds ("Tue Mar  5
# 12:30:00 2024"). Told by that shape, not by the blank line before it: some writers leave the
# blank line out (two mails were read as one, the second's envelope its headline), and a line
# of a mail's own text that opens with "From " after a blank line, left unquoted as an mboxcl2
# writer leaves it, cut its mail in two.
_ENVELOPE_LINE = re.compile(rb"From \S+\s.*\b\d{1,2}:\d\d:\d\d\b")
# A line of a mail's text that opened with "From ", quoted by the mailbox's writer (">From ",
# and ">>From " for one that was ">From ": mboxrd): one ">" less is the mail's own line.
_QUOTED_FROM = re.compile(rb">+From ")


def emlx_message(data: bytes) -> bytes:
    from .mail import emlx_message

    return emlx_message(data)


# A mailbox's first bytes: an envelope line (see _ENVELOPE_LINE), then the mail's first header.
# Apple Mail exports a mailbox as a folder "Name.mbox" holding a file "mbox", and Thunderbird
# keeps each folder as a file "Inbox", "Sent"...: told by this, not by a name, or they were
# passed over in a folder, and given by name read as one mail.
_MAILBOX_START = re.compile(rb"From \S+[ \t][^\n]*\b\d{1,2}:\d\d:\d\d\b[^\n]*\n[\w-]+:")


def read_as_mailbox(path: Path) -> bool:
    """Whether a file is read as a mailbox, mail by mail: a .mbox, a file of no known kind that
    opens as one, or a mail or text file holding several mails (saved as .eml or .txt)."""
    extension, gzipped = _split_extensions(path)
    kind = ARTICLE_EXTENSIONS.get(extension)
    return kind == "mbox" or (extension not in ARTICLE_EXTENSIONS and _opens_as_mailbox(path, gzipped)) or (
        kind in ("email", "text") and _opens_as_mailbox(path, gzipped, several=True))


def _opens_as_mailbox(path: Path, gzipped: bool, several: bool = False) -> bool:
    """Whether a file opens as a mailbox does; `several`: and holds more than one mail (a
    mailbox saved as .eml or .txt, whose mails were read as one, glued together)."""
    try:
        with _open_bytes(path, gzipped) as file:
            if _MAILBOX_START.match(file.read(1024)) is None:
                return False
            if not several:
                return True
            file.seek(0)
            return any(line.startswith(b"From ") and _ENVELOPE_LINE.match(line) for line in islice(file, 1, None))
    except (OSError, EOFError, zlib.error):
        return False


def _mailbox_mails(location: str, path: Path, gzipped: bool, overrides: dict,
                   known: Callable[[str, str], bool] | None = None) -> Iterator[Source]:
    """One Source per mail of a mailbox file (mbox: each mail opens with a "From " envelope line,
    as Thunderbird, Apple Mail and Google Takeout write them), read as a saved mail
    is (see _mail_page). Location: PATH#N, N the mail's number, so an unchanged mailbox gives
    the same locations each run and its stored mails are passed over unread."""
    def mails(stream):
        mail: list[bytes] = []
        size = 0
        for line in stream:
            if line.startswith(b"From ") and mail and _ENVELOPE_LINE.match(line):
                yield b"".join(mail), size
                mail, size = [], 0
            elif line.startswith(b">") and _QUOTED_FROM.match(line):
                line = line[1:]
            size += len(line)
            if size <= MAX_INPUT_BYTES:  # beyond it, counted, not kept: reported as too large
                mail.append(line)
        if mail:
            # Every mail but the last ends with the blank line that parts it from the next, and a
            # mail program appending one writes that line after the last: given it here, the last
            # mail's bytes are those it will have then. Hashed without it, the mail that had been
            # last was read again after an append and stored as a duplicate of itself at its own
            # PATH#N.
            ending = b"\r\n" if mail[0].endswith(b"\r\n") else b"\n"  # as its envelope line's
            if not mail[-1].endswith(b"\n"):
                mail[-1] += ending
                size += len(ending)
            if mail[-1].strip(b"\r\n"):
                mail.append(ending)
                size += len(ending)
            yield b"".join(mail), size

    found = 0
    try:
        with _open_bytes(path, gzipped) as stream:
            for number, (data, size) in enumerate(mails(stream), start=1):
                found += 1
                here = f"{location}#{number}"
                digest = sha256(data)
                if size > MAX_INPUT_BYTES:
                    yield Source(here, b"", digest, "email", size, overrides, _too_large(size))
                elif known is not None and (known(here, digest) or _known_formerly(here, data, digest, known)):
                    yield Source(here, b"", digest, "email", size, overrides)
                else:
                    mail_source = _mail_page(here, data, digest, size, overrides)
                    if known is None:  # (reparse, which finds a stored mail by its hash)
                        mail_source.former_sha256 = _former_digests(data)
                    yield mail_source
    except (OSError, EOFError, zlib.error) as error:
        yield Source(location, b"", "", "mbox", 0, overrides, f"cannot read mailbox: {error}")
        return
    if not found:
        yield Source(location, b"", "", "mbox", 0, overrides, "no mail in this mailbox (an empty file)")


def _former_digests(mail: bytes) -> tuple[str, ...]:
    """The hashes an archive made before a mailbox's last mail was given the blank line after it
    (see _mailbox_mails) may hold this mail under, if it was the last then: its bytes as they
    ended the file, with one line ending after its text, or none. Without them, every such
    archive read the mail as other bytes: reparse left it as changed, and an appended mail made
    ingest store it again, as a copy of itself at its own PATH#N."""
    text = mail.rstrip(b"\r\n")
    ending = b"\r\n" if mail[:mail.find(b"\n") + 1].endswith(b"\r\n") else b"\n"  # as its envelope line's
    return tuple(sha256(former) for former in (text + ending, text) if former != mail)


def _known_formerly(here: str, mail: bytes, digest: str, known: Callable[[str, str], bool]) -> bool:
    """Whether the archive holds the mail at `here` under one of its former hashes (see
    _former_digests): the same mail, unchanged."""
    if any(known(here, former) for former in _former_digests(mail)):
        return True
    known(here, digest)  # asked last, as what it says of these bytes is what the run acts on
    return False


def _is_document(data: bytes) -> bool:
    from .documents import is_word_processor_document

    return is_word_processor_document(data)


def _document_source(location: str, data: bytes | BinaryIO, digest: str, size: int, overrides: dict) -> Source:
    """A word processor's document (.docx, .odt: see ingest/documents.py) as a text input, its
    title, creator and day of creation given where the text says none. It was failed as
    "binary file (a ZIP archive, or a Word or Excel file)"."""
    from .documents import DocumentError, document_text

    try:
        found = document_text(data)
    except DocumentError as error:
        return Source(location, b"", digest, "document", size, overrides, str(error))
    return Source(location, found.text.encode("utf-8"), digest, "text", size, overrides,
                  hints={name: (value, found.provenance) for name, value in found.hints.items()})


def _pdf_source(location: str, data: bytes, digest: str, size: int, overrides: dict) -> Source:
    """A PDF's text as a text input (see ingest/pdf.py), its document title and the address its
    printer wrote given where the text says neither. It was failed as "binary file (a PDF)"."""
    from .pdf import PdfError, pdf_text

    try:
        found = pdf_text(data)
    except PdfError as error:
        return Source(location, b"", digest, "pdf", size, overrides, str(error))
    return Source(location, found.text.encode("utf-8"), digest, "text", size, overrides,
                  hints={"title": (found.title, "pdf"), "url": (found.url, "pdf")})


def _json_loads(text):
    """json.loads, with JSON nested deeper than Python's recursion limit (a few thousand "[")
    raising ValueError, as any other invalid JSON does: its RecursionError stopped the whole run
    with a traceback, from a sidecar or from a file whose format was being sniffed."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply to read") from None


_WHITE_SPACE = re.compile(r"\s*")


def _json_documents(text: str) -> list | None:
    """The records of JSON documents written one after another, pretty-printed (as `jq` writes
    each of the values it gives: `jq '.items[]'`), or None if the text is not that."""
    decoder, documents, at = json.JSONDecoder(), [], 0
    try:
        while (at := _WHITE_SPACE.match(text, at).end()) < len(text):
            document, at = decoder.raw_decode(text, at)
            documents.extend(_records_of(document))
    except (ValueError, RecursionError):
        return None
    return documents if len(documents) > 1 else None


# A record file that gives no record is reported, as an empty article file is: an export that
# came out empty must not pass for a run with nothing new in it.
NO_RECORD = "no record in it"


HEAD_BYTES = 65536  # what a file's format is judged on
# Markdown's own syntax on a line of its own: an ATX heading, a list item's link, a fence.
_MARKDOWN_LINE = re.compile(rb"^(?:#{1,6} \S|[-*] \[[^\]\n]+\]\(|```)", re.M)


def _markdown_with_html_blocks(head: bytes) -> bool:
    """A Markdown file (by its name) whose HTML is blocks between Markdown's own lines, not a
    page: no <html>, <body> or doctype, and headings or list links of Markdown's own. Read as
    a page, the headline under its "# " was lost (the page extractor found no title)."""
    return _PAGE_START.search(head) is None and b"<head" not in head.lower() and _MARKDOWN_LINE.search(head) is not None
# The keys that make a JSON object a record (its title, its body, ...), as extract_record reads them.
_RECORD_KEYS = frozenset(alias.lower() for aliases in FIELD_ALIASES.values() for alias in aliases)
_TAG = re.compile(rb"<[A-Za-z!/?]")  # an element, a comment, a doctype, an XML declaration


def record_file_kind(head: bytes, named: str) -> str | None:
    """What a file named .json or .jsonl (`named`) holds, judged on its first bytes: "jsonl"
    (a record a line), "json" (one document, such as a pretty-printed list), or None when
    nothing in it begins as JSON does (a text saved under that name).

    A JSON Lines file whose first line is bad but whose next lines are records stays JSON Lines,
    so each bad line is reported and the good ones stored."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{") and head.split(b"\n", 1)[0].strip() == b"{":
        return "json"  # "{" alone on its line opens a pretty-printed document, never a JSON line
    if not head or head.startswith(b"{"):
        return named
    if head.startswith(b"["):
        if named == "json":
            return named
        try:  # a list on one line is a JSON Lines record; "[" alone begins a document
            _json_loads(head.split(b"\n", 1)[0])
            return "jsonl"
        except ValueError:
            return "json"
    lines = [line.strip() for line in head.splitlines()[1:6]]
    if any(line.startswith((b"{", b"[")) for line in lines):
        return named
    try:  # one JSON value alone, null, 5 or "text" (an API's empty answer saved as it came), is a
        _json_loads(head)  # record file with no record in it: read as a text, it failed as "no
        return named  # article text found (fewer than 10 words)"
    except (UnicodeDecodeError, ValueError):
        return None


GZIP_MAGIC = b"\x1f\x8b"


def _open_bytes(path: Path, gzipped: bool):
    """The file opened to read its bytes, unpacked as they are read when it is gzip (imported
    only then: a run that opens no gzip file does not import it)."""
    if gzipped:
        import gzip

        return gzip.open(path, "rb")
    return open(path, "rb")


def _starts_as_gzip(path: Path) -> bool:
    """Whether a file named .gz is gzip. A page or export saved already unpacked (a browser or
    HTTP client undoes the Content-Encoding but keeps the name) is read as it is, not failed."""
    try:
        with open(path, "rb") as file:
            return file.read(2) == GZIP_MAGIC
    except OSError:
        return True  # reading it will say what is wrong


def _streams_as(path: Path, kind: str) -> bool:
    """Whether a file named as a web archive ("warc") or an Evernote export ("enex") begins as
    one (gzipped or not, whatever its name says)."""
    try:
        with open(path, "rb") as file:
            head = file.read(HEAD_BYTES)
        if head[:2] == GZIP_MAGIC:
            with _open_bytes(path, gzipped=True) as file:
                head = file.read(HEAD_BYTES)
    except (OSError, EOFError, zlib.error):
        return True  # reading it as its name says will say what is wrong
    if kind == "warc" and head.lstrip().startswith((b"WARC/", b"filedesc://")):
        return True
    if kind == "enex":
        from .news_xml import FEED_ROOTS, NEWS_ROOTS, root_name

        named = root_name(_utf8_head(head))
        if named is not None:
            return named not in FEED_ROOTS | NEWS_ROOTS | {"html"}
    # Another format only when its content says which: a damaged one fails as what it is named.
    return sniff_format(head) in ("text", "markdown", "binary")


def _head_kind(path: Path, gzipped: bool, named: str) -> str | None:
    """record_file_kind of a file on disk, reading only its head."""
    try:
        with _open_bytes(path, gzipped) as file:
            return record_file_kind(file.read(HEAD_BYTES), named)
    except (OSError, EOFError, zlib.error):
        return named  # reading it again will say what is wrong


def _empty(data: bytes) -> str:
    """Why a file with no text fails. "empty file" alone was said of a file of blank lines and
    of one of 4 KB of NUL bytes too, which a user then opened, found not empty, and doubted."""
    if not data:
        return "empty file"
    if not data.strip(b"\x00"):
        return f"empty file: only NUL bytes ({len(data):,}; a file cut short before its text was written?)"
    return f"empty file: only white space ({len(data):,} bytes)"


def _too_large(size: int, how: str = "") -> str:
    return (f"too large for one article: {how + ' ' if how else ''}{size / 2**20:,.0f} MB (the limit "
            f"is {MAX_INPUT_BYTES / 2**20:,.0f} MB; many records belong in JSON Lines, read line by line)")


def _record_sources(location: str, data: bytes, kind: str, overrides: dict) -> Iterator[Source]:
    """One Source per JSON record; a bad line is a failed Source and the others go on."""
    try:
        text = decode_text(data)
    except UnicodeDecodeError as error:
        yield Source(location, data, sha256(data), "record", len(data), overrides, f"undecodable: {error}")
        return
    if kind == "json":
        try:
            parsed = _json_loads(text)
        except ValueError as error:
            parsed = _json_documents(text)
            if parsed is None:
                yield Source(location, data, sha256(data), "record", len(data), overrides, f"invalid JSON: {error}")
                return
        if _is_json_feed(parsed):
            yield from _json_feed_items(location, parsed, overrides)
            return
        items = _records_of(parsed)
        if not items:
            yield Source(location, data, sha256(data), "record", len(data), overrides,
                         NO_RECORD + ": an empty JSON list")
        for index, item in enumerate(items, start=1):
            raw = json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")
            yield _record_source(f"{location}#{index}", raw, item, overrides)
        return
    sources = 0
    for number, line in enumerate(text.splitlines(), start=1):
        source = _json_line_source(location, number, line.encode("utf-8"), overrides)
        if source is not None:
            sources += 1
            yield source
    if not sources:
        yield Source(location, data, sha256(data), "record", len(data), overrides,
                     NO_RECORD + ": only blank lines")


def _is_json_feed(parsed) -> bool:
    """A JSON Feed (jsonfeed.org, versions 1 and 1.1: Micro.blog's, many static sites' and
    newsletters' feeds), by its "version" address. Read as a record, the whole feed was one
    article with the feed's title and no text."""
    return (isinstance(parsed, dict) and isinstance(parsed.get("version"), str)
            and "jsonfeed.org/version/" in parsed["version"] and isinstance(parsed.get("items"), list))


def _json_feed_items(location: str, feed: dict, overrides: dict) -> Iterator[Source]:
    """One record per item of a JSON Feed, as an RSS or Atom feed's are read (see _feed_items):
    its title, address, authors (1.1's list, 1.0's one author), dates, the feed's title as the
    outlet, the item's content_html (else content_text) as the article, its summary as the
    description. Location: PATH#N."""
    def names(value):
        people = value if isinstance(value, list) else [value]
        return [p["name"] for p in people if isinstance(p, dict) and isinstance(p.get("name"), str) and p["name"]]

    if not feed["items"]:
        yield Source(location, b"", "", "feed", 0, overrides, "no item in this feed")
        return
    for number, item in enumerate(feed["items"], start=1):
        if not isinstance(item, dict):
            yield Source(f"{location}#{number}", b"", "", "record", 0, overrides,
                         f"a feed item must be a JSON object, not {json_kind(item)}")
            continue
        body = item.get("content_html") or item.get("content_text")
        summary = item.get("summary")
        if not body and isinstance(summary, str) and len(re.sub(r"<[^>]*>", " ", summary).split()) >= SUMMARY_WORDS:
            # the whole article in the summary, as an RSS item's full-text description is read
            body, summary = summary, None
        url = item.get("url") or item.get("external_url")
        record = {
            "title": item.get("title"), "url": _site_address(url, feed.get("home_page_url")),
            "authors": names(item.get("authors")) or names(item.get("author"))
            or names(feed.get("authors")) or names(feed.get("author")),
            "published": item.get("date_published"), "updated": item.get("date_modified"),
            "outlet": feed.get("title"), "description": summary, "body": body,
            "language": item.get("language") or feed.get("language"),
        }
        raw = json.dumps({k: v for k, v in record.items() if v}, sort_keys=True, ensure_ascii=False).encode("utf-8")
        if not isinstance(body, str) or not body.strip():
            yield Source(f"{location}#{number}", raw, sha256(raw), "record", len(raw), overrides,
                         f"no content in this feed item, not the article: ingest its page ({url or 'no link given'})")
            continue
        yield Source(f"{location}#{number}", raw, sha256(raw), "record", len(raw), overrides)


def _records_of(parsed) -> list:
    """The records of a JSON document: a list of them, one record, or an object that holds its
    list of records under a key, as an API's response saved as it came does ({"status": "ok",
    "articles": [...]}, {"response": {"results": [...]}}). Read as one record, such a file
    failed whole as "no article text found", every article in it lost. An object with any of
    a record's fields (a title, a body...) is a record, whatever lists it holds (its tags).
    An API's response for one item holds it alone under a key ({"response": {"content": {...}}}):
    that item is the record (read as the response, it failed as "no article text found"), if
    it holds a title and a text (_holds_an_article)."""
    if isinstance(parsed, list):
        return parsed
    wrapped = parsed
    for _ in range(3):  # (an API nests its results two levels deep at most)
        if (one := _the_one_item(wrapped)) is not None:
            return [one]
        if not isinstance(wrapped, dict):
            break
        if _is_record(wrapped):
            # Below the response's key ({"data": {"title": ..., "body": ...}}) only an article's
            # record, else the response is read as the one record it was before (see below).
            return [wrapped if wrapped is parsed or _holds_an_article(wrapped) else parsed]
        lists = [value for value in wrapped.values()
                 if isinstance(value, list) and value and all(isinstance(item, dict) for item in value)]
        objects = [value for value in wrapped.values() if isinstance(value, dict)]
        if len(lists) == 1:
            return lists[0]
        if lists or len(objects) != 1:
            break
        wrapped = objects[0]
    return [parsed]


def _is_record(value) -> bool:
    return isinstance(value, dict) and bool(_RECORD_KEYS & {str(key).lower() for key in value})


def _the_one_item(wrapper) -> dict | None:
    """The record an object holds under its one key of a record's field names, or None. That
    key ("content") made the object look like a record itself, one with no text; its value, an
    article's record, says it is an envelope. (A CMS's {"content": {"rendered": ...}} holds no record
    there: it is the record's text.)"""
    if not isinstance(wrapper, dict):
        return None
    fields = [value for key, value in wrapper.items() if str(key).lower() in _RECORD_KEYS]
    return fields[0] if len(fields) == 1 and _holds_an_article(fields[0]) else None


_TITLE_KEYS = frozenset(alias.lower() for alias in FIELD_ALIASES["title"])
_BODY_KEYS = frozenset(alias.lower() for alias in FIELD_ALIASES["body"])


def _holds_an_article(value) -> bool:
    """Whether an object under a response's key is an article's record: it has a title and a
    text (its own, or in its "fields", as extract_record reads the Guardian's). A record's
    other keys are no evidence there: a tweet ("text", "created_at") or a comment ("body",
    "author") has them, and was stored as an untitled article."""
    if not isinstance(value, dict):
        return False
    keys = {str(key).lower() for key in with_fields(value)}
    return bool(keys & _TITLE_KEYS) and bool(keys & _BODY_KEYS)


def _stream_json_lines(path: Path, gzipped: bool, overrides: dict,
                       known: Callable[[str, str], bool] | None = None,
                       defer_hashes: bool = False) -> Iterator[Source]:
    location = path_text(path)
    sources = 0
    try:
        with _open_bytes(path, gzipped) as lines:
            if lines.peek(2)[:2] in (b"\xff\xfe", b"\xfe\xff"):
                lines = _Utf8Lines(lines)
            number = 0
            # readline with a limit: one runaway line must not be read into memory whole.
            while line := lines.readline(MAX_INPUT_BYTES + 1):
                number += 1
                if number == 1:
                    line = line.removeprefix(b"\xef\xbb\xbf")
                if len(line) > MAX_INPUT_BYTES and not line.endswith(b"\n"):
                    # the rest of that line, skipped a piece at a time, hashed as it goes
                    line_hash = hashlib.sha256(line)
                    while rest := lines.readline(2**20):
                        line_hash.update(rest)
                        if rest.endswith(b"\n"):
                            break
                    sources += 1
                    yield Source(f"{location}#{number}", b"", line_hash.hexdigest(), "record", 0, overrides,
                                 f"line {number}: " + _too_large(len(line), "more than"))
                    continue
                source = _json_line_source(location, number, line, overrides, known, defer_hashes)
                if source is not None:
                    sources += 1
                    yield source
    except (OSError, EOFError, zlib.error) as error:
        yield Source(location, b"", "", "record", 0, overrides, f"cannot read: {error}")
        return
    if not sources:
        yield Source(location, b"", "", "record", 0, overrides,
                     NO_RECORD + (": an empty file" if number == 0 else ": only blank lines"))


class _Utf8Lines:
    """The lines of a UTF-16 file (by its byte order mark) as UTF-8 bytes, for the JSON Lines
    reader: split as bytes, each line after the first began with the NUL of the line end
    before it, and every record but the first failed as undecodable."""

    def __init__(self, stream):
        self._text = io.TextIOWrapper(stream, encoding="utf-16", newline="")

    def readline(self, limit: int = -1) -> bytes:
        return self._text.readline(limit).encode("utf-8")


HTML_TYPES = ("text/html", "application/xhtml+xml")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""")


def _web_archive_pages(location: str, open_stream: Callable, overrides: dict,
                       known: Callable[[str, str], bool] | None = None) -> Iterator[Source]:
    """One Source per HTML page a web archive (WARC or ARC, gzipped or not) captured: each
    successful HTML response, its URL from the capture. Requests, images, scripts, redirects,
    revisits and DNS records are not articles and are passed over. Location: PATH#N, N the
    record's number in the file, so an unchanged archive gives the same locations each run."""
    from warcio.archiveiterator import ArchiveIterator  # 50 ms to import, for archives only
    from warcio.exceptions import ArchiveLoadFailed

    # warcio logs a warning of its own on a malformed record ("Replacing spaces in invalid
    # WARC-Target-URI: ..."), and with no handler set Python printed it on standard error, a
    # line among the run's `failed: PATH: reason` lines that names no file. What goes wrong
    # with an archive is reported as its failure; trafilatura and htmldate set this handler
    # for their own loggers.
    logging.getLogger("warcio").addHandler(logging.NullHandler())

    pages = number = 0
    # Whether the record `number` is being read (its page's body): a read error then is its own,
    # not the next record's, and its page is not one of those read before it.
    inside_page = False
    whole_file_gzip = False
    resume_at = 0  # the byte the archive is read from: past a record whose gzip data is damaged
    while True:
        try:
            with open_stream() as stream:
                if whole_file_gzip:
                    import gzip

                    stream = gzip.GzipFile(fileobj=stream)
                stream.seek(resume_at)
                records = ArchiveIterator(stream, arc2warc=True)
                records.reader = _damage_raising_readers()[0](records.fh)
                # ... and it writes a warning straight to standard error, three lines a record, where
                # a record's declared length does not end at a blank line (a file that is no web
                # archive: one for each of its lines): the same stray lines, blanked here.
                records.INC_RECORD = ""
                record = None
                # (numbered on from the damaged record after which it is read on)
                for count, record in enumerate(records, start=1 if not resume_at else number + 1):
                    if count <= number:  # read already, before the archive was found gzipped whole
                        continue
                    number = count
                    if record.rec_type != "response" or record.http_headers is None:
                        continue
                    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                    if record.http_headers.get_statuscode() != "200" or not content_type.startswith(HTML_TYPES):
                        continue
                    pages += 1
                    page = f"{location}#{number}"
                    content = _raising_on_damage(record.content_stream())
                    inside_page = True
                    body_hash = None
                    try:
                        body = content.read(MAX_INPUT_BYTES + 1)  # HTTP encodings undone
                        if len(body) > MAX_INPUT_BYTES:
                            body_hash = hashlib.sha256(body)
                            while piece := content.read(2**20):
                                body_hash.update(piece)
                    except _DamagedPageEncoding as damage:
                        # (the page's own gzip, its server's: warcio printed zlib's error and gave
                        # the part before the damage, stored as the page without a word)
                        inside_page = False
                        yield Source(page, b"", "", "html", 0, overrides,
                                     f"cannot read this page: the compression its server sent it in is damaged ({damage})")
                        continue
                    inside_page = False
                    if body_hash is not None:
                        yield Source(page, b"", body_hash.hexdigest(), "html", 0, overrides,
                                     _too_large(len(body), "more than"))
                        continue
                    if getattr(record.raw_stream, "limit", 0) > 0:  # its declared length not all there
                        yield Source(page, b"", "", "html", 0, overrides,
                                     "the web archive ends inside this record (a copy cut short?)")
                        record = None  # (said: not again as the archive's)
                        continue
                    digest = sha256(body)
                    if known is not None and known(page, digest):
                        yield Source(page, b"", digest, "html", len(body), overrides)
                        continue
                    size = len(body)
                    if charset := _HEADER_CHARSET.search(content_type):
                        # The server's charset, as a browser reads it, over the page's own <meta>
                        # (a template's, often stale): as for MHTML's part header.
                        body = _page_as_utf8(body, charset.group(1))
                    # The captured address: the page's URL where the page names none of its own; and
                    # when it was captured, which orders the versions of an edited story.
                    yield Source(page, body, digest, "html", size, overrides,
                                 url=record.rec_headers.get_header("WARC-Target-URI"),
                                 hints={"captured": (record.rec_headers.get_header("WARC-Date"), "warc")})
                # A record passed over (an image, a request) cut inside its content, or any record
                # cut inside its header (no Content-Length, which every whole record has): warcio
                # read what there was of it and ended as at the archive's end, so a crawl cut there
                # lost every record after the cut in silence.
                cut_inside_last = record is not None and (
                    (record.length is None and bool(record.rec_headers.protocol))  # (not blank lines)
                    or getattr(record.raw_stream, "limit", 0) > 0)
                if whole_file_gzip:
                    stream.read(1)  # (gzip's EOFError on a copy cut short, which warcio let pass)
                if cut_inside_last or _cut_after_last_record(stream, getattr(records, "offset", None)):
                    yield Source(location, b"", "", "warc", 0, overrides,
                                 f"the web archive ends inside its record {number + (0 if cut_inside_last else 1)} "
                                 f"(a copy cut short?){_read_before(pages)}")
                    return
            break
        except ArchiveLoadFailed as error:
            # A WARC gzipped whole (`gzip crawl.warc`), not a record a gzip member as crawlers
            # write them: warcio refuses it (its message a page long, telling to run its own
            # tool), yet it is the same records once unpacked, read so from the start (not
            # past a damaged member: read a member at a time, from there).
            if "non-chunked gzip" in str(error) and not whole_file_gzip and not resume_at:
                whole_file_gzip = True
                continue
            yield _archive_failure(location, overrides, number, pages, error)
            return
        except _DamagedGzipMember as damage:
            # A record's gzip member damaged (a bad disk block, a bit flipped in a copy): warcio
            # printed zlib's "Error -3 while decompressing data" on standard error, said nothing
            # more, and read on as at the archive's end - every record after it lost, the page
            # failed as "a copy cut short?". Each record is a gzip member of its own, so the
            # archive is read on from the next member that begins a record.
            damaged = number if records.record is not None and records.member_info is None else number + 1
            inside_page = False
            with open_stream() as stream:
                next_record = _next_record_member(stream, records.offset + 1)
                size = stream.seek(0, io.SEEK_END)
            skipped = (next_record or size) - records.offset
            after = (f"the archive read on from its next record, at byte {next_record:,} ({skipped:,} bytes passed over)"
                     if next_record is not None else
                     f"no record begins after it: its last {skipped:,} bytes, from byte {records.offset:,}, were not read")
            yield Source(f"{location}#{damaged}", b"", "", "warc", 0, overrides,
                         f"cannot read this record of the web archive: its gzip data is damaged ({damage}); {after}")
            if next_record is None:
                return
            number, resume_at = damaged, next_record
            continue
        except (OSError, EOFError, zlib.error, ValueError) as error:
            # (a copy gzipped whole and cut short inside a page, a disk's read error there: that
            # page's record, said "record 3 ... the 2 pages before it were read" of record 2)
            yield _archive_failure(location, overrides, number - inside_page, pages - inside_page, error)
            return
        except sqlite3.Error:  # the archive's (asked through `known`), not the web archive's
            raise
        except Exception as error:  # warcio's own error on a record it cannot parse (no address...)
            yield _archive_failure(location, overrides, number - inside_page, pages - inside_page, error, named=True)
            return
    if not pages:
        yield Source(location, b"", "", "warc", 0, overrides,
                     "no HTML page found in this web archive (only requests, media or other "
                     "records, or not a web archive)")


class _DamagedGzipMember(Exception):
    """A web archive's gzip member that stops decompressing part-way (see _damage_raising_readers)."""


class _DamagedPageEncoding(Exception):
    """A captured page's HTTP Content-Encoding (gzip, deflate) that stops decompressing part-way."""


@cache
def _damage_raising_readers() -> tuple[type, dict]:
    """warcio's readers, raising where a gzip or deflate stream fails part-way: the reader of a
    web archive's gzip members (raising _DamagedGzipMember), and by warcio's class, those of a
    captured page's Content-Encoding (raising _DamagedPageEncoding). warcio's own write zlib's
    error on standard error and give no more bytes, as at the stream's end: a damaged member was
    read as the archive's end, every record after it lost, and a damaged page was stored cut
    short, the run saying nothing more. Made on first use: warcio is imported for web archives
    only."""
    from warcio.bufferedreaders import BufferedReader, ChunkedDataReader, DecompressingBufferedReader

    def raising(reader: type, damage: type) -> type:
        class DamageRaisingReader(reader):
            def _decompress(self, data):
                # A stream begun, or one that begins as gzip does: where its first bytes fail,
                # warcio takes them for bytes never compressed and reads them as they are (a
                # damaged record of a few kilobytes, one block, was "Unknown archive format",
                # the records after it lost; a page, its gzip stored as the page).
                begun = self.num_block_read or (self.decomp_type == "gzip" and data.startswith(_GZIP_MEMBER))
                if self.decompressor and data and begun:
                    try:
                        return self.decompressor.decompress(data)
                    except zlib.error as error:
                        raise damage(str(error)) from None
                return super()._decompress(data)

        return DamageRaisingReader

    return (raising(DecompressingBufferedReader, _DamagedGzipMember),
            {reader: raising(reader, _DamagedPageEncoding) for reader in (BufferedReader, ChunkedDataReader)})


def _raising_on_damage(content):
    """A captured page's content stream (record.content_stream()), raising where its HTTP
    encoding is damaged. warcio picks the reader for the page's headers; its class is swapped for
    the raising one, not the choice written again here."""
    raising = _damage_raising_readers()[1].get(type(content))
    if raising is not None:
        content.__class__ = raising
    return content


# The start of a gzip member (its magic bytes and deflate), and of a record in it: a WARC
# header, an ARC file's header or an ARC record's line (address, IP address, 14-digit date).
_GZIP_MEMBER = b"\x1f\x8b\x08"
_RECORD_START = re.compile(rb"WARC/\d|filedesc://|\S+ \d{1,3}(?:\.\d{1,3}){3} \d{14} ")


def _next_record_member(stream, start: int, window: int = 2**20) -> int | None:
    """Where the first gzip member at or after byte `start` of a web archive begins that holds a
    record's start, or None: the record after a damaged one, each record gzipped on its own. The
    magic bytes alone are no proof (deflated data holds them by chance), so the member's first
    bytes are unpacked and must begin a record."""
    position = start
    while True:
        stream.seek(position)
        data = stream.read(window)
        at = data.find(_GZIP_MEMBER)
        while at != -1:
            if at + 65536 > len(data) and len(data) == window:  # (its first bytes in the next window)
                break
            try:
                head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[at:at + 65536], 64)
            except zlib.error:
                head = b""
            if _RECORD_START.match(head):
                return position + at
            at = data.find(_GZIP_MEMBER, at + 1)
        if len(data) < window:
            return None
        position += at if at != -1 else len(data) - len(_GZIP_MEMBER) + 1


def _archive_failure(location: str, overrides: dict, number: int, pages: int, error: Exception,
                     named: bool = False) -> Source:
    """A web archive's failure at the record after the `number` read whole, naming that record:
    "a malformed record (AttributeError: 'NoneType' ...)" left its owner to search a crawl of
    thousands of records for the one (a header cut short, a missing field). Python's error is
    named where it is warcio's own slip, not a message written to be read."""
    reason = " ".join(str(error).split())  # (warcio's messages run over lines, indented)
    if named:
        reason = f"{type(error).__name__}: {reason}"
    return Source(location, b"", "", "warc", 0, overrides,
                  f"cannot read web archive: its record {number + 1} is malformed or cut short "
                  f"({reason}){_read_before(pages)}")


def _cut_after_last_record(stream, end_of_last_record: int | None) -> bool:
    """Whether a web archive holds more than blank lines after its last whole record: a copy cut
    short inside a record's gzip member or its header. warcio ends there as at the archive's
    end, saying nothing, so a transfer or disk that cut a crawl short lost its last pages
    silently (the run said every input was read, exit status 0). A record cut inside its
    content is told apart already (see the limit check above)."""
    if not end_of_last_record:  # (no record read: said as "no HTML page found")
        return False
    try:
        stream.seek(end_of_last_record)
        return bool(stream.read(65536).strip(b" \t\r\n\x00"))
    except (OSError, ValueError):  # (a stream that cannot seek: nothing to tell by)
        return False


def _read_before(pages: int) -> str:
    """What a web archive's failure adds of the pages read before its damage (they are stored)."""
    return f"; the {pages:,} page{'s' if pages != 1 else ''} before it {'were' if pages != 1 else 'was'} read" if pages else ""


# A feed item with no content element and a description shorter than this gives a summary of
# the article, not the article: stored, it would be a second, partial copy of a story that
# does not fold with the full text when that is ingested later. Full-text feeds put whole
# articles (hundreds of words) in the description; summaries run to a few sentences.
SUMMARY_WORDS = 100


def _feed_items(location: str, data: bytes, overrides: dict) -> Iterator[Source]:
    """One record per item of an RSS or Atom feed (feedparser, made for their many dialects):
    its title, link, authors, dates, the feed's title as the outlet, and the article from the
    item's content (or a full-text description). Location: PATH#N, N the item's number."""
    import feedparser  # 0.12 s to import, for feeds only

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # feedparser reads UTF-16 only where the XML declaration names it, which a file with
        # its byte order mark need not: such a feed failed as "not well-formed (invalid token)".
        text = re.sub(r"^(<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']", r"\1", data.decode("utf-16", "replace"), count=1)
        data = text.encode("utf-8")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        yield Source(location, b"", sha256(data), "feed", len(data), overrides, f"no item in this feed{reason}")
        return
    outlet = parsed.feed.get("title")  # (as markup where it is marked so: _marked_as_html)
    site = parsed.feed.get("link")
    # When the feed was last built (Atom's <updated>, RSS's <lastBuildDate>): every item's text
    # was current then, a capture time for each, which orders an edited story's versions. A
    # hint, not part of the item's record: the record's bytes, which tell an unchanged item
    # from a changed one, stay the same in each refresh of the feed.
    built = dict.get(parsed.feed, "updated")
    captured = {"captured": (built, "feed")} if isinstance(built, str) else {}
    # Items closed in the file: a feed cut short (a transfer, a full disk) ends inside its last
    # item, whose text feedparser drops, and it failed as "only a summary in the feed (0 words)",
    # sending its owner to look for a summary in a full-text feed.
    closed = len(_ITEM_END.findall(data))
    for number, entry in enumerate(parsed.entries, start=1):
        if number > closed:
            yield Source(f"{location}#{number}", b"", "", "record", 0, overrides,
                         "the feed ends inside this item (a copy cut short?)")
            continue
        contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
        summary = entry.get("summary", "")
        body = max(contents, key=len) if contents else summary
        record = {
            "title": entry.get("title"), "url": _site_address(entry.get("link"), site),
            "authors": _item_authors(entry),
            # dict.get: feedparser's own get() answers "updated" with the published date
            "published": dict.get(entry, "published") or dict.get(entry, "updated"),
            "updated": dict.get(entry, "updated") if dict.get(entry, "published") else None,
            "outlet": outlet, "description": summary if contents else None, "body": body,
        }
        raw = json.dumps({k: v for k, v in record.items() if v}, sort_keys=True, ensure_ascii=False).encode("utf-8")
        words = 0 if contents else len(re.sub(r"<[^>]*>", " ", body).split())  # the summary's
        if not contents and words < SUMMARY_WORDS:
            yield Source(f"{location}#{number}", raw, sha256(raw), "record", len(raw), overrides,
                         f"only a summary in the feed ({words} words), not the article: ingest its page "
                         f"({record['url'] or 'no link given'})")
            continue
        yield Source(f"{location}#{number}", raw, sha256(raw), "record", len(raw), overrides, hints=captured,
                     markup=("title",) * _marked_as_html(entry) + ("outlet",) * _marked_as_html(parsed.feed))


def _marked_as_html(element) -> bool:
    """Whether a feed's or an item's title is markup: feedparser gives one the feed marks as
    HTML or XHTML (Atom's type="html", which WordPress and jekyll-feed write; an RSS title it
    finds markup in) as that markup, and "Tom &amp; <em>Jerry</em>" was stored as the outlet's
    name, "Flood walls <em>held</em>" as a headline, its tags shown as text on every page. Said
    beside the record (Source.markup), not in it: a record's bytes, by which an item read before
    is known, stay as every version wrote them, so an archive's feeds read again after an
    upgrade are unchanged and `reparse` revises their titles. Only where it holds a tag:
    entities alone extract_record reads in any title."""
    text = element.get("title")
    return bool(text and "<" in text
                and element.get("title_detail", {}).get("type") in ("text/html", "application/xhtml+xml"))


# The end of a feed's item: RSS's (and RSS 1.0's) </item>, Atom's </entry>, with any prefix.
_ITEM_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")

# RSS's <author>: the writer's address, then the name in brackets ("ann@harbor.media (Ann Lee)").
_ADDRESS_AND_NAME = re.compile(r"\s*[^\s@()]+@[^\s()]+\s*\(([^()]+)\)\s*")


def _item_authors(entry) -> list[str] | str | None:
    """A feed item's writers. feedparser reads RSS's "address (Name)" itself, but only where
    the address's last part has two to four letters: "ann@harbor.media (Ann Lee)" gave the writer
    "a (Ann Lee". The one author written so is read here; others as feedparser gives them."""
    names = [a["name"] for a in entry.get("authors", []) if a.get("name")]
    written = dict.get(entry, "author")
    if isinstance(written, str) and len(names) <= 1 and "@" in written:
        both = _ADDRESS_AND_NAME.fullmatch(written)
        if both:
            return [both[1].strip()]
    return names or written


def _site_address(link: str | None, site: str | None) -> str | None:
    """An item's link made whole against its feed's site ("/news/ferry-cut" on the channel
    https://harborledger.example/): RSS asks for whole addresses, yet feeds give a root-relative
    path, and the item lost its address (only a whole one is stored). A path without the leading
    slash is left: it is relative to the feed's own address, which the file does not give."""
    if link and site and link.startswith("/") and re.match(r"https?://", site):
        from urllib.parse import urljoin

        return urljoin(site, link)
    return link


def _json_line_source(location: str, number: int, raw: bytes, overrides: dict,
                      known: Callable[[str, str], bool] | None = None,
                      defer_hash: bool = False) -> Source | None:
    raw = raw.strip()
    if not raw:
        return None
    if defer_hash:
        return Source(f"{location}#{number}", raw, "", "record", len(raw), overrides)
    digest = sha256(raw)  # once per line: the known-check and the Source share it
    if known is not None and known(f"{location}#{number}", digest):
        return Source(f"{location}#{number}", b"", digest, "record", len(raw), overrides)
    # Not parsed here: the worker that extracts the record parses it (and reports a line
    # that is not a JSON object), which takes that work off this process, the writer.
    return Source(f"{location}#{number}", raw, digest, "record", len(raw), overrides)


def hash_source(source: Source) -> Source:
    """Fill in the hash of a source read with its hash deferred (see read_sources)."""
    if not source.raw_sha256 and source.raw:
        source.raw_sha256 = sha256(source.raw)
    return source


def _record_source(location: str, raw: bytes, item, overrides: dict, digest: str | None = None) -> Source:
    digest = digest or sha256(raw)
    if not isinstance(item, dict):
        return Source(location, raw, digest, "record", len(raw), overrides,
                      f"a record must be a JSON object, not {json_kind(item)}")
    return Source(location, raw, digest, "record", len(raw), overrides)


# The first bytes of the files most often found among clippings that are not articles. Their
# binary parts need not hold a NUL early (a PDF begins with lines of text), and read as text
# they failed with a codec's words ("'charmap' codec can't decode byte 0x8d").
_BINARY_STARTS = (
    (b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive, or a Word or Excel file"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel file"), (b"bplist", "an Apple property list"),
)


# The control bytes no text holds (tab, line ends, form feed and escape are a text's own).
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 and b != 0x7f or b in b"\t\n\v\f\r\x1b")


def _without_stray_nuls(data: bytes) -> bytes:
    """A text with a few NUL bytes in it, without them. A file cut short by a crash, or written
    by a program with a fixed-size buffer, ends in a run of NULs, and a copy glitch leaves a
    stray one; either failed the whole story as "binary file". A binary file has control bytes
    throughout (more than 1% of its head; random or packed bytes about 11%), and a UTF-16 text
    is half NULs: both are left as they are. No NUL is part of a character in UTF-8 or a
    single-byte code page, so taking them out cuts no character."""
    if b"\x00" not in data or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data
    text = data.rstrip(b"\x00")
    head = text[:4096]
    if len(head.translate(None, _TEXT_BYTES)) * 100 > len(head):
        return data
    return text.replace(b"\x00", b"")


def _utf16_marked(data: bytes) -> bytes:
    """A UTF-16 text saved without its byte order mark (some Windows tools and exports), with
    the mark put before it, so it is read as the text it is: half its bytes are NULs, and it
    failed as a binary file. Told by the NULs' side: a text in Latin script has one at every
    other byte, high byte first (BE) or second (LE); a binary file has them anywhere."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in data[:4096]:
        return data
    head = data[:4096]
    first, second = head[0::2], head[1::2]
    if len(head) < 64 or len(head) % 2:
        return data
    if second.count(0) >= 0.9 * len(second) and first.count(0) <= 0.01 * len(first):
        return b"\xff\xfe" + data
    if first.count(0) >= 0.9 * len(first) and second.count(0) <= 0.01 * len(second):
        return b"\xfe\xff" + data
    mark = _utf16_mark_by_reading(head)
    return mark + data if mark else data


def _utf16_mark_by_reading(head: bytes) -> bytes | None:
    """The byte order mark of a UTF-16 text in another script than Latin (Japanese, Chinese,
    Russian), saved without it: there only line breaks, spaces and digits give NULs, on either
    side (一, U+4E00, gives one on the other), and it failed as a binary file. Told by reading
    it: every character a text's (a binary file read so gives control characters and unassigned
    ones, a text of bytes with a stray NUL no line breaks or spaces), with line breaks or spaces
    among them, which the other byte order reads as unassigned characters and U+2000."""
    for codec, mark in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
        try:  # (incremental: a character cut at the end of the head is left out)
            text = codecs.getincrementaldecoder(codec)().decode(head)
        except UnicodeDecodeError:
            continue
        shown = sum(ch.isprintable() or ch in "\t\n\r\f" for ch in text)
        if shown >= 0.99 * len(text) and sum(ch in " \t\n\r" for ch in text) >= 3:
            return mark
    return None


def _binary_kind(head: bytes) -> str | None:
    """What a file is, by its first bytes, when it is a common kind of binary file."""
    return next((kind for start, kind in _BINARY_STARTS if head.startswith(start)), None)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes to text, as text_and_encoding reads them (with a code page as the last resort)."""
    return text_and_encoding(data, declared)[0]


_GUESSED = "the encoding guessed from its bytes"


def text_and_encoding(data: bytes, declared: str | None = None, *,
                      last_resort: bool = True) -> tuple[str, str | None]:
    """Bytes to text, and a warning saying how they were read where the bytes do not say what
    they are (None where they do): BOM first, then UTF-8 if the bytes are UTF-8 with letters
    beyond ASCII, then a declared charset, then UTF-8, then detection.

    Valid UTF-8 beats what a page declares: a page saved or served as UTF-8 often keeps the
    charset its site once had ("windows-1252", "iso-8859-1"), and read so "Jetée" was stored as
    "JetÃ©e". Text in another encoding with letters beyond ASCII almost never forms valid UTF-8
    (an "é" in windows-1252 would have to be followed by two bytes of 0x80-0xBF). A text of
    ASCII bytes alone is read as declared (ISO-2022-JP is written in ASCII bytes).

    A text or Markdown file states no charset, and whatever is guessed is said (a Russian text
    saved in KOI8-R could be stored as nonsense nobody was told to check). A UTF-8 byte order
    mark says what the file is: its bytes are read as UTF-8 whatever else they hold, each one
    that is not UTF-8 replaced (and counted in the warning); read by a detector instead, one bad
    byte made the whole text a code page's mojibake. Without `last_resort`, bytes nothing reads
    raise UnicodeDecodeError; with it, they are read as cp1252, which decodes almost any bytes.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
        replaced = len(data[3:].decode("utf-8", errors="surrogateescape")) - len(data[3:].decode("utf-8", errors="ignore"))
        return text, (f"UTF-8 by its mark, but {replaced:,} byte{'s' * (replaced != 1)} not UTF-8, "
                      "replaced by U+FFFD") if replaced else None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError as error:
        as_utf8, not_utf8 = None, error
    if as_utf8 is not None and not as_utf8.isascii():
        return as_utf8, None
    if as_utf8 is None and (mended := _utf8_with_stray_bytes(data)) is not None:
        stray = len(_STRAY_BYTE.findall(data.decode("utf-8", errors="surrogateescape")))
        return mended, (f"UTF-8 but for {stray} stray byte{'s' * (stray != 1)}, read as cp1252 "
                        "(a Windows program's quote or dash?)")
    codec = _declared_codec(declared) if declared else None
    if codec:
        try:
            return data.decode(codec), None
        except UnicodeDecodeError:
            pass
    if as_utf8 is not None:
        return as_utf8, None
    detected = _detected_encoding(data)
    if detected is not None:
        return detected[0], f"not UTF-8 or UTF-16 with its mark: read as {detected[1]}, {_GUESSED}"
    if not last_resort:
        raise not_utf8
    # cp1252 decodes almost any byte string; keep it as the last resort for Western pages.
    return data.decode("cp1252"), f"not UTF-8 or UTF-16 with its mark: read as cp1252, {_GUESSED}"


def _detected_encoding(data: bytes) -> tuple[str, str] | None:
    """`data` read in the encoding a detector (charset_normalizer) finds the likeliest, and that
    encoding's name; None when no encoding reads it."""
    from charset_normalizer import from_bytes  # a trafilatura dependency, made for this job

    matches = list(from_bytes(data))
    # A page, or a text copied from one, is in an encoding browsers read. The DOS and mainframe
    # code pages a detector also tries (cp775, cp850, cp852...) decode the same bytes about as
    # well, and on a short French or German text one of them won: "Ça coûte — “cher”" came out
    # "Ūa co¹te Ś ōcherö". They are kept for a file that no web encoding reads.
    matches = [match for match in matches if _is_web_encoding(match.encoding)] or matches
    if not matches:
        return None
    best = matches[0]
    # On short texts several single-byte code pages fit equally well; windows-1252 is by
    # far the most used of them on the Western web, so it wins a tie.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return str(match), match.encoding
    # (A German text's "ä", "ü", "ß" are the same bytes in cp1250 as in cp1252, and the detector
    # named cp1250, Central European: the text is the same, and Western is what it was.)
    try:
        if str(best) == data.decode("cp1252"):
            return str(best), "cp1252"
    except UnicodeDecodeError:
        pass
    return str(best), best.encoding


# A UTF-8 text with a stray byte or two is read as UTF-8 when its valid multi-byte letters
# outnumber the stray bytes this many times. One Windows-1252 quote (0x92) pasted into a
# UTF-8 file, or a byte flipped in a copy, made the whole file undecodable as UTF-8, and the
# detector then read every "é" of it as Shift_JIS ("Lテゥa") or a code page ("LÃ©a"). Text
# in another encoding almost never forms a valid multi-byte UTF-8 sequence (a code page's
# "é" would need two bytes of 0x80-0xBF after it), and Shift_JIS or EUC, which can, are
# far from ten to one.
STRAY_BYTE_MARGIN = 10


def _utf8_with_stray_bytes(data: bytes) -> str | None:
    """`data` read as UTF-8, each byte that is not UTF-8 read as Windows-1252 (which is what
    such a byte most often is: a quote or dash pasted from a Windows program), if the valid
    multi-byte letters outnumber those bytes STRAY_BYTE_MARGIN times; else None."""
    text = data.decode("utf-8", errors="surrogateescape")  # a stray byte b becomes U+DC00 + b
    stray = len(_STRAY_BYTE.findall(text))
    letters = sum(1 for character in text if character > "\x7f") - stray
    if letters < STRAY_BYTE_MARGIN * stray:
        return None
    return _STRAY_BYTE.sub(lambda byte: bytes([ord(byte[0]) - 0xDC00]).decode("cp1252", errors="replace"), text)


_STRAY_BYTE = re.compile("[\udc80-\udcff]")


@cache
def _web_encodings() -> frozenset[str]:
    """The encodings of the WHATWG Encoding Standard (what a browser reads a page in), by
    Python's name for each; a Shift_JIS, EUC-KR or GBK label is read as its Windows superset.
    Made on first use: each name looked up imports its codec's module, 44 of them, 4.5 ms of
    every command's start when it was made on import."""
    return frozenset(codecs.lookup(name).name for name in (
        "utf-8", "utf-16-le", "utf-16-be", "utf-16", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic",
        "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
        "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
        "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "gb18030", "gbk", "gb2312",
        "big5", "euc-jp", "iso2022-jp", "shift-jis", "cp932", "euc-kr", "cp949", "ascii", "latin-1",
    ))


def _is_web_encoding(name: str) -> bool:
    try:
        return codecs.lookup(name).name in _web_encodings()
    except LookupError:
        return False


def _declared_codec(name: str) -> str | None:
    """Python's codec for a declared charset, or None for one that cannot be so or is unknown.
    A page whose declaration could be read as ASCII is not in UTF-16 or UTF-32 (browsers read
    such a declaration as UTF-8, WHATWG): taken at its word, an ASCII page came out as a line
    of CJK characters, and its title was lost."""
    try:
        codec = codecs.lookup(_python_codec(name)).name
    except LookupError:
        return None
    return None if codec.startswith(("utf-16", "utf-32")) else codec


def _python_codec(name: str) -> str:
    name = name.strip().strip("\"'").lower()
    # Browsers read iso-8859-1 / latin-1 labels as windows-1252 (WHATWG Encoding Standard).
    return "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name


# A page saved again by a browser (or a file downloaded again) is named after the first with a
# number: "Story (1).html" (Chrome, Edge), "Story(1).html" (Firefox), then (2), (3)... In the
# names' order the first save, "Story.html", came after them ("." sorts after " " and "("), so
# it was stored last and, both texts being one story at one address, became its latest version,
# the edit saved after it marked as replaced by it. The walk (and a glob's matches) takes such a
# name just after the first save's, by its number.
_SAVED_AGAIN = re.compile(r"^(?P<stem>.+?) ?\((?P<number>\d{1,4})\)(?P<extensions>(?:\.[A-Za-z0-9]{1,9}){1,2})$")


def _saved_again_after(name: str) -> tuple[str, int, str]:
    """The walk's order of a folder's file names: by name, a browser's "Story (N).html" just
    after "Story.html", in the order of N."""
    again = _SAVED_AGAIN.match(name) if ")." in name else None
    if again is None:
        return name, 0, name
    return again["stem"] + again["extensions"], int(again["number"]), name

