"""How often each byline rule of the text parser is right, on the tuning half of the development set.

Every author extract_text returns was named by one rule (provenance "author_rules": "By A", "A,
Agency", a name line under the headline, a bio at the end, ...). A rule that is right on the
tuning texts of three converters may still be wrong more often on texts it was not fitted to;
a table per rule, over every rendering the accuracy scripts make of the tuning pages, shows
which rules bring the wrong names and which bring the right ones nothing else finds.

Renderings (the tuning half only: the held-out pages stay unseen):
- default: text_accuracy.py's three converters (html2text, html2text-plain, markdownify);
- extra: its two optional ones (trafilatura-md, html-to-markdown);
- no-headings: those five with the '#' heading marks taken off (text_accuracy.py --no-headings);
- region: text_diagnostic.py's six renderings of the same region (inscriptis, html-text, ...);
- whole: text_diagnostic.py's five renderings of the page's whole <body>;
- tune-only: text_accuracy.py's tune-half-only renderings (resiliparse, trafilatura-txt);
- robustness: the three converters' texts changed as text_robustness.py changes them (links
  dropped, a share bar, no blank lines, wrapped, the byline in capitals, with a role, another
  label, other names, ...), each variant once per converter.

Counted on the texts whose authors text_accuracy.py scores for precision (the ground truth names
the writers, or asserts there are none): for each rule, the texts it named someone on, the
people it returned, how many are the ground truth's (right) and how many not (wrong), and how
many of the right ones are recall's (the truth's people the text names). Each person is counted
once, under the rule that named it first. Two more columns, for rules the ground truth rarely
sees fire:
- silver: on the tuning half of the scrapinghub_aeb pages (no byline ground truth), the same
  renderings' people against those our HTML extractor finds on the page, as
  text_accuracy.py --silver-authors counts them (metadata often lists only the first of several
  writers, so right/returned there is a floor);
- unjudged: people returned on the tuning texts whose ground truth says nothing of the authors
  (--show-unjudged RULE lists them, to read by eye).

    python benchmarks/text_author_rules.py
    python benchmarks/text_author_rules.py --group default --group extra
    python benchmarks/text_author_rules.py --show-wrong name_line:over_story
    python benchmarks/text_author_rules.py --no-silver --show-unjudged tail:people_of_bio
"""

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import text_accuracy as accuracy  # noqa: E402
import text_diagnostic as diagnostic  # noqa: E402
import text_robustness as robustness  # noqa: E402
from ingest.normalise import person_key, split_people  # noqa: E402

GROUPS = ("default", "extra", "no-headings", "region", "whole", "tune-only", "robustness")
# The renderings no rule was fitted to (the scored converters' are "default"): a rule whose
# wrong share is higher on these than on "default" fits the three converters, not bylines.
NOT_FITTED = ("region", "whole", "tune-only", "robustness")


def wrong_share(rows) -> str:
    """"wrong/returned (share)" over these [texts, returned, right, recall] rows."""
    returned = sum(row[1] for row in rows)
    wrong = returned - sum(row[2] for row in rows)
    return f"{wrong}/{returned} ({wrong / returned:.0%})" if returned else "-"



def rule_of_people(author_rules: str) -> dict[str, str]:
    """person_key -> rule, from provenance "author_rules" ("Ann Lee (byline_by); Tom Park (...)"),
    the raw names split into people as normalise splits them."""
    rules = {}
    for part in author_rules.split("; ") if author_rules else []:
        found = re.fullmatch(r"(.*) \(([^()]*)\)", part)
        if not found:
            continue
        people, _ = split_people([found.group(1)])
        # (A one-word pen name is kept whole by normalise, as the rule's own type; not here.)
        for person in people or [found.group(1)]:
            rules.setdefault(person_key(person), found.group(2))
    return rules


