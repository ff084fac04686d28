"""A page a browser printed or saved as PDF, and other PDFs with a text layer (ingest/pdf.py):
read as text, without what the print adds to every page. The browser's PDFs were printed by
Chromium from a page of ours (tests/data/pdf/README.md); the others are written here."""

import json
import re
from pathlib import Path

import pytest
from sqlite_utils import Database

from conftest import ingest_json, run_cli
from ingest.pdf import PdfError, _printers_line, pdf_text

PDFS = Path(__file__).parent / "data" / "pdf"
PARAGRAPHS = re.findall(r"<p>(On day .*?)</p>", (PDFS / "ferry-cut.html").read_text())
PRINTED_AT = "http://127.0.0.1:8765/ferry-cut.html"


def make_pdf(pages: list[list[tuple[int, int, str]]], title: str | None = None) -> bytes:
    """A PDF of our own: pages of (x, y, text) lines in Helvetica 11 pt on US Letter (612 x 792
    points, y from the bottom), with a document title when given."""
    def escaped(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: list = ["<</Type/Catalog/Pages 2 0 R>>", None,
                     "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"]
    kids = []
    for lines in pages:
        stream = "".join(f"BT /F1 11 Tf {x} {y} Td ({escaped(text)}) Tj ET\n" for x, y, text in lines).encode("cp1252")
        objects.append(f"<</Length {len(stream)}>>stream\n".encode() + stream + b"endstream")
        objects.append(f"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 3 0 R>>>>"
                       f"/Contents {len(objects)} 0 R>>")
        kids.append(len(objects))
    objects[1] = f"<</Type/Pages/Kids[{' '.join(f'{k} 0 R' for k in kids)}]/Count {len(kids)}>>"
    info = None
    if title:
        objects.append(f"<</Title({escaped(title)})>>")
        info = len(objects)
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + (body if isinstance(body, bytes) else body.encode("cp1252")) + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (f"trailer\n<</Size {len(objects) + 1}/Root 1 0 R{f'/Info {info} 0 R' if info else ''}>>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def test_a_browsers_print_is_read_as_its_story(tmp_path, db_path):
    # fail before: "binary file (a PDF)"; in a folder, passed over
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "ferry.pdf").write_bytes((PDFS / "ferry-printed.pdf").read_bytes())
    code, summary = ingest_json(folder, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT * FROM articles"))
    assert (article["title"], json.loads(article["authors"]), article["published"]) == (
        "Ferry service cut as harbour silts up", ["Ann Lee", "Tom Park"], "2024-03-05")
    assert article["url"] == PRINTED_AT  # from the print's footer
    # every paragraph whole, also those a page break cut, "well-known" kept; nothing the
    # browser printed in the margins (the time of printing, the page count, the address)
    assert article["body"].split("\n\n") == PARAGRAPHS
    assert not re.search(r"\d+/\d+/\d+, \d+:\d+|\b\d/\d\b|127\.0\.0\.1", article["body"])


def test_the_same_print_without_its_header_is_the_same_story(tmp_path, db_path):
    for name in ("ferry-printed.pdf", "ferry-no-header.pdf"):
        (tmp_path / name).write_bytes((PDFS / name).read_bytes())
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["duplicate"]) == (0, 1, 1), summary


def test_headers_footers_and_pages_of_a_pdf():
    header = [(40, 775, "3/5/24, 9:14 AM"), (300, 775, "Ferry cut")]
    footer = [(40, 20, "https://harborledger.example/2024/03/05/ferry-cut")]
    pages = [header + [(72, 700, "Ferry cut"), (72, 680, "By Ann Lee"),
                       (72, 650, "The harbour board voted on Monday night to cut the ferry service to two"),
                       (72, 636, "crossings a day until the channel is dredged, officials said on the")]
             + footer + [(560, 20, "1/2")],
             header + [(72, 700, "north quay, where the silt is worst."), (72, 670, "Crews said it came too late.")]
             + footer + [(560, 20, "2/2")]]
    found = pdf_text(make_pdf(pages, title="Ferry cut"))
    assert found.text.split("\n\n") == [
        "Ferry cut",  # near miss: the headline, the title's words but in the page, stays
        "By Ann Lee",
        "The harbour board voted on Monday night to cut the ferry service to two crossings a day until the "
        "channel is dredged, officials said on the north quay, where the silt is worst.",  # run on to page 2
        "Crews said it came too late."]
    assert (found.title, found.url) == ("Ferry cut", "https://harborledger.example/2024/03/05/ferry-cut")


@pytest.mark.parametrize("line, printers", [
    ("3/5/24, 9:14 AM", True), ("05/03/2024, 21:14", True), ("05.03.24, 21:14", True), ("2024-03-05 21:14", True),
    ("1/3", True), ("Page 2 of 3", True), ("Seite 2 von 3", True), ("https://harborledger.example/ferry", True),
    ("Ferry cut", True),  # the document's title
    # near misses: a story's line in the margin is kept
    ("March 5, 2024", False), ("By Ann Lee", False), ("See harborledger.example for times", False),
    ("1/3 of the fleet", False),
])
def test_what_a_browser_prints_in_the_margin(line, printers):
    assert _printers_line(line, "ferry cut") is printers


def test_a_story_line_in_the_margin_of_a_pdf_stays():
    # near miss: a page printed without margins puts its own lines where a header would be
    found = pdf_text(make_pdf([[(72, 780, "Harbour notes for March"), (72, 700, "The ferry runs twice a day now."),
                                (72, 10, "Ann Lee writes about the port.")]]))
    assert found.text.split("\n\n") == ["Harbour notes for March", "The ferry runs twice a day now.",
                                        "Ann Lee writes about the port."]


@pytest.mark.parametrize("data, error", [
    ((PDFS / "locked.pdf").read_bytes(), "a password-protected PDF"),
    (make_pdf([[]]), "no text in this PDF"),  # a scan: pictures of the page, no text layer
    # a font with no map from its glyphs to letters: pdfminer writes a code for each (here the
    # codes are the text itself, as pdfminer would write them)
    (make_pdf([[(72, 700, "(cid:51)(cid:72)(cid:85) (cid:85)(cid:76) (cid:89)(cid:72)(cid:85)")]]),
     "no readable text in this PDF"),
    ((PDFS / "ferry-printed.pdf").read_bytes()[:5000], "a damaged PDF, or one cut short"),
])
def test_a_pdf_with_no_text_to_give_fails_with_the_reason(tmp_path, db_path, data, error):
    with pytest.raises(PdfError):
        pdf_text(data)
    (tmp_path / "story.pdf").write_bytes(data)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["failed"]) == (1, 1), summary
    assert summary["failures"][0]["error"].startswith(error) and summary["failures"][0]["location"].endswith("story.pdf")


