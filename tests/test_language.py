"""ingest/language.py: the vectorised automaton walk gives py3langid's own counts and answers."""

import random

import pytest

from ingest import language
from ingest.normalise import detect_language

SAMPLES = [
    "The council voted on Tuesday to close the old bridge for repairs until the spring.",
    "Le conseil municipal a voté mardi la fermeture du vieux pont jusqu'au printemps prochain.",
    "Der Stadtrat stimmte am Dienstag dafür, die alte Brücke bis zum Frühjahr zu sperren.",
    "El ayuntamiento votó el martes cerrar el puente viejo hasta la primavera para repararlo.",
    "Городской совет во вторник проголосовал за закрытие старого моста до весны.",
    "Το δημοτικό συμβούλιο ψήφισε την Τρίτη να κλείσει η παλιά γέφυρα μέχρι την άνοιξη.",
    "市议会周二投票决定关闭旧桥进行维修，直到明年春天。",
    "قرر المجلس البلدي يوم الثلاثاء إغلاق الجسر القديم حتى الربيع.",
    "Rain 🌧️ again — “fourteen” days in a row… at 5 °C, says the met office (!)",
]


def _random_texts(count: int, seed: int) -> list[str]:
    """Mixed scripts, punctuation, digits and white space: byte sequences no sample has."""
    rng = random.Random(seed)
    ranges = [(0x20, 0x7E), (0xC0, 0x17F), (0x370, 0x3FF), (0x400, 0x4FF), (0x4E00, 0x4FFF),
              (0x600, 0x6FF), (0x1F300, 0x1F5FF)]
    texts = []
    for _ in range(count):
        low, high = rng.choice(ranges)
        texts.append("".join(chr(rng.randint(low, high)) if rng.random() < 0.8 else rng.choice(" .,\n")
                             for _ in range(rng.randint(0, 700))))
    return texts


@pytest.fixture(scope="module")
def identifiers():
    from py3langid import langid

    library = langid._get_identifier()
    return library, language.FastIdentifier(library)


def test_the_model_automaton_is_shallow(identifiers):
    _, fast = identifiers
    assert 1 <= fast.depth <= language.MAX_DEPTH


@pytest.mark.parametrize("texts", [SAMPLES, [s * 8 for s in SAMPLES], _random_texts(300, seed=7)],
                         ids=["samples", "long samples", "random mixed scripts"])
def test_feature_counts_are_the_library_walks(identifiers, texts):
    from py3langid.langid import visit_counts

    library, fast = identifiers
    for text in texts + [text[:n] for text in texts[:3] for n in range(8)]:  # short ones too
        data = library._encode(text)
        expected = visit_counts(library.tk_nextmove, library._rowbase, library.tk_output, data)
        # Same features, same counts, same first-seen order (the order of the float sum).
        assert list((expected or {}).items()) == list(fast.feature_counts(data).items()), text


@pytest.mark.parametrize("texts", [[s * 4 for s in SAMPLES], _random_texts(100, seed=11)],
                         ids=["samples", "random mixed scripts"])
def test_scores_and_answers_are_py3langid_s(identifiers, texts):
    library, fast = identifiers
    for text in texts:
        assert fast.scores(text).tolist() == library._decide(text).tolist(), text
        assert language.classify(text) == library.classify(text)[0]


def test_the_samples_languages():
    assert [language.classify(s * 4) for s in SAMPLES[:6]] == ["en", "fr", "de", "es", "ru", "el"]


def test_detect_language_needs_a_few_sentences():
    assert detect_language("Too short to tell.") is None
    assert detect_language(SAMPLES[1] * 3) == "fr"


def test_another_model_layout_falls_back_to_the_library_s_classify(monkeypatch):
    def unexpected_layout(identifier):
        raise AttributeError("tk_nextmove")

    monkeypatch.setattr(language, "_classify", None)
    monkeypatch.setattr(language, "FastIdentifier", unexpected_layout)
    assert language.classify(SAMPLES[2] * 3) == "de"
    assert language._classify is not None  # the fallback is kept, not rebuilt on every call


def test_the_uncompressed_model_on_disk_gives_the_library_s_scores(identifiers, tmp_path, monkeypatch):
    library, _ = identifiers
    monkeypatch.setenv(language.CACHE_ENV, str(tmp_path))
    written = language.load_cached()  # no cache yet: made from the library's model, then saved
    assert [p.name.startswith("py3langid-") for p in tmp_path.iterdir()] == [True]  # no temporary left
    read = language.load_cached()  # read back from the file
    assert read.depth == written.depth
    for text in [s * 4 for s in SAMPLES] + _random_texts(100, seed=13):
        assert read.scores(text).tolist() == library._decide(text).tolist(), text


