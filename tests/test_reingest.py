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
