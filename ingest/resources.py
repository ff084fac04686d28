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


def load_metadata() -> dict:
    """metadata.yml, parsed by libyaml where PyYAML was built with it (8 ms; its parser written in
    Python takes 100 ms over this file, which each `news-archive search` and each start of the
    server paid), the same safe loading either way."""
    import yaml  # (only the server and the search command read metadata.yml: 17 ms off every other)

    with open(metadata_path(), encoding="utf-8") as file:
        return yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
