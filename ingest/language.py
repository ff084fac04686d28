"""Language detection: py3langid's model, its inference done in numpy.

py3langid is a small n-gram classifier made for exactly this (97 languages, model shipped in
the package, no download), and it was the largest single cost of a record's ingest: 0.7 ms of
about 1.8 ms of worker time an article (benchmarks/README.md, stop 11). Of that, ~0.12 ms is
a Python loop (the walk of its byte automaton, one step per byte) and ~0.11 ms is converting
the rows of its float16 weight table to float32 for every text. Here the walk runs for all
bytes at once and each row of the table is converted once, which halves the cost of a
500-character sample; the model, the text encoding and the decision rule are the library's,
and the answer is its own (tests/test_language.py compares the two on texts in many scripts).

Why the walk can be vectorised: the automaton is an Aho-Corasick machine over the model's byte
n-grams, so its state after a byte is the longest suffix of the bytes read so far that begins
some n-gram: at most `depth` bytes (6 for py3langid 0.4's model). The state at byte i is
therefore the state reached from the start over the `depth` bytes ending at i, and `depth`
vector steps over all positions give every state.
"""

import functools
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (imported when a language is first asked for: a run of no text needs no numpy)
    import numpy as np

MAX_DEPTH = 12  # a deeper automaton means a different model: use the library as it is


