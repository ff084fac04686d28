"""How the text parser's figures on the development set (benchmarks/text_accuracy.py) hold when
the texts change in ways real copies of pages differ from our three converters' output.

Rules fitted to the tuning texts may lean on details of those texts (a link kept, a blank line
between blocks, the byline three lines under the headline). Each variant below changes one such
detail on every text and scores it again, on the tuning half by default, so that a rule can be
made robust without looking at held-out pages:

- as-is: the converted texts unchanged (the figures text_accuracy.py gives);
- no-links: links reduced to their text and images dropped, as a converter or a copy that keeps
  no link targets writes them;
- share-bar: a bar of 36 share buttons (Facebook, Twitter, ...) as list items under the first
  heading, as many pages set between the headline and the byline;
- no-blank-lines: one line break between blocks, as a copy from a browser often has.

    python benchmarks/text_robustness.py
    python benchmarks/text_robustness.py --variant share-bar --show-misses
"""

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import text_accuracy as accuracy  # noqa: E402

SHARE_BUTTONS = ["Share", "Facebook", "Twitter", "LinkedIn", "Email", "Print", "WhatsApp", "Reddit",
                 "Pinterest", "Comments", "Save", "Flipboard"] * 3


def no_links(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


def share_bar(text: str) -> str:
    bar = "\n".join(f"* {button}" for button in SHARE_BUTTONS)
    return re.sub(r"(?m)^(#\s.*)$", lambda m: f"{m.group(1)}\n\n{bar}\n", text, count=1)


def no_blank_lines(text: str) -> str:
    return re.sub(r"\n\s*\n+", "\n", text)


VARIANTS = {"as-is": lambda text: text, "no-links": no_links, "share-bar": share_bar,
            "no-blank-lines": no_blank_lines}
ROWS = (("title", "title_ok", "title_n"), ("author precision", "precision_ok", "precision_n"),
        ("author recall", "recall_ok", "recall_n"), ("date", "date_ok", "date_n"),
        ("invented", "invented", "returned"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=accuracy.CORPORA)
    parser.add_argument("--cache", type=Path, default=accuracy.DEFAULT_CACHE)
    parser.add_argument("--half", choices=("tune", "held-out", "all"), default="tune")
    parser.add_argument("--variant", choices=list(VARIANTS), action="append",
                        help="score only these variants (default: all)")
    parser.add_argument("--show-misses", action="store_true", help="list the title and author misses")
    args = parser.parse_args(argv)
    variants = args.variant or list(VARIANTS)
    totals = {name: defaultdict(int) for name in variants}
    for page in accuracy.load_pages(args.corpora):
        if args.half not in (page["half"], "all"):
            continue
        texts = accuracy.texts_for(page, args.cache)
        for converter in accuracy.CONVERTERS:
            for name in variants:
                result = accuracy.score_document(page, VARIANTS[name](texts[converter]),
                                                 converter != "html2text-plain")
                for key, value in result["counts"].items():
                    totals[name][key] += value
                if args.show_misses:
                    for field, expected, got in result["misses"]:
                        if field in ("title", "authors"):
                            print(f"{name} {page['corpus']}/{page['id']} [{converter}] {field}: "
                                  f"expected {expected!r} got {got!r}")
    print(f"half: {args.half}")
    print(f"| {'measure':<16} | " + " | ".join(f"{name:>16}" for name in variants) + " |")
    print("|" + "-" * 18 + "|" + "|".join("-" * 18 for _ in variants) + "|")
    for label, ok, n in ROWS:
        cells = [f"{totals[name][ok]}/{totals[name][n]}" for name in variants]
        print(f"| {label:<16} | " + " | ".join(f"{cell:>16}" for cell in cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
