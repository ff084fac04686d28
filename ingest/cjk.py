"""Chinese, Japanese and Korean made searchable by the full-text index: each of their
characters a word of its own, in the text the index reads and in what a search asks.

FTS5's unicode61 tokenizer splits words at spaces and punctuation, and these scripts put none
between words: 東京都知事は台風について話した was one "word", so a search of 東京 or 台風
found only a text where it stood between punctuation. The index is therefore fed the text with
an invisible separator (U+200B ZERO WIDTH SPACE) between a CJK character and any letter or digit
beside it (index_text: the SQL function cjk_index_text, schema/0021), and a search turns a run of
such characters into the phrase of its characters in order (query_words: 東京 -> "東 京"). A
phrase matches where its words stand next to each other, so a word of any length is found where
it is a substring of a run, and not where its characters only occur apart or out of order
(京東, 東の京). The separator is invisible, and the saved queries take it out of their snippets.
Latin, Cyrillic, Greek... text holds no such character and is indexed exactly as before.

Why not FTS5's trigram tokenizer: it finds no substring shorter than three characters, and most
Chinese and Japanese words are two (東京, 地震, 知事, 台風). Why not a custom tokenizer: Python's
sqlite3 cannot register one (FTS5 hands its API over as a pointer only sqlite3_bind_pointer
binds), and an archive whose index needed one could not even be searched by a program without
it. Why single characters and not Lucene's overlapping bigrams (CJKAnalyzer: 東京 京都): a
bigram's text repeats each character, which the snippets would show; a phrase of single
characters asks the same of the index with no copy of the text.
"""

import re
import sqlite3

# The characters of the scripts written without spaces between words: CJK ideographs (the
# unified blocks, their extensions and compatibility forms, 々 and 〇), Hiragana, Katakana (not
# its middle dot ・, punctuation), halfwidth Katakana, and Hangul (Korean puts spaces between
# phrases but writes particles onto nouns, 서울에서 "in Seoul": Lucene's CJKAnalyzer splits it too).
CJK_CHARACTERS = ("\u1100-\u11ff\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303c\u3041-\u3096"
                  "\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf"
                  "\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\uff66-\uff9f"
                  "\U00020000-\U0002fa1f\U00030000-\U0003134f")
_CJK = f"[{CJK_CHARACTERS}]"
_CJK_RUN = re.compile(f"{_CJK}+")
# Every byte but the lead bytes of CJK characters in UTF-8 (E1: U+1000-1FFF, E3-ED: U+3000-DFFF,
# EF: U+F000-FFFF, F0: the supplementary planes' first four): deleted, a text with none has no
# CJK character. (E2, U+2000-2FFF, the curly quotes and dashes of most news, is not among them.)
_NOT_A_CJK_LEAD_BYTE = bytes(b for b in range(256) if not (b == 0xE1 or 0xE3 <= b <= 0xED or b in (0xEF, 0xF0)))
# A CJK character, or a run of other word characters.
_QUERY_PIECE = re.compile(rf"{_CJK}|[^{CJK_CHARACTERS}]+")

# What the index's text has between the characters (a separator to unicode61: not a letter,
# digit or private-use character), and what a snippet takes out again.
SEPARATOR = "\u200b"
SQL_FUNCTION = "cjk_index_text"


def index_text(text):
    """The text as the full-text index reads it: unchanged but for a SEPARATOR between a CJK
    character and a letter or digit beside it ("東京都知事はTokyoで": 東|京|都|知|事|は|Tokyo|で, with
    SEPARATOR for |). The SQL function cjk_index_text; None and other values pass unchanged."""
    # A search's snippets read each text through this, and most texts hold no CJK character:
    # told by their UTF-8's lead bytes, in C (14 us a text of 4 kB; a search of _CJK_RUN took
    # 25-40 us, and lookarounds at every position, the first way of this, 660 us, which made the
    # search query 1.5-2x slower on 9,814 articles of English).
    if not isinstance(text, str) or not text.encode("utf-8", "surrogatepass").translate(None, _NOT_A_CJK_LEAD_BYTE):
        return text
    return _CJK_RUN.sub(_run_apart, text)


def _run_apart(run: re.Match) -> str:
    """A run of CJK characters, each apart from the next and from a letter or digit beside the
    run (\\w: what the tokenizer would join to it)."""
    text, start, end = run.string, run.start(), run.end()
    before = SEPARATOR if start and (text[start - 1].isalnum() or text[start - 1] == "_") else ""
    after = SEPARATOR if end < len(text) and (text[end].isalnum() or text[end] == "_") else ""
    return before + SEPARATOR.join(run.group()) + after


def query_words(word: str) -> list[str]:
    """A word typed (letters and digits, \\w+) as the words of the index's phrase for it: its
    CJK characters one by one, other letters and digits as they run. "東京" -> ["東", "京"],
    "東京Olympics" -> ["東", "京", "Olympics"], "harbour" -> ["harbour"]."""
    return _QUERY_PIECE.findall(word)


def add_index_function(conn: sqlite3.Connection) -> None:
    """cjk_index_text() on a connection: every connection that writes articles needs it (the
    index's triggers call it) and every one that reads the index's text (snippet(), highlight():
    the articles_fts_text view calls it). A search alone (MATCH, rank) does not."""
    conn.create_function(SQL_FUNCTION, 1, index_text, deterministic=True)
