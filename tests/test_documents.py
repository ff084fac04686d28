"""Word-processor documents (.docx, .odt): an article kept or received as a document, read as the
text of its paragraphs, its headings as headings, and its core properties (title, creator,
created) as weak hints (ingest/documents.py). Every document is built here, as a ZIP of XML
parts, its content invented."""

import io
import json
import zipfile

import pytest
from sqlite_utils import Database

from conftest import FERRY_HEADLINE as HEADLINE, FERRY_PARAGRAPHS as PARAGRAPHS, ingest_json
from ingest.documents import DocumentError, document_text, is_word_processor_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def zipped(parts: dict[str, str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def w_paragraph(text: str, style: str | None = None) -> str:
    properties = f"<w:pPr><w:pStyle w:val='{style}'/></w:pPr>" if style else ""
    return f"<w:p>{properties}<w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def docx(paragraphs: list[tuple[str, str | None]], core: dict | None = None,
         styles: dict | None = None) -> bytes:
    """paragraphs: (text, style id); styles: style id -> style name (styles.xml)."""
    styles = {"Heading1": "heading 1", "Title": "Title", "Quote": "Quote"} if styles is None else styles
    body = "".join(w_paragraph(text, style) for text, style in paragraphs)
    parts = {
        "[Content_Types].xml": "<?xml version='1.0'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>",
        "word/document.xml": f"<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='{W}'><w:body>{body}"
                             "<w:sectPr/></w:body></w:document>",
        "word/styles.xml": f"<?xml version='1.0'?><w:styles xmlns:w='{W}'>" + "".join(
            f"<w:style w:type='paragraph' w:styleId='{key}'><w:name w:val='{name}'/></w:style>"
            for key, name in styles.items()) + "</w:styles>",
    }
    if core is not None:
        parts["docProps/core.xml"] = (
            "<?xml version='1.0'?><cp:coreProperties xmlns:cp='http://schemas.openxmlformats.org/package/2006/"
            "metadata/core-properties' xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:dcterms='http://purl.org/"
            "dc/terms/' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>"
            + "".join(f"<{tag}>{value}</{tag}>" if tag != "dcterms:created" else
                      f"<{tag} xsi:type='dcterms:W3CDTF'>{value}</{tag}>" for tag, value in core.items())
            + "</cp:coreProperties>")
    return zipped(parts)


ODF_NAMESPACES = ("xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0' "
                  "xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0' "
                  "xmlns:style='urn:oasis:names:tc:opendocument:xmlns:style:1.0' "
                  "xmlns:meta='urn:oasis:names:tc:opendocument:xmlns:meta:1.0' "
                  "xmlns:dc='http://purl.org/dc/elements/1.1/'")


def odt(body: str, meta: dict | None = None, styles: str = "") -> bytes:
    parts = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": f"<?xml version='1.0' encoding='UTF-8'?><office:document-content {ODF_NAMESPACES}>"
                       f"<office:automatic-styles>{styles}</office:automatic-styles>"
                       f"<office:body><office:text>{body}</office:text></office:body></office:document-content>",
    }
    if meta is not None:
        parts["meta.xml"] = (f"<?xml version='1.0'?><office:document-meta {ODF_NAMESPACES}><office:meta>"
                             + "".join(f"<{tag}>{value}</{tag}>" for tag, value in meta.items())
                             + "</office:meta></office:document-meta>")
    return zipped(parts)


ARTICLE_DOCX = docx([(HEADLINE, "Heading1"), ("By Ann Lee", None), *((p, None) for p in PARAGRAPHS)],
                    core={"dc:title": "Ferry draft 3", "dc:creator": "Tom Reyes", "dcterms:created": "2024-03-05T07:30:00Z"})
ARTICLE_ODT = odt(f"<text:h text:outline-level='1'>{HEADLINE}</text:h><text:p>By Ann Lee</text:p>"
                  + "".join(f"<text:p>{p}</text:p>" for p in PARAGRAPHS),
                  meta={"dc:title": "Ferry draft 3", "meta:initial-creator": "Tom Reyes",
                        "meta:creation-date": "2024-03-05T07:30:00"})


