"""Finds the files the package ships beside its code: the SQL schema, metadata.yml, samples/.

In a checkout (or an editable install) they sit at the top of the repository; a wheel carries
copies under ingest/_data/ (see pyproject.toml), so both places are tried, packaged copy first.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def _find(name: str) -> Path:
    for candidate in (PACKAGE_DIR / "_data" / name, REPO_DIR / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"cannot find {name!r} beside the ingest package")


def schema_dir() -> Path:
    return _find("schema")


def metadata_path() -> Path:
    return _find("metadata.yml")


def samples_dir() -> Path:
    return _find("samples")
