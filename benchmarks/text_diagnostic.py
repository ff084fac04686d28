"""The text parser on renderings of the tuning pages that its rules were not written against.

text_accuracy.py scores three converters on both halves of the development set; rules are
tuned on the tuning half and checked on the held-out half. Once the tuning half's misses are
few, the rules may still fit the three converters' habits (where each puts a line break, how
it marks a link or a heading) rather than bylines in general. This script renders the TUNING
half only (never the held-out half: its pages stay unseen) with converters the rules were not
tuned on, and scores them the same way:

- inscriptis: a layout-keeping plain text (table cells side by side, indented blocks);
- html-text: the plain text scrapers get from html_text.extract_text (one line per block);
- html2text-wrapped: html2text's Markdown wrapped at 78 columns, with emphasis kept;
- markdownify-setext: markdownify with underlined headings, "-" bullets and emphasis as "_";
- copy-paste: every text node of the region on a line of its own, as selecting a page and
  pasting it into a text editor gives (no Markdown at all, no blank lines);
- html2text-references: html2text's Markdown with reference-style links ("[Ann Lee][2]" and
  "[2]: URL" at the foot), as inline_links=False writes them and many Markdown files do.

The region converted is text_accuracy.main_region (the same element the three converters get).

The whole-page renderings convert the page's whole <body> instead (scripts, styles, forms and
iframes dropped), as many users have a page: site navigation and menus before the headline,
cookie banners, "Most read" and "Related" lists with other stories' headlines, bylines and
dates, comments, footers. They test whether the parser still finds the article's own title,
byline and date, and invents nothing from the chrome around them:

- whole-html2text: html2text's Markdown of the whole body (html2text or markdownify run over a
  saved page);
- whole-markdownify: markdownify's Markdown of the whole body (ATX headings);
- whole-inscriptis: inscriptis' layout-keeping text of the whole body, as `lynx -dump` and
  `w3m -dump` give a page;
- whole-copy-paste: html_text's text of the whole body (a line per block, inline elements run
  together), as a browser's select-all copy-paste or "save as text" gives it;
- whole-copy-paste-tight: the same with single line breaks only (no blank line anywhere), as a
  browser's copy often parts its blocks.

    python benchmarks/text_diagnostic.py
    python benchmarks/text_diagnostic.py --converter inscriptis --show-misses authors
    python benchmarks/text_diagnostic.py --whole-page   # the five whole-page renderings only
"""

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import text_accuracy as accuracy  # noqa: E402

REGION_CONVERTERS = ("inscriptis", "html-text", "html2text-wrapped", "markdownify-setext", "copy-paste",
                     "html2text-references")
WHOLE_PAGE_CONVERTERS = ("whole-html2text", "whole-markdownify", "whole-inscriptis", "whole-copy-paste",
                         "whole-copy-paste-tight")
CONVERTERS = REGION_CONVERTERS + WHOLE_PAGE_CONVERTERS
MARKDOWN = {"html2text-wrapped", "markdownify-setext", "html2text-references", "whole-html2text",
            "whole-markdownify"}
DEFAULT_CACHE = Path("/tmp/news-archive-text-diagnostic")
VERSION = "2"  # bump when a converter's options change, so cached renderings are redone
WHOLE_PAGE_VERSION = "whole2"  # the same for the whole-page renderings (cached apart)


def render(region, converter: str) -> str:
    import lxml.html

    markup = lxml.html.tostring(region, encoding="unicode")
    if converter == "inscriptis":
        from inscriptis import get_text

        return get_text(markup)
    if converter == "html-text":
        import html_text

        return html_text.extract_text(markup)
    if converter == "html2text-wrapped":
        import html2text

        handler = html2text.HTML2Text()
        handler.body_width = 78
        return handler.handle(markup)
    if converter == "html2text-references":
        import html2text

        handler = html2text.HTML2Text()
        handler.body_width = 0
        handler.inline_links = False
        return handler.handle(markup)
    if converter == "markdownify-setext":
        from markdownify import markdownify

        return markdownify(markup, heading_style="UNDERLINED", bullets="-", strong_em_symbol="_")
    if converter == "copy-paste":
        pieces = (" ".join(t.split()) for t in region.itertext())
        return "\n".join(p for p in pieces if p)
    raise ValueError(converter)


def render_whole_page(body, converter: str) -> str:
    import lxml.html

    markup = lxml.html.tostring(body, encoding="unicode")
    if converter == "whole-html2text":
        import html2text

        handler = html2text.HTML2Text()
        handler.body_width = 0
        return handler.handle(markup)
    if converter == "whole-markdownify":
        from markdownify import markdownify

        return markdownify(markup, heading_style="ATX")
    if converter == "whole-inscriptis":
        from inscriptis import get_text

        return get_text(markup)
    if converter in ("whole-copy-paste", "whole-copy-paste-tight"):
        import html_text

        text = html_text.extract_text(markup)
        return re.sub(r"\n\s*\n", "\n", text) if converter.endswith("-tight") else text
    raise ValueError(converter)


def renderings(page: dict, cache: Path) -> dict[str, str]:
    texts = accuracy.texts_for(page, cache, REGION_CONVERTERS, render, VERSION)
    return texts | accuracy.texts_for(page, cache, WHOLE_PAGE_CONVERTERS, render_whole_page,
                                      WHOLE_PAGE_VERSION, region_of=accuracy.whole_body)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=accuracy.CORPORA)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--converter", choices=CONVERTERS, action="append")
    parser.add_argument("--show-misses", nargs="?", const="all", metavar="FIELD",
                        choices=("all", "title", "authors", "date", "outlet", "invented"))
    parser.add_argument("--dump", type=Path, help="write each rendering to this folder")
    parser.add_argument("--whole-page", action="store_true", help="score the whole-page renderings only")
    args = parser.parse_args(argv)
    converters = args.converter or list(WHOLE_PAGE_CONVERTERS if args.whole_page else CONVERTERS)
    totals = {name: defaultdict(int) for name in converters}
    pages = [p for p in accuracy.load_pages(args.corpora) if p["half"] == "tune"]  # never held-out
    for page in pages:
        texts = renderings(page, args.cache)
        for name in converters:
            markdown = name in MARKDOWN
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                suffix = ".md" if markdown else ".txt"
                (args.dump / f"{page['corpus']}-{page['id']}-{name}{suffix}").write_text(texts[name], encoding="utf-8")
            result = accuracy.score_document(page, texts[name], markdown)
            for key, value in result["counts"].items():
                totals[name][key] += value
            for field, expected, got in result["misses"] if args.show_misses else []:
                if args.show_misses in ("all", field):
                    print(f"{page['corpus']}/{page['id']} [{name}] {field}: expected {expected!r} got {got!r}")
    print(f"tuning half only: {len(pages)} pages")
    rows = (("title", "title_ok", "title_n", True), ("author precision", "precision_ok", "precision_n", False),
            ("author recall", "recall_ok", "recall_n", False), ("date", "date_ok", "date_n", True),
            ("invented", "invented", "returned", True))
    print(f"| {'measure':<16} | " + " | ".join(f"{name:>20}" for name in converters) + " |")
    print("|" + "-" * 18 + "|" + "|".join("-" * 22 for _ in converters) + "|")
    for label, ok, n, percent in rows:
        cells = [f"{accuracy.ratio(totals[c][ok], totals[c][n], percent)} ({totals[c][ok]}/{totals[c][n]})"
                 for c in converters]
        print(f"| {label:<16} | " + " | ".join(f"{cell:>20}" for cell in cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
