"""A schema file run again over an archive that has what it makes changes nothing: SQLite has no
ADD COLUMN IF NOT EXISTS, so a column already there counts as the statement applied (as the
other files' CREATE ... IF NOT EXISTS do). Any other failure of a statement still fails."""

import sqlite3

import pytest

from ingest.migrations import _register


class _Db:  # what _register's migration is given: sqlite-utils' Database, of which it uses execute
    def __init__(self, conn):
        self.conn, self.execute = conn, conn.execute


def _registered(tmp_path, script: str):
    path = tmp_path / "0099_test.sql"
    path.write_text(script)
    applied = {}
    _register(lambda name: (lambda function: applied.setdefault(name, function)), path)
    return applied["0099_test"]


@pytest.mark.parametrize("script, fails", [
    # the column is there already: the file was applied
    ("ALTER TABLE notes ADD COLUMN said_by INTEGER;\n", False),
    # near miss: another statement that fails still fails
    ("ALTER TABLE missing ADD COLUMN said_by INTEGER;\n", True),
])
def test_a_schema_file_run_again_changes_nothing(tmp_path, script, fails):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, said_by INTEGER)")
    apply = _registered(tmp_path, script)
    if fails:
        with pytest.raises(sqlite3.OperationalError):
            apply(_Db(conn))
    else:
        apply(_Db(conn))
        assert [row[1] for row in conn.execute("PRAGMA table_info(notes)")] == ["id", "said_by"]
