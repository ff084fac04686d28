"""Generate N synthetic news articles as JSON Lines (the ingest command's record format).

Bodies are made of real sentences from the pages in ../shared/corpora, so words keep the
frequencies of real news text; nothing from those pages is stored in the repository, only
generated into benchmarks/out/. Each record: title, body, authors (1-3 from a pool of thousands),
published (over ten years), outlet (thousands, a few big and many small), url. Proper names
mentioned in the text come from a large pool with a long tail, as in real news, so rare terms
exist at every N. A known share of records are exact duplicates of an earlier one: half the same
line again (a re-fetched feed), half the same text under another outlet and URL (syndication).
With --edits, a share of the stories are written twice, as two versions of one story (the same
address, outlet and title; one sentence replaced and one added; each text with its `updated`
time), the second line a few hundred records after the first: half of them in the order they
were written, half the later version first (a later capture exported before an earlier one).
The same seed and N (and --edits) always give the same file.

    python benchmarks/generate_corpus.py --n 10000
    python benchmarks/generate_corpus.py --n 1000000 --out benchmarks/out/corpus-1m.jsonl
    python benchmarks/generate_corpus.py --n 300000 --edits 0.02   # 6,000 edited stories
"""

import argparse
import json
import random
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPORA, Timer, out_path, table  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")
OUTLET_KINDS = ("Herald", "Courier", "Gazette", "Times", "Post", "Tribune", "Ledger", "Observer",
                "Chronicle", "Review", "Journal", "News", "Sentinel", "Record", "Dispatch",
                "Monitor", "Standard", "Examiner", "Bulletin", "Star", "Mail", "Press")
SYLLABLES = ("ka", "lo", "mi", "ren", "tor", "vas", "bel", "dun", "fia", "gor", "han", "is",
             "jor", "kel", "lan", "mar", "nor", "osk", "pel", "quin", "ros", "sel", "tam", "ul",
             "ven", "wyn", "yar", "zel", "bri", "cal", "dre", "ett", "fen", "gil", "hol", "ind")
START = datetime(2015, 1, 1, tzinfo=timezone.utc)
SPAN_SECONDS = int(timedelta(days=3652).total_seconds())  # ten years