def stored(db_path) -> list[dict]:
    rows = Database(db_path).query(
        "SELECT a.title, a.authors, a.published, a.body, a.title_source, a.authors_source, a.published_source"
        " FROM articles a ORDER BY a.id")
    return [{**row, "authors": json.loads(row["authors"])} for row in rows]


@pytest.mark.parametrize("name, data, provenance", [
    ("ferry.docx", ARTICLE_DOCX, "docx"),
    ("ferry.odt", ARTICLE_ODT, "odt"),
])
def test_an_article_kept_as_a_document_is_read_as_its_text(tmp_path, db_path, name, data, provenance):
    # fail before: "binary file (a ZIP archive, or a Word or Excel file)"; in a folder, passed over
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary
    [article] = stored(db_path)
    # the document's own heading and byline beat its properties (a draft's file title, the
    # account that made the file); its day of creation is taken where the text gives none
    assert (article["title"], article["authors"]) == (HEADLINE, ["Ann Lee"])
    assert (article["title_source"], article["authors_source"]) == ("heading", "byline")
    assert (article["published"], article["published_source"]) == ("2024-03-05T07:30:00+00:00" if name.endswith("x")
                                                                   else "2024-03-05T07:30:00", provenance)
    assert article["body"].split("\n\n") == PARAGRAPHS


def test_a_document_stored_without_compression_keeps_its_zips_own_nul_bytes(tmp_path, db_path):
    # A ZIP's headers hold NUL bytes; with its parts stored uncompressed, its first bytes are
    # mostly text, as a text with a few stray NULs is, and taking those out broke the archive.
    paragraphs = [f"{p} Item {n}." for n in range(12) for p in PARAGRAPHS]
    body = "".join(w_paragraph(p) for p in paragraphs)
    data = zipped({"word/document.xml": f"<w:document xmlns:w='{W}'><w:body>{body}</w:body></w:document>"},
                  zipfile.ZIP_STORED)
    (tmp_path / "stored.docx").write_bytes(data)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary


def test_a_documents_properties_are_hints_where_its_text_says_nothing():
    found = document_text(docx([(p, None) for p in PARAGRAPHS],
                               core={"dc:title": HEADLINE, "dc:creator": "Ann Lee", "dcterms:created": "2024-03-05T07:30:00Z"}))
    assert found.hints == {"title": HEADLINE, "authors": ["Ann Lee"], "published": "2024-03-05T07:30:00Z"}
    assert found.provenance == "docx"
    assert found.text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("creator", ["Microsoft Office User", "Windows User", "admin", ""])
def test_a_computers_account_is_no_writer(creator):
    # near miss of the creator's hint: the name of the account the file was made on
    found = document_text(docx([(p, None) for p in PARAGRAPHS], core={"dc:creator": creator}))
    assert "authors" not in found.hints


@pytest.mark.parametrize("styles, style, heading", [
    ({"Heading1": "heading 1"}, "Heading1", True),
    ({"berschrift1": "heading 1"}, "berschrift1", True),  # a localised Word names its style ids so
    ({"Title": "Title"}, "Title", True),
    ({"Quote": "Quote"}, "Quote", False),  # near miss: a styled paragraph is no heading
    ({}, None, False),
    ({}, "Heading1", True),  # a document whose styles.xml does not define it: its style's id tells
    ({"Heading1": "Body Text"}, "Heading1", False),  # near miss: the id defined as another style's
])
def test_a_heading_is_told_by_its_styles_name(styles, style, heading):
    found = document_text(docx([(HEADLINE, style), *((p, None) for p in PARAGRAPHS)], styles=styles))
    assert found.text.startswith(f"# {HEADLINE}\n\n" if heading else f"{HEADLINE}\n\n")


