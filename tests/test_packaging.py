"""A non-editable install (a wheel) carries the schema, metadata.yml and samples, and works
from any directory."""

import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
        capture_output=True, text=True,
    )
    if built.returncode != 0 and "No matching distribution found for hatchling" in built.stderr:
        pytest.skip("the build backend (hatchling) cannot be fetched from the package registry here")
    assert built.returncode == 0, built.stderr
    return next(out.glob("news_archive-*.whl"))


def test_wheel_carries_identical_schema_metadata_and_samples(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for sql in sorted((REPO / "schema").glob("*.sql")):
            assert archive.read(f"ingest/_data/schema/{sql.name}") == sql.read_bytes()
        assert archive.read("ingest/_data/metadata.yml") == (REPO / "metadata.yml").read_bytes()
        samples = [p for p in (REPO / "samples").rglob("*") if p.is_file()]
        for sample in samples:
            assert f"ingest/_data/samples/{sample.relative_to(REPO / 'samples')}" in names


def test_installed_wheel_ingests_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_text(
        "Lighthouse keeper retires\n\nAfter forty years the keeper of the Gannet Point light has "
        "retired, handing the keys to the coastal trust that will run it as a museum.")
    # PYTHONPATH puts the installed copy ahead of the checkout this test runs from.
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run([sys.executable, "-m", "ingest", "ingest", "story.txt", "--json"],
                         cwd=elsewhere, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["stored"] == 1
    where = subprocess.run([sys.executable, "-c", "import ingest.resources as r; print(r.schema_dir())"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.strip().startswith(str(target))


@pytest.mark.parametrize("module", ["ingest.cli", "ingest.store", "ingest.migrations", "ingest.search", "ingest.stats"])
def test_a_command_starts_without_importing_numpy(module):
    # sqlite-utils imports numpy (0.1 s) when it is installed; ingest/__init__.py keeps it out
    # of every command's start, or re-running an unchanged folder costs twice as long (stop 22:
    # the CLI came to reach sqlite-utils through migrations first, and 0.15 s became 0.3 s).
    found = subprocess.run([sys.executable, "-c", f"import sys, {module}; print('numpy' in sys.modules)"],
                           cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    assert found == "False"
