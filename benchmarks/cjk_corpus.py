"""A generated corpus (generate_corpus.py) with a share of its articles written as Japanese-like
text, for timing the search of Chinese and Japanese words (schema/0021) and what indexing them
costs: each English word becomes one to three CJK characters, the same ones every time it occurs
(so characters keep the frequencies of real words, common and rare), with a Hiragana particle
after some and 。 at each sentence's end, and no spaces. The text means nothing; what matters to
the index is that words run together as they do in Chinese and Japanese.

    python benchmarks/cjk_corpus.py benchmarks/out/corpus-10000.jsonl --share 0.5
    (writes benchmarks/out/corpus-10000-cjk50.jsonl)

and the CJK words to search for, by how many articles hold them, with --words DB.
"""

import argparse
import json
import random
import re
import sqlite3
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import table  # noqa: E402

HAN = [chr(code) for code in range(0x4E00, 0x4E00 + 2500)]
KATAKANA = [chr(code) for code in range(0x30A2, 0x30F3)]
PARTICLES = ("の", "に", "は", "を", "が", "と", "で", "も")
WORD = re.compile(r"[A-Za-z]+|\d+|[.!?]")


def cjk_word(word: str) -> str:
    """The same characters for a word every time: Han for words, Katakana for names."""
    rng = random.Random(zlib.crc32(word.lower().encode()))
    if word[0].isupper() and len(word) > 3:
        return "".join(rng.choice(KATAKANA) for _ in range(3 + len(word) % 2))
    return "".join(rng.choice(HAN) for _ in range(1 if len(word) <= 3 else 2 if len(word) <= 7 else 3))


def as_cjk(text: str, rng: random.Random) -> str:
    paragraphs = []
    for paragraph in text.split("\n\n"):
        out = []
        for token in WORD.findall(paragraph):
            if token in ".!?":
                out.append("。")
            elif token.isdigit():
                out.append(token)
            else:
                out.append(cjk_word(token) + (rng.choice(PARTICLES) if rng.random() < 0.3 else ""))
        paragraphs.append("".join(out))
    return "\n\n".join(paragraphs)


def convert(source: Path, share: float, out: Path) -> dict:
    counts = {"records": 0, "cjk": 0}
    with open(source, encoding="utf-8") as lines, open(out, "w", encoding="utf-8") as written:
        for index, line in enumerate(lines):
            record = json.loads(line)
            # chosen by the text, so that an exact duplicate of a record is converted alike
            rng = random.Random(zlib.crc32(record["body"][:200].encode()))
            if rng.random() < share:
                record["title"] = as_cjk(record["title"], rng)
                record["body"] = as_cjk(record["body"], rng)
                counts["cjk"] += 1
            counts["records"] += 1
            written.write(json.dumps(record, ensure_ascii=False) + "\n")
    return counts


def words_by_frequency(db: Path) -> list[dict]:
    """CJK words of 1, 2 and 3 characters to search for, taken from a sample of the archive's
    texts, each with how many articles hold it (the search's own count)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from ingest.search import add_query_functions, fts_expression

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    add_query_functions(conn)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    rng = random.Random(1)
    bodies = [body for (body,) in conn.execute("SELECT body FROM articles WHERE body GLOB '*[一-龥]*' LIMIT 300")]
    picked = []
    for length in (1, 2, 3):
        candidates = set()
        for body in bodies:
            runs = re.findall(r"[一-龥]{%d,}" % length, body)
            for run in rng.sample(runs, min(5, len(runs))):
                start = rng.randrange(len(run) - length + 1)
                candidates.add(run[start:start + length])
        counted = sorted((conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                       (fts_expression(word),)).fetchone()[0], word) for word in sorted(candidates))
        # the rarest, the middle one and the most common of the candidates
        for n, word in (counted[0], counted[len(counted) // 2], counted[-1]):
            picked.append({"q": word, "characters": length, "articles": n, "share": n / total})
    return picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--share", type=float, default=0.5, help="share of articles made CJK (default 0.5)")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--words", type=Path, help="an archive: print CJK words to search for, as JSON")
    args = parser.parse_args()
    if args.words:
        print(json.dumps(words_by_frequency(args.words), ensure_ascii=False))
        return
    out = args.out or args.corpus.with_name(f"{args.corpus.stem}-cjk{round(args.share * 100)}.jsonl")
    counts = convert(args.corpus, args.share, out)
    print(table(["records", "made CJK", "file MB"], [[counts["records"], counts["cjk"], out.stat().st_size / 1e6]],
                title=f"corpus {out.name}"))


if __name__ == "__main__":
    main()