def test_line_breaks_tabs_and_tables_of_a_word_document():
    body = (f"<w:p><w:r><w:t>PORT ELLIS</w:t></w:r><w:r><w:br/><w:t>Tuesday</w:t><w:tab/><w:t>10 a.m.</w:t></w:r></w:p>"
            f"<w:tbl><w:tr><w:tc>{w_paragraph('Crossings')}</w:tc><w:tc>{w_paragraph('Two a day')}</w:tc></w:tr></w:tbl>"
            "<w:p><w:r><w:delText>a deleted sentence</w:delText></w:r><w:ins><w:r><w:t>an inserted one</w:t></w:r></w:ins></w:p>")
    data = zipped({"word/document.xml": f"<w:document xmlns:w='{W}'><w:body>{body}</w:body></w:document>"})
    assert document_text(data).text == "PORT ELLIS\nTuesday 10 a.m.\n\nCrossings\n\nTwo a day\n\nan inserted one"


def test_an_odt_title_styled_paragraph_lists_and_spaces():
    styles = "<style:style style:name='P1' style:parent-style-name='Title'/>"
    body = (f"<text:p text:style-name='P1'>{HEADLINE}</text:p>"
            "<text:p>Two<text:s text:c='2'/>crossings<text:line-break/>a day<text:note><text:note-body>"
            "<text:p>A footnote.</text:p></text:note-body></text:note>.</text:p>"
            "<text:list><text:list-item><text:p>Fuel</text:p></text:list-item></text:list>")
    assert document_text(odt(body, styles=styles)).text == f"# {HEADLINE}\n\nTwo crossings\na day.\n\nFuel"