def test_a_pdf_under_another_name_is_read_as_one(tmp_path):
    path = tmp_path / "ferry.txt"  # a download saved with the wrong name
    path.write_bytes((PDFS / "ferry-no-header.pdf").read_bytes())
    result = run_cli("parse", path, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["title"] == "Ferry service cut as harbour silts up"


def test_an_address_or_title_the_browser_cut_short_in_the_margin():
    # fail before: Chromium's footer and Firefox's header elide a long address with "…" (and
    # Firefox a long title): the cut address became the article's url, an address that leads
    # nowhere, and the cut title stayed in the text on every page
    title = "Ferry to stop after twelve years as the harbour board counts its losses"
    cut_address = "https://harborledger.example/2024/12/02/ferry-to-stop-af…"

    def margins(number):
        return [(20, 775, title[:44] + "…"), (400, 775, cut_address), (20, 15, f"{number} of 2"),
                (520, 15, "12/2/24, 9:14 AM")]

    pages = [margins(1) + [(72, 700, "The harbour board voted on Monday night to end the ferry.")],
             margins(2) + [(72, 700, "The board will meet again in May.")]]
    found = pdf_text(make_pdf(pages, title=title))
    assert found.text.split("\n\n") == ["The harbour board voted on Monday night to end the ferry.",
                                        "The board will meet again in May."]
    assert found.url is None
    # near miss: the whole address is kept as the page's own
    whole = "https://harborledger.example/2024/12/02/ferry"
    found = pdf_text(make_pdf([[(400, 775, whole), (72, 700, "The board will meet again in May.")]], title=title))
    assert found.url == whole


@pytest.mark.parametrize("line, printers", [
    ("Ferry to stop after twelve years as the harb…", True),
    ("Ferry to stop after twelve years as the harb...", True),
    ("Ferry to stop…", False),  # near miss: too short a start to be the title's
    ("Ferry rides after twelve years…", False),  # near miss: not the title's start
])
def test_a_title_cut_short_in_the_margin(line, printers):
    assert _printers_line(line, "ferry to stop after twelve years as the harbour board counts its losses") is printers


def test_a_page_in_two_columns_is_read_column_by_column():
    # fail before: the boxes were sorted top to bottom across the page, so the columns'
    # paragraphs were interleaved (the left's first, the right's first, the left's second...),
    # and a sentence the column break cut stayed cut
    left = [(72, 700, "The harbour board voted on Monday"), (72, 686, "night to end the ferry service."),
            (72, 650, "Islanders said they had not been"), (72, 636, "told, and that the council")]
    right = [(330, 700, "would hear from them in May."), (330, 686, "The café by the pier will close."),
             (330, 650, "The board will meet again on"), (330, 636, "Thursday to set the last day.")]
    found = pdf_text(make_pdf([[(72, 740, "Ferry to end")] + left + right]))
    assert found.text.split("\n\n") == [
        "Ferry to end",
        "The harbour board voted on Monday night to end the ferry service.",
        "Islanders said they had not been told, and that the council would hear from them in May. "
        "The café by the pier will close.",  # joined across the column break
        "The board will meet again on Thursday to set the last day."]


def test_short_lines_of_a_page_in_one_column_keep_their_order():
    # near miss: narrow boxes one under another (short paragraphs, a byline with its date on
    # the right) are one column, read top to bottom
    lines = [(72, 700, "By Ann Lee"), (450, 700, "March 5, 2024"), (72, 660, "The ferry is late."),
             (72, 620, "Crews said so."), (90, 580, "A quote, set in a little."), (72, 540, "The end.")]
    assert pdf_text(make_pdf([lines])).text.split("\n\n") == [
        "By Ann Lee", "March 5, 2024", "The ferry is late.", "Crews said so.", "A quote, set in a little.", "The end."]


def test_a_line_every_page_repeats_at_its_top_or_bottom_is_left_out():
    # fail before: a site's name or notice repeated at the top or foot of each page (a page's
    # fixed header, which a browser prints on every page, or a report's running head) was kept
    # once a page, inside the story
    def page(number):
        return [(72, 745, "The Harbor Ledger"), (72, 700, f"Part {number} tells how the ferry stopped."),
                (72, 660, "Crews said so."), (72, 60, "© 2024 The Harbor Ledger · Subscribe")]

    assert pdf_text(make_pdf([page(1), page(2), page(3)])).text.split("\n\n") == [
        "Part 1 tells how the ferry stopped.", "Crews said so.", "Part 2 tells how the ferry stopped.", "Crews said so.",
        "Part 3 tells how the ferry stopped.", "Crews said so."]  # near miss: a line repeated inside the pages stays
    # near miss: a line at the top of one page only (the headline) stays
    assert pdf_text(make_pdf([[(72, 745, "The Harbor Ledger"), (72, 700, "Part one.")], [(72, 700, "Part two.")]])
                    ).text.split("\n\n") == ["The Harbor Ledger", "Part one.", "Part two."]
