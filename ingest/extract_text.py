"""Extract an Article from plain text or Markdown: our own rules (trafilatura needs HTML)."""

import re

from .record import Article

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def extract_text(text: str, markdown: bool = False) -> Article:
    if markdown:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    lines = [line.strip() for line in text.splitlines()]
    paragraphs = [line for line in lines if line]
    article = Article()
    if not paragraphs:
        return article
    title = paragraphs[0].lstrip("#").strip()
    article.title = title
    article.provenance["title"] = "text"
    article.body = "\n\n".join(p.lstrip("#").strip() for p in paragraphs[1:])
    return article
