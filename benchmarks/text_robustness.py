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
- no-blank-lines: one line break between blocks, as a copy from a browser often has;
- wrapped: every paragraph wrapped at 72 columns, as mail, pandoc and many scrapers write text.

The byline variants rewrite the byline's own lines: the short lines (at most 15 words) that
name a ground-truth author. They need the ground truth to find those lines, which is why they
run on the tuning half (never the held-out pages):

- caps-byline: the byline in capitals ("BY ANN LEE");
- emphasis-byline: the byline in emphasis ("*By Ann Lee*");
- role-byline: a job title after the last name ("Ann Lee, Senior Reporter");
- pipe-date-byline: a date after the last name ("Ann Lee | November 28, 2016");
- slash-outlet-byline: the outlet after the last name ("Ann Lee / Harbour Gazette");
- label-byline: another label in front of the names ("Story by", "Words:", "Reporting by",
  "Written by", "Posted by", "Author:", "BY"), in turn from page to page;
- other-names: every author's name, throughout the text and in the ground truth, replaced by
  a name of another shape (a middle initial, "van der", a hyphen, accents, an apostrophe).
- slash-coauthors: two or more writers parted by a slash instead of "and" or a comma
  ("Ann Lee / Tom Park");
- place-role-byline: a job title named by a place after the last name, with no comma ("Ann
  Lee Kyiv Bureau Chief");
- site-title: the headline line as a page's title gives it, the site's name and tagline after
  a bar ("Headline | Harbour Gazette - News from the docks"); the expected title is unchanged.

    python benchmarks/text_robustness.py
    python benchmarks/text_robustness.py --variant share-bar --show-misses
"""

import argparse
import re
import sys
import textwrap
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


def wrapped(text: str) -> str:
    """Paragraphs wrapped at 72 columns; a heading's marks stay on its first line only, and
    lines that are list items or table rows are wrapped on their own."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        for line in lines:
            out.append("\n".join(textwrap.wrap(line, 72, break_on_hyphens=False, break_long_words=False)) or line)
        out.append("")
    return "\n".join(out)


VARIANTS = {"as-is": lambda text: text, "no-links": no_links, "share-bar": share_bar,
            "no-blank-lines": no_blank_lines, "wrapped": wrapped}


# --- the byline variants (they need the page's ground truth; see the top of this file) -------

OTHER_NAMES = ["Maria van der Berg", "Jean-Luc O'Neill", "Tom J. Park", "José Álvarez-Núñez",
               "Siobhán McCarthy", "Ngozi Okafor-Bello", "Anne-Marie de la Cruz", "D'Andre Lewis"]
LABELS = ["Story by", "Words:", "Reporting by", "Written by", "Posted by", "Author:", "BY"]


def _truth_people(page: dict) -> list[str]:
    people, _ = accuracy.split_people(page["author"]) if page["author"] else ([], [])
    return people


def _byline_lines(text: str, people: list[str], rewrite) -> str:
    """The text with each short line that names one of these people rewritten."""
    def fix(line: str) -> str:
        if len(line.split()) > 15 or not any(p.casefold() in line.casefold() for p in people):
            return line
        return rewrite(line)
    return "\n".join(fix(line) for line in text.split("\n"))


def _after_last_name(line: str, people: list[str], words: str) -> str:
    ends = [m.end() for p in people for m in re.finditer(re.escape(p), line, re.I)]
    return line[:max(ends)] + words + line[max(ends):] if ends else line


def _relabel(line: str, label: str) -> str:
    head = re.match(r"^(\s*(?:[#>*+-]+\s+)?)(?:by\b:?\s*)?", line, re.I)
    return line[: head.end(1)] + label + " " + line[head.end():]


def _slashed(line: str, people: list[str]) -> str:
    """The joining word or comma before each writer after the first made a slash."""
    for person in people[1:]:
        line = re.sub(r"\s*(?:,\s*(?:and|&)|,|\band\b|&)\s*(?=" + re.escape(person) + ")", " / ", line, flags=re.I)
    return line


def _site_title(page: dict, text: str) -> str:
    """The first line holding the ground-truth title, with a site's name and tagline after it."""
    title = page.get("title")
    if not title:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if title.casefold() in line.casefold() and len(line) < len(title) + 12:
            lines[k] = line.rstrip() + " | Harbour Gazette - News from the docks"
            break
    return "\n".join(lines)


def byline_variant(name: str, page: dict, text: str, number: int) -> tuple[dict, str]:
    """(page, text) with the byline rewritten the named way; number picks the label."""
    if name == "site-title":
        return page, _site_title(page, text)
    people = _truth_people(page)
    if not people:
        return page, text
    if name == "other-names":
        others = []
        for k, person in enumerate(people):
            other = OTHER_NAMES[(number + k) % len(OTHER_NAMES)]
            # The name as the text writes it: any case, any run of spaces between its words.
            text = re.sub(r"\s+".join(map(re.escape, person.split())), other, text, flags=re.I)
            others.append(other)
        return page | {"author": ", ".join(others)}, text
    rewrite = {
        "caps-byline": str.upper,
        "emphasis-byline": lambda line: f"*{line.strip()}*" if not line.lstrip().startswith(("#", "*", "-", "[!")) else line,
        "role-byline": lambda line: _after_last_name(line, people, ", Senior Reporter"),
        "pipe-date-byline": lambda line: _after_last_name(line, people, " | November 28, 2016"),
        "slash-outlet-byline": lambda line: _after_last_name(line, people, " / Harbour Gazette"),
        "label-byline": lambda line: _relabel(line, LABELS[number % len(LABELS)]),
        "slash-coauthors": lambda line: _slashed(line, people),
        "place-role-byline": lambda line: _after_last_name(line, people, " Kyiv Bureau Chief"),
    }[name]
    return page, _byline_lines(text, people, rewrite)


BYLINE_VARIANTS = ("caps-byline", "emphasis-byline", "role-byline", "pipe-date-byline",
                   "slash-outlet-byline", "label-byline", "other-names", "slash-coauthors",
                   "place-role-byline", "site-title")
ROWS = (("title", "title_ok", "title_n"), ("author precision", "precision_ok", "precision_n"),
        ("author recall", "recall_ok", "recall_n"), ("date", "date_ok", "date_n"),
        ("invented", "invented", "returned"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=accuracy.CORPORA)
    parser.add_argument("--cache", type=Path, default=accuracy.DEFAULT_CACHE)
    parser.add_argument("--half", choices=("tune", "held-out", "all"), default="tune")
    parser.add_argument("--variant", choices=list(VARIANTS) + list(BYLINE_VARIANTS), action="append",
                        help="score only these variants (default: all)")
    parser.add_argument("--show-misses", action="store_true", help="list the title and author misses")
    args = parser.parse_args(argv)
    variants = args.variant or list(VARIANTS) + list(BYLINE_VARIANTS)
    if args.half != "tune" and set(variants) & set(BYLINE_VARIANTS):
        parser.error("the byline variants read the ground truth to find the byline: tuning half only")
    totals = {name: defaultdict(int) for name in variants}
    for number, page in enumerate(accuracy.load_pages(args.corpora)):
        if args.half not in (page["half"], "all"):
            continue
        texts = accuracy.texts_for(page, args.cache)
        for converter in accuracy.CONVERTERS:
            for name in variants:
                if name in VARIANTS:
                    scored, text = page, VARIANTS[name](texts[converter])
                else:
                    scored, text = byline_variant(name, page, texts[converter], number)
                result = accuracy.score_document(scored, text, converter != "html2text-plain")
                for key, value in result["counts"].items():
                    totals[name][key] += value
                if args.show_misses:
                    for field, expected, got in result["misses"]:
                        if field in ("title", "authors"):
                            print(f"{name} {page['corpus']}/{page['id']} [{converter}] {field}: "
                                  f"expected {expected!r} got {got!r}")
    print(f"half: {args.half}")
    print(f"| {'variant':<19} | " + " | ".join(f"{label:>16}" for label, _, _ in ROWS) + " |")
    print("|" + "-" * 21 + "|" + "|".join("-" * 18 for _ in ROWS) + "|")
    for name in variants:
        cells = [f"{totals[name][ok]}/{totals[name][n]}" for _, ok, n in ROWS]
        print(f"| {name:<19} | " + " | ".join(f"{cell:>16}" for cell in cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
