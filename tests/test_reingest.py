"""Re-running ingest on what the archive has already judged: nothing is extracted again unless
the bytes or the extracting code changed."""

import subprocess
import sys

from sqlite_utils import Database

from conftest import ARTICLE_TEXT, ingest_json


def test_a_failed_input_is_not_extracted_again_by_the_same_code(tmp_path, db_path):
    (tmp_path / "menu.html").write_text("<html><body><p>Menu</p></body></html>")
    code, first = ingest_json(tmp_path / "menu.html", "--db", db_path)
    assert (code, first["failed"]) == (1, 1)
    code, again = ingest_json(tmp_path / "menu.html", "--db", db_path)
    assert (code, again["failed"], again["unchanged"]) == (0, 0, 1)
    # After an upgrade of the extracting code the same bytes are tried again.
    db = Database(db_path)
    with db.conn:
        db.execute("UPDATE sources SET extractor = 'older code'")
    code, upgraded = ingest_json(tmp_path / "menu.html", "--db", db_path)
    assert (upgraded["failed"], upgraded["unchanged"]) == (1, 0)


def test_changed_bytes_are_extracted_again(tmp_path, db_path):
    page = tmp_path / "a.txt"
    page.write_text("Headline\n\n" + ARTICLE_TEXT)
    ingest_json(page, "--db", db_path)
    page.write_text("Another headline\n\n" + ARTICLE_TEXT.replace("forty", "fifty"))
    code, summary = ingest_json(page, "--db", db_path)
    assert (summary["stored"], summary["unchanged"]) == (1, 0)


def test_a_run_with_nothing_to_extract_does_not_import_the_extractors(tmp_path, db_path):
    page = tmp_path / "a.txt"
    page.write_text("Headline\n\n" + ARTICLE_TEXT)
    ingest_json(page, "--db", db_path)
    code = (
        "import sys\n"
        "from ingest.pipeline import run_ingest\n"
        f"summary = run_ingest([{str(page)!r}], {str(db_path)!r})\n"
        "assert summary.unchanged == 1, summary\n"
        "assert not {'trafilatura', 'courlan'} & set(sys.modules), 'extraction imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_known_bytes_are_only_hashed_not_decompressed_or_parsed(tmp_path):
    from ingest.read import InputFile, read_sources, sha256

    lines = tmp_path / "feed.jsonl"
    lines.write_bytes(b'{"title": "A"}\nnot json at all\n')
    asked = []

    def known(location, digest):
        asked.append(location)
        return location.endswith("#2")

    sources = list(read_sources(InputFile(lines, lines.stat().st_size), known=known))
    assert asked == [f"{lines}#1", f"{lines}#2"]
    assert sources[0].format == "record" and sources[0].raw and sources[0].error is None
    # The second line is known by its hash: never parsed, so its bad JSON is no error now.
    assert (sources[1].raw, sources[1].error, sources[1].raw_sha256) == (b"", None, sha256(b"not json at all"))

    broken = tmp_path / "page.html.gz"
    broken.write_bytes(b"\x1f\x8b not really gzip")
    (source,) = read_sources(InputFile(broken, broken.stat().st_size), known=lambda *_: True)
    assert source.error is None and source.raw == b""  # not decompressed
    (source,) = read_sources(InputFile(broken, broken.stat().st_size), known=lambda *_: False)
    assert source.error and "gzip" in source.error