def corpus_sentences() -> list[str]:
    """Sentences of the corpora's hand-checked article texts (not their raw HTML)."""
    texts = []
    for name, field in (("scrapinghub_aeb", "body_text"), ("mozilla_readability", "expected_body_text")):
        folder = CORPORA / name
        for line in (folder / "ground_truth.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            value = row.get(field)
            if not isinstance(value, str) or row.get("likely_synthetic_fixture"):
                continue
            if value.endswith(".txt") and (folder / value).is_file():
                value = (folder / value).read_text(encoding="utf-8", errors="replace")
            texts.append(value)
    sentences = set()
    for text in texts:
        for paragraph in text.split("\n"):
            for sentence in SENTENCE_END.split(paragraph.strip()):
                words = sentence.split()
                if 5 <= len(words) <= 60:
                    sentences.add(" ".join(words))
    return sorted(sentences)  # sorted: the seed alone decides what is picked


def made_up_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def unique_names(rng: random.Random, count: int, make) -> list[str]:
    names: dict[str, str] = {}
    while len(names) < count:
        name = make()
        names.setdefault(re.sub(r"\W", "", name.lower()), name)
    return list(names.values())


def zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    """Cumulative weights of a Zipf law: a few outlets publish much, most publish little."""
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1 / rank ** exponent
        cumulative.append(total)
    return cumulative


def generate(n: int, seed: int, path: Path, duplicate_share: float, outlets: int, authors: int,
             people: int, edit_share: float = 0.0) -> dict:
    rng = random.Random(seed)
    sentences = corpus_sentences()
    lengths = [len(s.split()) for s in sentences]
    outlet_names = unique_names(rng, outlets, lambda: f"The {made_up_word(rng, 2)} {rng.choice(OUTLET_KINDS)}")
    outlet_weights = zipf_weights(outlets, 0.9)
    author_names = unique_names(rng, authors, lambda: f"{made_up_word(rng, 2)} {made_up_word(rng, rng.choice((2, 3)))}")
    person_names = unique_names(rng, people, lambda: made_up_word(rng, rng.choice((3, 4))))
    person_weights = zipf_weights(people, 1.1)
    seen_bodies: set[int] = set()
    originals: list[int] = []  # offsets of stored lines, to copy from
    counts = {"records": 0, "unique": 0, "same_line": 0, "syndicated": 0, "words": 0, "text_bytes": 0,
              "edited": 0, "later_first": 0}
    # (the record's index at which it is written, the record): the second texts of edited stories
    pending: list[tuple[int, dict]] = []
    with open(path, "w", encoding="utf-8") as out, open(path, "r", encoding="utf-8") as back:
        for index in range(n):
            if pending and pending[0][0] <= index:
                record = pending.pop(0)[1]
            elif originals and rng.random() < duplicate_share:
                out.flush()
                back.seek(rng.choice(originals))
                record = json.loads(back.readline())
                if rng.random() < 0.5:
                    counts["same_line"] += 1
                else:
                    counts["syndicated"] += 1
                    outlet = rng.choices(outlet_names, cum_weights=outlet_weights)[0]
                    record["outlet"] = outlet
                    record["url"] = _url(outlet, record["published"], record["title"], index)
            else:
                record = _article(rng, index, sentences, lengths, outlet_names, outlet_weights,
                                  author_names, person_names, person_weights, seen_bodies)
                counts["unique"] += 1
                counts["words"] += len(record["body"].split())
                originals.append(out.tell())
                if edit_share and rng.random() < edit_share:
                    record, second = _two_versions(rng, record, sentences)
                    pending.append((index + rng.randint(50, 500), second))
                    pending.sort(key=lambda due: due[0])
                    counts["edited"] += 1
                    counts["later_first"] += record["updated"] > second["updated"]
            line = json.dumps(record, ensure_ascii=False) + "\n"
            counts["text_bytes"] += len(record["title"].encode()) + len(record["body"].encode())
            out.write(line)
            counts["records"] += 1
    counts["sentences_in_pool"] = len(sentences)
    return counts


def _article(rng, index, sentences, lengths, outlet_names, outlet_weights, author_names,
             person_names, person_weights, seen_bodies) -> dict:
    while True:
        target = rng.randint(300, 1000)
        picked, words = [], 0
        while words < target:
            i = rng.randrange(len(sentences))
            picked.append(i)
            words += lengths[i]
        key = hash(tuple(picked))
        if key not in seen_bodies:  # bodies are unique by construction, duplicates are chosen
            seen_bodies.add(key)
            break
    mentioned = rng.choices(person_names, cum_weights=person_weights, k=rng.randint(1, 3))
    paragraphs, paragraph = [], []
    for position, i in enumerate(picked):
        sentence = sentences[i]
        if position % 7 == 3 and mentioned:
            sentence = f"{sentence[:-1] if sentence[-1] in '.!?' else sentence}, {mentioned.pop()} said."
        paragraph.append(sentence)
        if len(paragraph) >= rng.randint(2, 5):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    title_words = sentences[rng.randrange(len(sentences))].rstrip(".!?").split()[: rng.randint(6, 14)]
    published = (START + timedelta(seconds=rng.randrange(SPAN_SECONDS))).strftime("%Y-%m-%dT%H:%M:%SZ")
    outlet = rng.choices(outlet_names, cum_weights=outlet_weights)[0]
    title = " ".join(title_words)
    return {
        "title": title,
        "body": "\n\n".join(paragraphs),
        "authors": rng.sample(author_names, rng.choice((1, 1, 1, 2, 2, 3))),
        "published": published,
        "outlet": outlet,
        "url": _url(outlet, published, title, index),
    }


def _two_versions(rng, record: dict, sentences: list[str]) -> tuple[dict, dict]:
    """The record as the two texts of an edited story, each with its update time (a day and two
    days after publication): in the order written, or (half of them) the later text first."""
    published = datetime.fromisoformat(record["published"].replace("Z", "+00:00"))
    earlier = {**record, "updated": (published + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    paragraphs = record["body"].split("\n\n")
    at = rng.randrange(len(paragraphs))
    paragraphs[at] = " ".join([*SENTENCE_END.split(paragraphs[at])[:-1], rng.choice(sentences)])
    later = {**record, "body": "\n\n".join([*paragraphs, rng.choice(sentences)]),
             "updated": (published + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    return (later, earlier) if rng.random() < 0.5 else (earlier, later)


def _url(outlet: str, published: str, title: str, index: int) -> str:
    domain = re.sub(r"\W", "", outlet.lower().removeprefix("the ")) + ".example"
    slug = "-".join(re.findall(r"\w+", title.lower())[:6])
    return f"https://{domain}/{published[:4]}/{published[5:7]}/{slug}-{index}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="number of records (default 10,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="default benchmarks/out/corpus-N.jsonl")
    parser.add_argument("--duplicates", type=float, default=0.02, help="share of exact duplicates")
    parser.add_argument("--outlets", type=int, default=3000)
    parser.add_argument("--authors", type=int, default=8000)
    parser.add_argument("--people", type=int, default=200_000, help="proper names mentioned in texts")
    parser.add_argument("--edits", type=float, default=0.0,
                        help="share of stories written twice, as two versions of one story")
    args = parser.parse_args()
    path = args.out or out_path(f"corpus-{args.n}.jsonl")
    with Timer() as timer:
        counts = generate(args.n, args.seed, path, args.duplicates, args.outlets, args.authors, args.people,
                          args.edits)
    manifest = {**vars(args), "out": str(path), **counts, "file_bytes": path.stat().st_size,
                "seconds": round(timer.seconds, 1)}
    Path(str(path) + ".manifest.json").write_text(json.dumps(manifest, indent=1))
    print(table(["records", "unique", "same line again", "syndicated copy", "edited (later first)",
                 "mean words", "file MB", "seconds"],
                [[counts["records"], counts["unique"], counts["same_line"], counts["syndicated"],
                  f"{counts['edited']} ({counts['later_first']})",
                  counts["words"] / max(1, counts["unique"]), manifest["file_bytes"] / 1e6,
                  timer.seconds]], title=f"corpus {path.name} (seed {args.seed})"))


if __name__ == "__main__":
    main()
