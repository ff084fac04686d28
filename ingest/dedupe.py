"""Dedupe stage: the content hash that makes two copies of one story one article."""

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalised_body(body: str) -> str:
    """NFKC, case-folded, punctuation and white space collapsed to single spaces.

    Two copies differing only in curly vs straight quotes, line wrapping or case hash the same.
    """
    text = unicodedata.normalize("NFKC", body).casefold()
    return _NOT_WORD.sub(" ", text).strip()


def content_hash(body: str) -> str:
    return hashlib.sha256(normalised_body(body).encode("utf-8")).hexdigest()
