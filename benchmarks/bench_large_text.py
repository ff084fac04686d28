"""Seconds to ingest one large plain-text or Markdown file (1, 5, 20 MB of generated prose):
does a single huge file stay linear, and does its progress move?

A user's export or a book-length clipping is one file; a rule that is quadratic in the text's
length (a look back over all lines before each one) made a 20 MB text take about 40 s. The
prose is generated here from a fixed seed (our own words, no page from ../shared): paragraphs
of sentences of varied length, with a headline, a byline, a date line and, for Markdown,
headings, lists, links and emphasis. The table gives the seconds for each size and the ratio
of the largest size's seconds to the smallest's, next to the size ratio (linear: about equal).

    python benchmarks/bench_large_text.py
    python benchmarks/bench_large_text.py --sizes 1 5 20 --kinds txt
"""

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from click.testing import CliRunner  # noqa: E402

from ingest.cli import cli  # noqa: E402

NOUNS = ("council", "harbor", "river", "school", "market", "bridge", "library", "ferry", "budget", "storm",
         "orchard", "union", "clinic", "railway", "festival", "court", "mayor", "farmer", "museum", "tunnel")
VERBS = ("approved", "delayed", "rebuilt", "questioned", "opened", "closed", "funded", "inspected",
         "praised", "criticised", "measured", "reported", "postponed", "expanded", "repaired")
ADJECTIVES = ("old", "northern", "quiet", "crowded", "new", "flooded", "narrow", "busy", "local", "disputed")
NAMES = ("Ada Moreno", "Tomas Beck", "Ines Okafor", "Lena Ward", "Omar Silva", "Ruth Kim", "Piet Vos")


SYLLABLES = ("ka", "lo", "mer", "dan", "ve", "tri", "sol", "ben", "ra", "quin", "ost", "fel", "mi", "gor")


def name(rng: random.Random) -> str:
    """A made-up proper name (a person's, a place's): thousands of distinct ones, as a long
    text has, where a few repeated would hide a rule that grows with the names seen."""
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(rng.randint(1, 2)))


def sentence(rng: random.Random) -> str:
    words = [rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(VERBS), "the", rng.choice(NOUNS)]
    while rng.random() < 0.7:
        words += [rng.choice(("and", "after", "while", "because", "near", "before")), "the",
                  rng.choice(ADJECTIVES), rng.choice(NOUNS)]
    roll = rng.random()
    if roll < 0.2:
        words.append(f"on {rng.randint(1, 28)} May {rng.randint(1990, 2025)}")
    elif roll < 0.3:
        words.append(f"in {name(rng)} ({rng.randint(2, 980)} km away, {rng.randint(1, 99)}%)")
    elif roll < 0.35:
        words.append(f"at {rng.randint(1, 12)}:{rng.randint(0, 59):02} pm \N{EM DASH} see www.{name(rng).split()[0].lower()}.org")
    if rng.random() < 0.15:
        words += ["said", rng.choice(NAMES) if rng.random() < 0.5 else name(rng)]
    text = " ".join(words) + rng.choice((".", ".", ".", "?", "!"))
    text = text[0].upper() + text[1:]
    if rng.random() < 0.1:
        text = f"\N{LEFT DOUBLE QUOTATION MARK}{text}\N{RIGHT DOUBLE QUOTATION MARK} {name(rng)} told reporters."
    return text


def prose(megabytes: float, markdown: bool, seed: int = 37) -> str:
    """About `megabytes` MB of varied generated prose, as a text or a Markdown file."""
    rng = random.Random(seed)
    parts = [("# " if markdown else "") + "The harbor council approves a new budget", "",
             f"By {rng.choice(NAMES)}", "12 March 2024", ""]
    size, target = 0, int(megabytes * 1_000_000)
    while size < target:
        roll = rng.random()
        if roll < 0.05:  # a subheading (a short line of its own in a text)
            block = ("## " if markdown else "") + sentence(rng).rstrip(".?!")[:60]
        elif roll < 0.1:
            block = "\n".join(("- " if markdown else "") + sentence(rng) for _ in range(rng.randint(2, 5)))
        elif roll < 0.13:  # a short line that reads like a name, a place or a byline
            block = rng.choice((name(rng), f"By {name(rng)}", f"{name(rng).upper()}, {rng.randint(1, 28)} June"))
        elif markdown and roll < 0.18:
            block = f"The *{rng.choice(NOUNS)}* report is [online](https://example.org/{rng.randint(1, 999)})."
        else:
            block = " ".join(sentence(rng) for _ in range(rng.randint(1, 7)))
        parts += [block, ""]
        size += len(block) + 1
    return "\n".join(parts)


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children (the workers)."""
    return sum(usage.ru_utime + usage.ru_stime for usage in
               (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def ingest_seconds(path: Path, db_path: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `news-archive ingest` of `path`: the CPU time tells
    the work done on a machine whose load makes the wall time wander."""
    started, cpu = time.perf_counter(), _cpu_seconds()
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db_path), "--json"])
    seconds = time.perf_counter() - started
    if result.exit_code != 0 or '"stored": 1' not in result.output:
        raise SystemExit(f"ingest of {path} did not store it: {result.output[-400:]}")
    return seconds, _cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[1, 5, 20], help="Sizes in MB.")
    parser.add_argument("--kinds", nargs="+", choices=("txt", "md"), default=["txt", "md"])
    parser.add_argument("--keep", metavar="FOLDER", help="Write the generated files here (for profiling).")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        where = Path(arguments.keep or folder)
        where.mkdir(parents=True, exist_ok=True)
        print("wall seconds (CPU seconds) to ingest one file of each size; the ratio is the largest's CPU "
              "seconds over the smallest's (linear: about the size ratio)")
        print(f"{'kind':<5} " + " ".join(f"{f'{size:g} MB':>18}" for size in arguments.sizes) + "   ratio (size ratio)")
        for kind in arguments.kinds:
            timings = []
            for size in arguments.sizes:
                path = where / f"prose-{size:g}mb.{kind}"
                path.write_text(prose(size, markdown=kind == "md"), encoding="utf-8")
                timings.append(ingest_seconds(path, Path(folder) / f"{kind}-{size:g}.db"))
            ratio = timings[-1][1] / timings[0][1] if timings[0][1] else float("nan")
            print(f"{kind:<5} " + " ".join(f"{f'{wall:.2f} ({cpu:.2f})':>18}" for wall, cpu in timings)
                  + f"   {ratio:.1f} ({arguments.sizes[-1] / arguments.sizes[0]:g})")


if __name__ == "__main__":
    main()