def test_a_damaged_or_refused_cache_falls_back_to_the_library(tmp_path, monkeypatch):
    monkeypatch.setenv(language.CACHE_ENV, "off")
    assert language.cache_path() is None
    with pytest.raises(OSError):
        language.load_cached()
    monkeypatch.setenv(language.CACHE_ENV, str(tmp_path))
    language.cache_path().write_bytes(b"not a model")
    monkeypatch.setattr(language, "_classify", None)
    assert language.classify(SAMPLES[1] * 4) == "fr"


def test_a_cache_written_at_the_same_moment_by_another_worker_is_kept(identifiers, tmp_path, monkeypatch):
    """Two workers starting together both build the cache; the second rename fails because the
    first one's folder is there. The second keeps its own model and leaves no temporary."""
    import os
    import shutil

    monkeypatch.setenv(language.CACHE_ENV, str(tmp_path))
    real_rename = os.rename

    def the_other_worker_won(source, target):
        shutil.copytree(source, target)
        monkeypatch.setattr(os, "rename", real_rename)
        raise OSError(39, "Directory not empty", str(target))

    monkeypatch.setattr(os, "rename", the_other_worker_won)
    ours = language.load_cached()
    assert [p.name.startswith("py3langid-") and p.is_dir() for p in tmp_path.iterdir()] == [True]
    theirs = language.load_cached()  # the winner's files, memory-mapped
    import numpy as np

    assert isinstance(theirs.weights16, np.memmap)  # read, not built
    for text in [s * 4 for s in SAMPLES]:
        assert theirs.scores(text).tolist() == ours.scores(text).tolist()


def test_the_single_file_cache_of_earlier_versions_is_removed(tmp_path, monkeypatch):
    monkeypatch.setenv(language.CACHE_ENV, str(tmp_path))
    old = tmp_path / "py3langid-0.4.0-1-2.npz"
    old.write_bytes(b"an earlier cache")
    language.load_cached()
    assert not old.exists()


def test_every_install_of_one_model_shares_one_cache_and_other_copies_are_removed(tmp_path, monkeypatch):
    # The cache was named after the model file's size and modification time, which every
    # install (a new virtual environment, an upgrade) sets anew: each left 67 MB behind, and
    # one machine held 68 copies (4.4 GB).
    import os
    import shutil
    import time

    from py3langid import langid

    monkeypatch.setenv(language.CACHE_ENV, str(tmp_path / "cache"))
    installed = language.cache_path()
    # another install of the same model: a copy of the file, written at another time
    other_install = tmp_path / "other-install"
    (other_install / langid.MODEL_FILE).parent.mkdir(parents=True)
    shutil.copy(langid.MODEL_DIR / langid.MODEL_FILE, other_install / langid.MODEL_FILE)
    os.utime(other_install / langid.MODEL_FILE, (time.time() - 86400, time.time() - 86400))
    monkeypatch.setattr(langid, "MODEL_DIR", other_install)
    assert language.cache_path() == installed
    # near-miss: another model (other bytes) gets a folder of its own
    (other_install / langid.MODEL_FILE).write_bytes(b"another model")
    assert language.cache_path() != installed
    monkeypatch.undo()
    monkeypatch.setenv(language.CACHE_ENV, str(tmp_path / "cache"))
    cache = tmp_path / "cache"
    cache.mkdir()
    for old in ("py3langid-0.4.0-4586720-1795937709591424672", "py3langid-0.3.0-0123456789abcdef"):
        (cache / old).mkdir()
        (cache / old / "ptc.npy").write_bytes(b"an earlier cache")
    (cache / "py3langid-0.4.0-1-2.npz").write_bytes(b"the single-file cache of earlier versions")
    killed, writing = cache / "tmpkilled.tmp", cache / "tmpwriting.tmp"
    killed.mkdir()
    writing.mkdir()
    os.utime(killed, (time.time() - 7200, time.time() - 7200))
    (cache / "notes.txt").write_text("not ours")
    language.load_cached()
    assert sorted(p.name for p in cache.iterdir()) == sorted([installed.name, "tmpwriting.tmp", "notes.txt"])
