"""A PDF's text, for the read stage: a page a browser printed or saved as PDF (Chrome's, Edge's,
Firefox's and Safari's "Save as PDF", the way many reporters keep what they read), or any other
PDF with a text layer, as the plain text our text rules read.

pdfminer.six lays the page out (it groups the characters into lines and the lines into boxes by
their spacing, which a paragraph of the page becomes); what is added here is what a browser's
print adds to every page, which is not the story:
- its header and footer, in the page's top and bottom margin: the day and time of printing, the
  page's <title>, its address, "1/3" or "Page 1 of 3". The address is kept as the page's own
  (where the story names none); the day of printing is no day of the story's.
- the lines of a paragraph, broken where the printed line ended: joined again (after a hyphen
  with no space: a browser breaks "well-known" there, and seldom hyphenates a word itself), and a
  paragraph that runs on to the next page joined to its end.
- typographic ligatures ("ﬁ", "ﬂ"), which the PDF keeps as one character: the letters again, or
  "ﬁshing" found no "fishing" in search.
"""

import io
import re
import unicodedata
from dataclasses import dataclass

# How close to a page's top or bottom edge (in points, 1/72 inch) a browser writes its header and
# footer: in the margin, which is about 0.4 inch in Chrome's and Firefox's default print.
MARGIN_POINTS = 40
# How tall (in points) a run of boxes must be to be taken for a column beside another: three
# lines of 11 pt type or so.
COLUMN_POINTS = 36
# The day and time of printing as browsers write it in their locales: "11/30/26, 4:03 AM",
# "30/11/2026, 16:03", "30.11.26, 16:03", "2026-11-30 16:03".
_PRINTED_AT = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?$")
_PAGE_COUNT = re.compile(r"^(?:(?:page|seite|pagina|página|sida|side)\s+)?\d+\s*(?:/|of|von|de|di|van|af)\s*\d+$", re.I)
_ADDRESS = re.compile(r"^(?:https?|file)://\S+$")
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_GLYPH_CODE = re.compile(r"\(cid:\d+\)")
# A header's or footer's line the browser cut to fit its place: Chromium's footer elides a long
# address ("https://harborledger.example/2024/12/02/ferry-to-st…"), Firefox's header a long
# title too. The cut address is still the printer's line, but no address of the page's.
_CUT_SHORT = re.compile(r"(?:…|\.\.\.)$")
CUT_TITLE_CHARACTERS = 20  # a cut title's start must be this long to be taken for the title's
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]$")


class PdfError(ValueError):
    """A PDF with no text to give (damaged, locked, or a scan without a text layer)."""


@dataclass
class PdfText:
    text: str  # paragraphs, a blank line between them
    title: str | None  # the document's title (a browser sets the page's <title>)
    url: str | None  # the address a browser printed in its header or footer


def pdf_text(data: bytes) -> PdfText:
    from pdfminer.high_level import extract_pages  # 0.2 s to import, for PDFs only
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    title = _document_title(data)
    title_key = _key(title) if title else None
    pages: list[list[str]] = []
    url = None
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            top, bottom = page.bbox[3], page.bbox[1]
            story_boxes = []
            for box in (element for element in page if isinstance(element, LTTextContainer)):
                text = _unwrapped(box.get_text())
                if not text:
                    continue
                in_margin = box.y0 >= top - MARGIN_POINTS or box.y1 <= bottom + MARGIN_POINTS
                if in_margin and _printers_line(text, title_key):
                    if _ADDRESS.match(text) and text.startswith(("http://", "https://")) and not _CUT_SHORT.search(text):
                        url = url or text
                    continue
                story_boxes.append((box, text))
            page_paragraphs = []
            below = None  # the bottom of the last box read on this page
            for box, text in _reading_order(story_boxes, page.width):
                if page_paragraphs and below is not None and box.y1 > below and _runs_on(page_paragraphs[-1], text):
                    # a box that starts higher than the last ended: the next column, and the
                    # sentence its break cut goes on, as across a page break
                    page_paragraphs[-1] = _joined(page_paragraphs[-1], text)
                else:
                    page_paragraphs.append(text)
                below = box.y0
            pages.append(page_paragraphs)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise PdfError(f"a password-protected PDF ({type(error).__name__}): save it without the password") from error
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds on a damaged or cut-short file
        raise PdfError(f"a damaged PDF, or one cut short ({type(error).__name__}: {error})") from error
    paragraphs: list[str] = []
    for page_paragraphs in _without_running_lines(pages):
        if paragraphs and page_paragraphs and _runs_on(paragraphs[-1], page_paragraphs[0]):
            paragraphs[-1] = _joined(paragraphs[-1], page_paragraphs.pop(0))
        paragraphs += page_paragraphs
    if not paragraphs:
        raise PdfError("no text in this PDF (a scan, or pictures of the page?): it needs OCR first")
    text = "\n\n".join(paragraphs)
    # A font that does not map its glyphs to characters gives pdfminer "(cid:72)" for each: the
    # text is codes, not words, and stored it would be found by no search.
    codes = len(_GLYPH_CODE.findall(text))
    if codes and codes >= len(text.split()) / 5:
        raise PdfError(f"no readable text in this PDF: its fonts give glyph codes, not letters ({codes:,} of them); "
                       "it needs OCR, or printing again from the page")
    return PdfText(text, title, url)


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """The pages without the line each of them repeats as its first or its last (a site's name
    or notice in a fixed header or footer, which a browser prints on every page, or a report's
    running head): kept, it was in the story once a page. Repeated on at least two pages and
    on most of them; a line repeated within the pages is the story's."""
    from collections import Counter

    ends = Counter(key for page in pages for key in {_key(line) for line in (page[:1] + page[-1:])})
    running = {key for key, count in ends.items() if count >= 2 and count * 2 > len(pages)}
    if not running:
        return pages
    out = []
    for page in pages:
        page = list(page)
        if page and _key(page[0]) in running:
            page.pop(0)
        if page and _key(page[-1]) in running:
            page.pop()
        out.append(page)
    return out


