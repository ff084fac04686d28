"""The README's commands are what CI runs, and its examples print what it shows."""

import re
import shlex
import subprocess
import sys

import pytest
from conftest import REPO, run_cli


def readme_command(marker: str) -> str:
    text = (REPO / "README.md").read_text()
    match = re.search(rf"<!-- {marker} -->\s*```bash\n(.+?)\n```", text, re.S)
    assert match, f"README has no {marker} block"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command_verbatim():
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert readme_command("test-command") in ci_lines


def test_run_command_installs_and_ingests_the_samples():
    command = readme_command("run-command")
    assert "pip install ." in command and "news-archive" in command


# --- the README's examples, run on the bundled samples ------------------------------------------

@pytest.fixture(scope="module")
def samples_archive(tmp_path_factory):
    """`news-archive ingest samples/` into archive.db in a folder of its own, and what it printed."""
    folder = tmp_path_factory.mktemp("readme")
    result = run_cli("ingest", REPO / "samples", "--db", folder / "archive.db", "--workers", "1")
    assert result.exit_code == 0, result.output
    return folder, result.stdout


def readme_blocks(opening: str) -> list[str]:
    text = (REPO / "README.md").read_text()
    return re.findall(rf"```\w*\n({re.escape(opening)}.*?)\n```", text, re.S)


def test_the_ingest_summary_shown_is_the_one_the_samples_give(samples_archive):
    # "What ingest prints" explains a summary line: it must be the one a user sees.
    shown = readme_blocks("40 inputs in")
    assert len(shown) == 1
    counts = lambda line: re.sub(r" in [\d.]+s:", ":", line.split(" -> ")[0])  # noqa: E731
    assert counts(samples_archive[1].strip()) == counts(shown[0])


def test_the_sql_example_runs_and_finds_articles(samples_archive):
    # The one SQL example given for the file itself, run as written from the archive's folder.
    folder, _ = samples_archive
    [block] = readme_blocks("sqlite-utils archive.db")
    arguments = shlex.split(block)
    assert arguments[0] == "sqlite-utils"
    result = subprocess.run([sys.executable, "-m", "sqlite_utils", *arguments[1:]], cwd=folder,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    header, rule, *rows = result.stdout.splitlines()
    assert header.split() == ["id", "title", "outlet", "published"] and len(rows) == 5


def using_it_commands() -> list[list[str]]:
    """The `news-archive ...` lines of the README's "Using it" block, as arguments (comments cut)."""
    text = (REPO / "README.md").read_text()
    block = re.search(r"## Using it\n.*?```bash\n(.+?)\n```", text, re.S).group(1)
    return [shlex.split(line, comments=True)[1:] for line in block.splitlines()
            if line.startswith("news-archive ")]


@pytest.mark.parametrize("arguments", [a for a in using_it_commands() if a[0] != "ingest"],
                         ids=lambda a: " ".join(a)[:40])
def test_each_reading_example_of_using_it_runs_on_the_samples(samples_archive, arguments,
                                                               monkeypatch):
    # The searches, stats, optimize, reparse and parse lines run as written (with --db where
    # the README relies on the default archive.db), from the repository root as the README says.
    folder, _ = samples_archive
    monkeypatch.chdir(REPO)
    db = [] if arguments[0] == "parse" else ["--db", folder / "archive.db"]
    result = run_cli(*arguments, *db)
    assert result.exit_code == 0, result.output
    if arguments[0] == "search":
        assert "No articles match." not in result.output


def test_every_extension_ingest_reads_is_named_in_the_readme_and_in_ingest_help():
    # The formats list fell behind the code (.xhtml, .ndjson... were read but named nowhere).
    from ingest.read import ARTICLE_EXTENSIONS
    text = (REPO / "README.md").read_text()
    formats = text[text.index("## Formats"):text.index("## When something goes wrong")]
    help_text = " ".join(run_cli("ingest", "--help").output.split())
    for extension in ARTICLE_EXTENSIONS:
        assert f"`{extension}`" in formats, f"README's Formats does not name {extension}"
        assert re.search(rf"{re.escape(extension)}\b(?![.\w])", help_text), \
            f"ingest --help does not name {extension}"


# --- the JSON API's example consumer -----------------------------------------------------------

def test_the_example_consumer_runs_against_the_samples(samples_archive, monkeypatch, capsys):
    """The README's Python consumer, run as written against the served samples: every URL it asks
    (the first ones and each next_url it follows) answers 200, and it prints the hits."""
    import io
    import urllib.request

    from conftest import served_from

    [block] = re.findall(r"<!-- api-example -->\s*```python\n(.+?)\n```", (REPO / "README.md").read_text(), re.S)
    folder, _ = samples_archive
    asked = []
    with served_from(folder / "archive.db") as get:
        def urlopen(url):
            path = re.sub(r"^http://(127\.0\.0\.1:8001|localhost)", "", url)
            answer = get(path)
            asked.append((path, answer.status_code))
            assert answer.status_code == 200, (path, answer.text[:300])
            return io.BytesIO(answer.content)

        monkeypatch.setattr(urllib.request, "urlopen", urlopen)
        exec(compile(block, "README.md", "exec"), {"__name__": "readme_example"})
    printed = capsys.readouterr().out.splitlines()
    hits = int(printed[-1].split()[0])
    assert hits >= 1 and len(printed) == hits + 1 and "; the newest article id about a strike: " in printed[-1]
    assert int(printed[-1].rsplit(" ", 1)[1]) > 0
    assert all(status == 200 for _, status in asked) and len(asked) >= 2


def test_the_database_section_names_every_table_and_the_columns_a_first_query_needs(samples_archive):
    # A first SQL query (select path from sources; select outlet from articles) met names the
    # README never gave: it said "path" and "outlet" for location and outlet_id, and never named
    # the article_list view, which has the outlet's name joined in.
    import sqlite3

    folder, _ = samples_archive
    section = (REPO / "README.md").read_text().split("## The database", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            _, named, said, *_ = line.split("|")
            for table in re.findall(r"`(\w+)`", named):
                rows[table] = said
    named_anywhere = set(re.findall(r"`(\w+)`", section))
    with sqlite3.connect(folder / "archive.db") as db:
        shown = [name for (name,) in db.execute("select name from sqlite_master where type in ('table', 'view')")
                 if not name.startswith(("sqlite_", "_sqlite_", "articles_fts_"))]
        assert [name for name in shown if name not in named_anywhere] == []
        for table in ("articles", "article_list", "outlets", "authors", "article_authors", "sources"):
            columns = [row[1] for row in db.execute(f"pragma table_xinfo({table})")]
            assert [c for c in columns if f"`{c}`" not in rows[table]] == [], table
