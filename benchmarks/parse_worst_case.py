"""Parsing time of the text parser on hostile inputs of growing size: does it stay linear?

A text file is whatever a user's scraper or copy-paste produced, and one file that takes
minutes holds up a worker for all of them. Each input below is a headline and one long
line of a shape that makes a careless regular expression try every position to the end of a
run (no space in it, an "@" after it, thousands of dates glued together), or thousands of
short lines that read as names. The table gives
the seconds for each size and the ratio of the largest to the smallest: about the size
ratio (4x) when parsing is linear, its square (16x) when it is quadratic.

    python benchmarks/parse_worst_case.py
    python benchmarks/parse_worst_case.py --sizes 20000 80000 320000
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.extract_text import extract_text  # noqa: E402

HEADLINE = "Harbor fees rise again\n\n"
_PARAGRAPH = ("The council met on Monday and approved the budget after a long debate about the harbor fees, "
              "the ferry timetable and the bridge repairs, the mayor said.\n\n")
SHAPES = {
    "one long word": lambda n: "a" * n,
    "a long word, then @": lambda n: "a" * n + "@",
    "separators, then @": lambda n: "Ann Lee" + " -" * (n // 2) + "@x",
    "dates glued (12/12/...)": lambda n: "12/" * (n // 3),
    "dates with spaces": lambda n: "12/1/2020 " * (n // 10),
    "hyphen-joined words": lambda n: "-".join(["word"] * (n // 5)),
    "underscore pairs": lambda n: "_a" * (n // 2),
    # and many short lines, which the byline rules read as lists and columns of names
    "lines of names": lambda n: "Ann Lee,\n" * (n // 9),
    "a column of name pieces": lambda n: "Ann\nLee\n,\n" * (n // 10),
    "lines in capitals": lambda n: "ANN LEE AND TOM PARK\n" * (n // 21),
    # a whole page's share bar, run long: every candidate byline line looked past it again
    "a run of buttons": lambda n: "Share\n" * (n // 6) + ("The dockers voted to end the strike after a ten-hour "
                                                         "meeting, the union said on Monday.\n") * 2,
    # Markdown's brackets and marks, run long on one line: a link pattern that looks for the
    # closing bracket from every "[" to the end of the run is quadratic
    "links in open brackets": lambda n: "[a [b](c) " * (n // 10),
    "open brackets": lambda n: "[" * n,
    "open brackets, then as many closed": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "open brackets before words": lambda n: "[a " * (n // 3),
    "lines opening a bracket": lambda n: "\n".join("[" + "word " * 10 for _ in range(n // 51)),
    "open brackets, then a link": lambda n: "[" * n + "(x)",
    "open brackets, then braces": lambda n: "[a" * (n // 2) + "]{.b}",
    "attribute braces unclosed": lambda n: "{#a .b" * (n // 6),
    "spaced attributes unclosed": lambda n: "x {#a" + " .b" * (n // 3),
    "a printed list unclosed": lambda n: "Authors: " + "['x', " * (n // 6),
    "a printed list, then a word": lambda n: "Authors: [" + "'x', " * (n // 5) + "y",
    "highlight marks": lambda n: "==" * (n // 2),
    "highlight words unclosed": lambda n: "==a " * (n // 4),
    "footnote marks unclosed": lambda n: "[^" * (n // 2),
    "footnote labels": lambda n: "a[^1]" * (n // 5),
    "fenced div marks": lambda n: ":" * n,
    "fenced div lines": lambda n: ":::\n" * (n // 4),
    "reference uses unclosed": lambda n: "[a][" * (n // 4),
    "reference uses nested": lambda n: "[[a]" * (n // 4) + "][b]",
    "touching links": lambda n: "[a](b)" * (n // 6) + "[C",
    "link targets unclosed": lambda n: "[a](" * (n // 4),
    "a reference link, then open brackets": lambda n: "[a][b] " + "[" * n,
    "image marks unclosed": lambda n: "![" * (n // 2),
    "emphasis marks unclosed": lambda n: "*a " * (n // 3),
    "underscore words unclosed": lambda n: "_a " * (n // 3),
    "double marks unclosed": lambda n: "**a " * (n // 4),
    "double underscores unclosed": lambda n: "__a " * (n // 4),
    "open braces": lambda n: "{" * n,
    "a long span before braces": lambda n: "[" + "x" * n + "]{#a",
    "callout marks": lambda n: "[!" * (n // 2),
    "labelled fields": lambda n: "Title: a\n" * (n // 9),
    "copyright lines": lambda n: "(c) 2020 a\n" * (n // 11),
    "stamps": lambda n: "Saved to x on 1 May 2020\n" * (n // 25),
    # a share bar's names, then a word that is none: 7 s a line of 24 in the first pattern
    "share buttons then a word": lambda n: ("twitter " * 30 + "harbour\n") * (n // 248),
    # credits run on: a credits line's second credit is looked for after its first
    "credits run on": lambda n: "Produced by Ann Lee" + ", Photographs by Sue Ray" * (n // 25),
    "lines of credits": lambda n: "Produced by Ann Lee and Tom Park, Photographs by Sue Ray, Video by Bo Kim\n" * (n // 74),
    # a reader's thanks on every line, and names whose letters run into kana
    "lines of thanks": lambda n: "Thank you for reading the Harbor Ledger\n" * (n // 40),
    "names run into kana": lambda n: "Ann Leeで Tom Parkを\n" * (n // 20),
    # a category line's word run long before a byline that fails: before b241ac4 the word was
    # cut into three "words" every way (cubic; 800 letters took 4-12 s)
    "a long category word before a byline": lambda n: "Posted in " + "a" * n + "! by Ann Lee",
    # one paragraph, then short lines (a list, a poem, notes), then a closing paragraph: before
    # stop 37 each short line looked for prose under it through every line below (quadratic)
    "short lines under one paragraph": lambda n: _PARAGRAPH + "".join(
        f"harbor ferry tide {k % 97}\n" for k in range(n // 20)) + "\n" + _PARAGRAPH,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 80000],
                        help="characters of the long line (default: 20000 80000)")
    parser.add_argument("--markdown", action="store_true", help="parse as Markdown, not plain text")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    print(f"| input | {' | '.join(f'{n:,} chars s' for n in sizes)} | largest / smallest |")
    print(f"|---|{'---|' * len(sizes)}---|")
    for name, make in SHAPES.items():
        seconds = []
        for n in sizes:
            text = HEADLINE + make(n)
            started = time.perf_counter()
            extract_text(text, markdown=args.markdown)
            seconds.append(time.perf_counter() - started)
        ratio = seconds[-1] / seconds[0] if seconds[0] else float("nan")
        print(f"| {name} | {' | '.join(f'{s:.3f}' for s in seconds)} | {ratio:.1f}x |")


if __name__ == "__main__":
    main()