def documents(page: dict, groups, args, number: int = 0):
    """(group, converter, text, markdown, page) for each rendering of the page in these groups;
    the page is another (its authors renamed) where a robustness variant renamed them."""
    wanted = set(groups)
    converters = list(accuracy.CONVERTERS) + (list(accuracy.EXTRA_CONVERTERS)
                                              if wanted & {"extra", "no-headings"} else [])
    texts = accuracy.page_texts(page, args.cache, converters)
    for converter in converters:
        markdown = accuracy.is_markdown(converter)
        group = "default" if converter in accuracy.CONVERTERS else "extra"
        if group in wanted:
            yield group, converter, texts[converter], markdown, page
        if "no-headings" in wanted:
            yield "no-headings", converter, accuracy.strip_headings(texts[converter]), markdown, page
        if "robustness" in wanted and converter in accuracy.CONVERTERS:
            for name in robustness.VARIANTS:
                if name != "as-is":
                    yield "robustness", f"{converter}+{name}", robustness.VARIANTS[name](texts[converter]), markdown, page
            for name in robustness.BYLINE_VARIANTS:
                scored, text = robustness.byline_variant(name, page, texts[converter], number)
                yield "robustness", f"{converter}+{name}", text, markdown, scored
    if "tune-only" in wanted:
        texts = accuracy.page_texts(page, args.cache, accuracy.TUNE_ONLY_CONVERTERS)
        for converter in accuracy.TUNE_ONLY_CONVERTERS:
            yield "tune-only", converter, texts[converter], accuracy.is_markdown(converter), page
    if wanted & {"region", "whole"}:
        rendered = diagnostic.renderings(page, args.diagnostic_cache)
        for converter, text in rendered.items():
            group = "whole" if converter in diagnostic.WHOLE_PAGE_CONVERTERS else "region"
            if group in wanted:
                yield group, converter, text, converter in diagnostic.MARKDOWN, page


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=accuracy.CORPORA)
    parser.add_argument("--cache", type=Path, default=accuracy.DEFAULT_CACHE)
    parser.add_argument("--diagnostic-cache", type=Path, default=diagnostic.DEFAULT_CACHE)
    parser.add_argument("--group", choices=GROUPS, action="append", help="renderings to count (default: all)")
    parser.add_argument("--show-wrong", metavar="RULE", help="list the wrong names this rule returned")
    parser.add_argument("--show-unjudged", metavar="RULE", help="list the names this rule returned on "
                        "texts whose ground truth says nothing of the authors")
    parser.add_argument("--no-silver", action="store_true", help="skip the silver column (it runs the "
                        "HTML extractor on each page)")
    args = parser.parse_args(argv)
    groups = args.group or list(GROUPS)
    # rule -> group -> [texts, returned, right, recall]
    counts = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    silver = defaultdict(lambda: [0, 0])  # rule -> [right, returned]
    unjudged = defaultdict(int)  # rule -> returned

    def count(page, truth_names, tally, show, number=0):
        for group, converter, text, markdown, scored in documents(page, groups, args, number):
            # (Where a variant renamed the authors, the truth is the new names.)
            people = truth_names if scored is page else accuracy.truth_people(scored["author"])
            truth = {person_key(p) for p in people}
            article = accuracy.parse(text, markdown)
            names = accuracy._name_fold(text)
            in_text = {person_key(p) for p in people if accuracy._has_name(names, p)}
            rules = rule_of_people(article.provenance.get("author_rules", ""))
            fired = set()
            for person in article.authors:
                key = person_key(person)
                rule = rules.get(key, "?")
                tally(rule, group, key in truth, key in in_text, rule not in fired)
                fired.add(rule)
                if show in (rule, "all") and key not in truth:
                    print(f"{page['corpus']}/{page['id']} [{group} {converter}] {rule}: {person!r} (truth {scored['author']!r})")

    def gold(rule, group, right, in_text, first):
        row = counts[rule][group]
        row[0] += first
        row[1] += 1
        row[2] += right
        row[3] += in_text

    def silver_tally(rule, group, right, in_text, first):
        silver[rule][0] += right
        silver[rule][1] += 1

    def unjudged_tally(rule, group, right, in_text, first):
        unjudged[rule] += 1

    pages = [(number, p) for number, p in enumerate(accuracy.load_pages(args.corpora))
             if p["half"] == "tune"]  # never held-out
    for number, page in pages:
        if page["author_known"] and (accuracy.truth_people(page["author"]) or not page["author"]):
            count(page, accuracy.truth_people(page["author"]), gold, args.show_wrong, number)
        else:
            count(page, [], unjudged_tally, args.show_unjudged, number)
    if not args.no_silver:
        from ingest.extract_html import extract_html

        for number, page in enumerate(accuracy.load_body_pages(args.corpora)):
            if page["half"] != "tune":
                continue
            raw = page["html"].read_bytes()
            raw = accuracy.gzip.decompress(raw) if page["html"].suffix == ".gz" else raw
            truth = accuracy.normalise(extract_html(raw), accuracy.NOW).authors
            if truth:
                page["author"] = ", ".join(truth)  # (for --show-wrong)
                count(page, truth, silver_tally, args.show_wrong, number)
    print(f"tuning half only: {len(pages)} pages; renderings: {', '.join(groups)}")
    print("| rule | texts | returned | right | wrong | precision | recall's | "
          + " | ".join(f"{g} right/returned" for g in groups)
          + " | silver | unjudged | wrong, scored converters | wrong, not fitted | wrong, silver |")
    print("|---|---:|---:|---:|---:|---:|---:|" + "---:|" * (len(groups) + 5))
    totals = {rule: [sum(row[k] for row in counts[rule].values()) for k in range(4)]
              for rule in set(counts) | set(silver) | set(unjudged)}
    for rule in sorted(totals, key=lambda r: (-(totals[r][1] - totals[r][2]), -totals[r][1], r)):
        texts, returned, right, recall = totals[rule]
        cells = [f"{counts[rule][g][2]}/{counts[rule][g][1]}" if counts[rule][g][1] else "-" for g in groups]
        cells += [f"{silver[rule][0]}/{silver[rule][1]}" if silver[rule][1] else "-", str(unjudged[rule] or "-"),
                  wrong_share([counts[rule]["default"]] if "default" in counts[rule] else []),
                  wrong_share([counts[rule][g] for g in NOT_FITTED if g in counts[rule]]),
                  wrong_share([[0, silver[rule][1], silver[rule][0], 0]])]
        print(f"| {rule} | {texts} | {returned} | {right} | {returned - right} | "
              f"{accuracy.ratio(right, returned, False)} | {recall} | " + " | ".join(cells) + " |")
    grand = [sum(t[k] for t in totals.values()) for k in range(4)]
    print(f"| all | {grand[0]} | {grand[1]} | {grand[2]} | {grand[1] - grand[2]} | "
          f"{accuracy.ratio(grand[2], grand[1], False)} | {grand[3]} | " + " | ".join(
              f"{sum(counts[r][g][2] for r in counts)}/{sum(counts[r][g][1] for r in counts)}" for g in groups)
          + f" | {sum(v[0] for v in silver.values())}/{sum(v[1] for v in silver.values())}"
          + f" | {sum(unjudged.values())}"
          + f" | {wrong_share([counts[r]['default'] for r in counts if 'default' in counts[r]])}"
          + f" | {wrong_share([counts[r][g] for r in counts for g in NOT_FITTED if g in counts[r]])}"
          + f" | {wrong_share([[0, v[1], v[0], 0] for v in silver.values()])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