def _reading_order(boxes: list, page_width: float) -> list:
    """The page's boxes (box, text) in reading order: top to bottom, and where boxes narrower
    than half the page sit side by side (a page in columns), column by column. Sorted top to
    bottom across the page, two columns were interleaved (the left's first paragraph, the
    right's first, the left's second...); pdfminer's own order does the same on a short page.
    A box as wide as the page (a headline across both columns, a page in one column) ends a
    run of columns."""
    boxes = sorted(boxes, key=lambda pair: (-round(pair[0].y1), pair[0].x0))
    ordered, band = [], []
    for pair in boxes + [None]:
        if pair is not None and pair[0].width < page_width / 2:
            band.append(pair)
            continue
        ordered += _column_by_column(band)
        band = []
        if pair is not None:
            ordered.append(pair)
    return ordered


def _column_by_column(band: list) -> list:
    """Narrow boxes side by side, read column by column: boxes whose widths overlap are one
    column. Only where two of them are at least a few lines tall: a byline with its date on the
    right, or a short line set in, stays where it is."""
    columns: list[list[float]] = []  # left, right, bottom, top
    for box, _ in sorted(band, key=lambda pair: pair[0].x0):
        if columns and box.x0 < columns[-1][1]:
            left, right, low, high = columns[-1]
            columns[-1] = [left, max(right, box.x1), min(low, box.y0), max(high, box.y1)]
        else:
            columns.append([box.x0, box.x1, box.y0, box.y1])
    if sum(high - low >= COLUMN_POINTS for _, _, low, high in columns) < 2:
        return band

    def column(box):
        return next(i for i, (start, end, _, _) in enumerate(columns) if start <= box.x0 <= end)

    return sorted(band, key=lambda pair: (column(pair[0]), -round(pair[0].y1), pair[0].x0))


def _document_title(data: bytes) -> str | None:
    """The /Title of the document's information, where it has one that is text."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        for info in document.info:
            raw = resolve1(info.get("Title"))
            if isinstance(raw, bytes):
                raw = raw.decode("utf-16") if raw.startswith((b"\xfe\xff", b"\xff\xfe")) else raw.decode("latin-1")
            if isinstance(raw, str) and raw.strip():
                return " ".join(raw.split())
    except Exception:  # noqa: BLE001 - a title is a hint: any trouble reading it is no title
        return None
    return None


def _printers_line(text: str, title_key: str | None) -> bool:
    """A line of what a browser's print writes in the margin: the time, the page's title, its
    address, the page count."""
    if _PRINTED_AT.match(text) or _PAGE_COUNT.match(text) or _ADDRESS.match(text):
        return True
    if not title_key:
        return False
    key = _key(text)
    if key == title_key:
        return True
    start = _CUT_SHORT.sub("", key).rstrip()
    return key != start and len(start) >= CUT_TITLE_CHARACTERS and title_key.startswith(start)


def _unwrapped(text: str) -> str:
    """A box's lines as one paragraph, the ligatures as letters."""
    text = _LIGATURES.sub(lambda match: unicodedata.normalize("NFKC", match.group(0)), text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out = ""
    for line in filter(None, lines):
        out = _joined(out, line) if out else line
    return out


def _joined(before: str, after: str) -> str:
    """Two lines of one paragraph: a space between them, none after a word's hyphen ("well-" /
    "known")."""
    if re.search(r"\w-$", before) and re.match(r"\w", after):
        return before + after
    return f"{before} {after}"


def _runs_on(last: str, first: str) -> bool:
    """A page's first paragraph that goes on the sentence the page before left open."""
    return not _SENTENCE_END.search(last) and bool(re.match(r"[a-z]", first))


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