@pytest.mark.parametrize("name, data, error", [
    ("cut.docx", ARTICLE_DOCX[: len(ARTICLE_DOCX) // 2], "a damaged document: not a ZIP archive"),
    ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     "an encrypted Word document, or an old one (.doc) renamed"),
    ("other.odt", zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
     "a ZIP archive that is no Word (.docx) or OpenDocument (.odt) text"),
    ("bad.docx", zipped({"word/document.xml": "<w:document><w:body>"}), "a damaged document: word/document.xml is not well-formed"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an old Word document (.doc), which is not read"),
])
def test_a_damaged_document_fails_by_name_and_the_run_goes_on(tmp_path, db_path, name, data, error):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z-good.odt").write_bytes(ARTICLE_ODT)
    code, summary = ingest_json(tmp_path / name, tmp_path / "z-good.odt", "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 1, 1), summary
    [failure] = summary["failures"]
    assert failure["location"].endswith(name)
    assert failure["error"].startswith(error), failure


def test_the_lock_file_word_keeps_beside_an_open_document_is_passed_over(tmp_path, db_path):
    (tmp_path / "ferry.docx").write_bytes(ARTICLE_DOCX)
    (tmp_path / "~$ferry.docx").write_bytes(b"\x08Ann Lee" + bytes(154))  # fail before: a damaged document
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 1, 0), summary


def test_a_document_without_its_extension_is_read_as_one(tmp_path, db_path):
    (tmp_path / "ferry story").write_bytes(ARTICLE_DOCX)
    code, summary = ingest_json(tmp_path / "ferry story", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    # near miss: a ZIP of something else under no extension still fails as one
    (tmp_path / "photos").write_bytes(zipped({"a.txt": "x"}))
    code, summary = ingest_json(tmp_path / "photos", "--db", db_path)
    assert summary["failures"][0]["error"].startswith("binary file (a ZIP archive"), summary


def test_the_document_error_is_a_value_error():
    with pytest.raises(DocumentError):
        document_text(b"PK\x03\x04 not really")


@pytest.mark.parametrize("name, document", [("holloway.docx", ARTICLE_DOCX), ("holloway.odt", ARTICLE_ODT)])
def test_a_document_made_large_by_its_pictures_is_read_for_its_text(tmp_path, db_path, name, document):
    # A draft with its photographs runs past 32 MB: it failed whole as "too large for one
    # article ... many records belong in JSON Lines", its few hundred words of text unread.
    with zipfile.ZipFile(io.BytesIO(document)) as small, zipfile.ZipFile(tmp_path / name, "w") as large:
        for info in small.infolist():
            large.writestr(info, small.read(info))
        large.writestr("media/photo1.jpeg", bytes(33 * 2**20))  # stored, not compressed: 33 MB on disk
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert Database(db_path).execute("SELECT title FROM articles").fetchone()[0] == HEADLINE
    code, again = ingest_json(tmp_path / name, "--rehash", "--db", db_path)
    assert (code, again["unchanged"]) == (0, 1), again


def test_a_docx_whose_main_part_has_another_name_is_read(tmp_path, db_path):
    # Word for the web saves its text as word/document2.xml, named in _rels/.rels as the main
    # part: such a file failed as "a ZIP archive that is no Word (.docx) or OpenDocument text"
    # (python-docx2txt issue 16 tells of it).
    with zipfile.ZipFile(io.BytesIO(ARTICLE_DOCX)) as archive:
        parts = {name: archive.read(name).decode() for name in archive.namelist()}
    parts["word/document2.xml"] = parts.pop("word/document.xml")
    parts["_rels/.rels"] = (
        "<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
        "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "officeDocument' Target='word/document2.xml'/></Relationships>")
    (tmp_path / "online.docx").write_bytes(zipped(parts))
    (tmp_path / "online-no-extension").write_bytes(zipped(parts))
    code, summary = ingest_json(tmp_path / "online.docx", tmp_path / "online-no-extension", "--db", db_path)
    assert (code, summary["stored"], summary["duplicate"]) == (0, 1, 1), summary
    assert Database(db_path).execute("SELECT title FROM articles").fetchone()[0] == HEADLINE
    # near miss: a spreadsheet's main part (xl/workbook.xml) is no document
    sheet = {"_rels/.rels": parts["_rels/.rels"].replace("word/document2.xml", "xl/workbook.xml"),
             "xl/workbook.xml": "<workbook/>"}
    assert not is_word_processor_document(zipped(sheet))


@pytest.mark.parametrize("name, data", [
    ("ferry.docx", ARTICLE_DOCX),
    ("ferry.odt", ARTICLE_ODT),
    ("ferry.pdf", None),  # a page printed to PDF (tests/test_pdf.py's make_pdf)
])
def test_a_sidecar_beside_a_document_or_a_pdf_gives_its_metadata(tmp_path, db_path, name, data):
    """Fails before: NAME.json beside NAME.docx, .odt or .pdf was read as a record file of its own,
    failing ("no article text found", exit status 1), and the article went without the outlet,
    address and date it gave. Near miss: a sidecar that is no JSON fails the document, saying so."""
    if data is None:
        from test_pdf import make_pdf

        data = make_pdf([[(72, 700 - 16 * n, line) for n, line in enumerate([HEADLINE, "", *PARAGRAPHS])]])
    (tmp_path / name).write_bytes(data)
    sidecar = tmp_path / "ferry.json"
    sidecar.write_text(json.dumps({"outlet": "The Quay Courier", "url": "https://quaycourier.example/ferry",
                                   "published": "2024-03-09"}))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["seen"], summary["stored"], summary["failed"]) == (0, 1, 1, 0), summary
    [article] = Database(db_path).query(
        "SELECT o.name AS outlet, a.url, a.published, a.published_source FROM articles a JOIN outlets o ON o.id = a.outlet_id")
    assert article == {"outlet": "The Quay Courier", "url": "https://quaycourier.example/ferry",
                       "published": "2024-03-09", "published_source": "override"}
    sidecar.write_text('{"outlet": ')
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, [f["location"] for f in summary["failures"]]) == (1, [str(tmp_path / name)])
    assert summary["failures"][0]["error"].startswith("bad sidecar ferry.json")