class FastIdentifier:
    def __init__(self, identifier, depth: int | None = None):
        import numpy as np
        from py3langid.langid import RAW_FLOOR

        self.np = np
        self.nextmove = np.frombuffer(identifier.tk_nextmove, dtype=np.uint32)  # a view, no copy
        if self.nextmove.size != len(identifier.tk_nextmove):
            raise ValueError("unexpected automaton table type")
        self.rowbase = np.asarray(identifier._rowbase, dtype=np.int64)
        self.output = np.asarray(identifier.tk_output, dtype=np.int64)
        # The weights as float32, each row converted the first time a text has its feature
        # instead of ~330 rows for every text (numpy converts float16 at ~2.4 ns a value
        # here). np.zeros maps fresh pages, so only the rows written take memory: the
        # features of the languages the archive meets, not all 100,053 x 142 (57 MB).
        self.weights16 = identifier.nb_ptc
        self.weights = np.zeros(self.weights16.shape, dtype=np.float32)
        self.converted = np.zeros(len(self.weights16), dtype=bool)
        self.priors = identifier.nb_pc
        self.classes = identifier.nb_classes
        self.alias_pairs = identifier._alias_pairs
        self.floor = RAW_FLOOR
        self.encode = identifier._encode
        self.depth = depth or self._automaton_depth()
        if not 1 <= self.depth <= MAX_DEPTH:
            raise ValueError(f"automaton of depth {self.depth}")

    def _automaton_depth(self) -> int:
        """The longest shortest path from the start state: the longest n-gram it tracks."""
        np = self.np
        seen = np.zeros(len(self.rowbase), dtype=bool)
        seen[0] = True
        level, depth = np.array([0]), 0
        every_byte = np.arange(256)
        while depth <= MAX_DEPTH:
            reached = np.zeros(len(self.rowbase), dtype=bool)
            # A few thousand states at a time: a whole level at once (36,000 states x 256
            # bytes) would take 110 MB for a moment.
            for part in np.array_split(level, max(1, len(level) // 2048)):
                reached[self.nextmove[(self.rowbase[part][:, None] + every_byte).ravel()]] = True
            reached &= ~seen
            level = np.flatnonzero(reached)
            if not len(level):
                break
            seen |= reached
            depth += 1
        return depth

    def feature_counts(self, data: bytes) -> Counter:
        """What py3langid's visit_counts gives: each feature's count, in first-seen order."""
        np = self.np
        head, state = [], 0
        for byte in data[:self.depth - 1]:  # fewer than `depth` bytes before them: one by one
            state = int(self.nextmove[self.rowbase[state] + byte])
            head.append(state)
        states = np.array(head, dtype=np.int64)
        count = len(data) - self.depth + 1
        if count > 0:
            codes = np.frombuffer(data, dtype=np.uint8)
            tail = np.zeros(count, dtype=np.int64)
            for step in range(self.depth):
                tail = self.nextmove[self.rowbase[tail] + codes[step:step + count]]
            states = np.concatenate((states, tail))
        features = self.output[states]
        return Counter(features[features >= 0].tolist())

    def scores(self, text: str) -> "np.ndarray":
        """py3langid's raw naive-Bayes scores (norm_probs=False), aliased labels folded."""
        np = self.np
        visits = self.feature_counts(self.encode(text))
        if visits:
            ids = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
            counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
            new = ids[~self.converted[ids]]
            if len(new):
                self.weights[new] = self.weights16[new]
                self.converted[new] = True
            scores = np.log1p(counts) @ self.weights[ids] + self.priors
        else:
            scores = np.full(len(self.classes), self.floor, dtype=np.float32)
        for first, duplicate in self.alias_pairs:
            scores[first] = max(scores[first], scores[duplicate])
            scores[duplicate] = self.floor
        return scores

    def classify(self, text: str) -> str:
        return self.classes[int(self.scores(text).argmax())]


_classify = None


def classify(text: str) -> str:
    """The language of `text` (an ISO 639-1 code), as py3langid.classify gives it."""
    global _classify
    if _classify is None:
        try:
            _classify = load_cached().classify
        except Exception:  # noqa: BLE001 - whatever went wrong with the cache, the library still works
            # No cache to be had (read-only home, a damaged file, another model layout): the
            # library as shipped.
            from py3langid import langid

            identifier = langid._get_identifier()  # about a second
            try:
                _classify = FastIdentifier(identifier).classify
            except (AttributeError, TypeError, ValueError):
                _classify = lambda sample: identifier.classify(sample)[0]  # noqa: E731
    return _classify(text)


# --- the model, kept uncompressed on disk -------------------------------------------------------
#
# py3langid ships its model LZMA-compressed: every process that detects a language spends
# 0.5 s decompressing it, and 0.2 s more here finding the automaton's depth. Each ingest worker
# is such a process, so this was most of what a run of a few hundred pages spent beside
# extraction. The decompressed arrays and the depth are written once to the user's cache
# directory, one .npy file each, and the two large ones (the automaton, 39 MB, and the weights,
# 28 MB) are memory-mapped rather than read: a process reads only the pages its texts touch,
# and every worker shares them through the page cache. A first detection took 0.3 s reading
# them from a single .npz; mapped, the load takes 0.03 s and a first text 0.007 s (load 2.3).
# The folder is named after the library's version and a hash of its model file, so another
# model is never read from an old cache, and every install of one model shares one copy. (It
# was named after the file's size and modification time, which each install sets anew: every
# virtual environment and every upgrade left 67 MB more behind, 68 copies on one machine.)
# Writing a new copy removes the others, and temporaries a killed process left.

CACHE_ENV = "NEWS_ARCHIVE_CACHE"  # a folder for the cache, or "off" to keep none
_MAPPED = ("nextmove", "ptc")  # the large arrays; the rest are a few hundred KB


def cache_path():
    """Where the uncompressed model goes: $NEWS_ARCHIVE_CACHE, else the XDG cache folder."""
    import os
    from importlib.metadata import version
    from pathlib import Path

    from py3langid import langid

    folder = os.environ.get(CACHE_ENV)
    if folder == "off":
        return None
    if not folder:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-archive"
    model = langid.MODEL_DIR / langid.MODEL_FILE
    stat = model.stat()
    return Path(folder) / f"py3langid-{version('py3langid')}-{_digest(str(model), stat.st_size, stat.st_mtime_ns)}"


@functools.cache
def _digest(path: str, size: int, mtime_ns: int) -> str:
    """The start of the SHA-256 of a file (the 4.5 MB model: about 10 ms), once a process for
    each size and time it is seen with."""
    import hashlib

    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()[:16]


STALE_TEMPORARY = 3600  # s: a temporary folder this old was left by a process killed while writing


def _remove_other_copies(path) -> None:
    """Every other cache of the model in `path`'s folder: earlier versions' (folders, or the
    single .npz file of older ones), and temporaries left by a process killed mid-write."""
    import shutil
    import time

    for other in path.parent.iterdir():
        try:
            stale = other != path and (other.name.startswith("py3langid-") or (
                # (not another program's file, nor another worker's being written now)
                other.name.endswith(".tmp") and other.stat().st_mtime < time.time() - STALE_TEMPORARY))
            if stale and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
            elif stale:
                other.unlink(missing_ok=True)
        except OSError:  # removed meanwhile by another worker, or another user's
            pass


def load_cached() -> FastIdentifier:
    """The identifier from the cache, writing the cache first if there is none."""
    import os
    import shutil
    import tempfile

    import numpy as np
    from py3langid import langid

    path = cache_path()
    if path is None:
        raise OSError("cache turned off")
    if path.exists():
        data = {name: np.load(path / f"{name}.npy", mmap_mode="r" if name in _MAPPED else None,
                              allow_pickle=False)
                for name in ("ptc", "pc", "classes", "nextmove", "row", "output", "depth")}
        identifier = langid.LanguageIdentifier(
            data["ptc"], data["pc"], data["classes"].tolist(), data["nextmove"],
            data["output"].tolist(), tk_row=data["row"].tolist())
        return FastIdentifier(identifier, depth=int(data["depth"]))
    identifier = langid._get_identifier()
    fast = FastIdentifier(identifier)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written in a folder of another name and renamed: two workers starting at once both write
    # it, and neither may read the other's half-written files. The loser's rename fails (the
    # folder is there, not empty) and it uses what it built.
    temporary = tempfile.mkdtemp(dir=path.parent, suffix=".tmp")
    try:
        arrays = {"ptc": identifier.nb_ptc, "pc": identifier.nb_pc, "classes": np.array(identifier.nb_classes),
                  "nextmove": fast.nextmove, "row": np.asarray(identifier.tk_row, dtype=np.int64),
                  "output": fast.output, "depth": np.array(fast.depth)}
        for name, array in arrays.items():
            np.save(os.path.join(temporary, f"{name}.npy"), array, allow_pickle=False)
        os.rename(temporary, path)
    except OSError:
        if not path.exists():
            raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    _remove_other_copies(path)
    return fast
