"""A saved mail's story, for the read stage: a newsletter as a mail program saves it (.eml) or
a mailbox holds it (.mbox), turned into the page or text our extractors read, with what the
mail's header says of the story.

- The part: the HTML part (else the plain-text part), decoded from the mail's transfer encoding
  and charset with the standard library's email package. Attachments are no part of the story.
- What the header gives, used only where the story says nothing (Source.hints): the subject
  (the headline), the sending day (the publication), the sender's display name (the newsletter,
  as the outlet; and its writer, where the platform names both: "Ann Lee from Harbor Notes").
- A newsletter's own furniture, which every issue repeats and which is no part of its story:
  the "View in browser" link (its target is the issue's address on the web, kept as its url),
  and the blocks that tell the reader about the subscription ("Unsubscribe", "Manage your
  preferences", "You're a free subscriber", "Forwarded this email?"). Left in, each issue's text
  held them, and a search for "subscriber" found every issue.
"""

import re
from dataclasses import dataclass, field

HTML_TYPES = ("text/html", "application/xhtml+xml")


class MailError(ValueError):
    """A mail with no story to give."""


@dataclass
class MailStory:
    kind: str  # "html" or "text": which extractor reads the content
    content: str
    hints: dict = field(default_factory=dict)  # title, published, outlet, authors, url


def read_mail(data: bytes) -> MailStory:
    import email
    import email.policy
    import email.utils

    message = email.message_from_bytes(emlx_message(data), policy=email.policy.compat32)
    # The story parts of the mail and of each mail attached to it whole (message/rfc822: a
    # newsletter forwarded as an attachment): the one with the most words is the story's, and
    # its own header (not the forwarder's name and day) tells of it.
    found: dict[int, tuple] = {}
    for part, holder in _parts(message, message):
        kind = ("html" if part.get_content_type() in HTML_TYPES else
                "text" if part.get_content_type() == "text/plain" else None)
        attached = (part.get("Content-Disposition") or "").split(";")[0].strip().lower() == "attachment"
        parts = found.setdefault(id(holder), (holder, {}))[1]
        if kind and kind not in parts and not attached:
            parts[kind] = part
    candidates = [(holder, parts) for holder, parts in found.values() if parts]
    if not candidates:
        raise MailError("no story in this mail (no HTML or plain-text part, only attachments or other parts)")
    message, parts = (candidates[0] if len(candidates) == 1  # (most mails: no part counted)
                      else max(candidates, key=lambda pair: _story_words(pair[1])))
    kind = "html" if "html" in parts else "text"
    content = _decoded(parts[kind])
    url = None
    if kind == "html":
        content, url = without_furniture(content)
        if "text" in parts:
            # A mail whose HTML part is only a stub ("Having trouble seeing this email? View it
            # in your browser"), its story in the text part: read from the text. Stored, the
            # stub was the story, or the mail failed with "no article text found".
            text = _decoded(parts["text"])
            if len(_page_words(content).split()) * STUB_SHARE < len(text.split()):
                kind, content = "text", text
                content, text_url = text_without_furniture(content)
                url = text_url or url
    else:
        content, url = text_without_furniture(content)
    subject = mail_header(message, "Subject")
    sent = newsletter = writer = None
    quoted: dict = {}
    forwarded = _FORWARDED.match(subject or "")
    if forwarded:
        # Forwarded with the newsletter in its text: the subject is the newsletter's, but the
        # sender and the day are the forwarder's, no outlet and no publication day.
        subject = subject[forwarded.end():] or None
        quoted, content = _forwarded_header(content, kind)
        # ...where the forward quotes the newsletter's own header, that names them
        if quoted.get("from"):
            newsletter, writer = sender_names(quoted["from"])
        sent = quoted.get("date") or quoted.get("sent")
        if sent:
            try:
                sent = email.utils.parsedate_to_datetime(sent).isoformat()
            except (TypeError, ValueError, IndexError):
                pass  # as the forward wrote it ("Tue, Mar 5, 2024 at 7:30 AM"): read as a page's date is
    else:
        try:
            sent = email.utils.parsedate_to_datetime(message.get("Date", "")).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        newsletter, writer = sender_names(mail_header(message, "From"))
    subject = subject_without_newsletter(subject, newsletter)
    hints = {"title": subject, "published": sent, "outlet": newsletter, "authors": [writer] if writer else None}
    hints["url"] = url
    if kind == "text":
        # The header lines a mail saved as text has, which the text rules read (the subject is
        # the headline; the date in ISO form, which keeps its zone). Not the subject where the
        # story opens with it: read twice, its second line was taken for a standfirst.
        opening = next((line.strip() for line in content.splitlines() if line.strip()), "")
        fields = {"From": quoted.get("from") if forwarded else mail_header(message, "From"),
                  "Subject": subject if subject and " ".join(opening.split()) != subject else None,
                  "Date": sent}
        content = "".join(f"{name}: {value}\n" for name, value in fields.items() if value) + "\n" + content
    return MailStory(kind, content, {name: value for name, value in hints.items() if value})


# A forward's subject: "Fwd:", "Fw:", "FW:" (Outlook), "WG:" (German), "TR:" (French), "RV:"
# (Spanish), once or more.
_FORWARDED = re.compile(r"^(?:(?:fwd?|wg|tr|rv)\s*:\s*)+", re.I)


# What a mail program writes above a message forwarded inline (Gmail, Apple Mail, Outlook,
# Thunderbird), then the message's own header lines.
_FORWARD_MARK = re.compile(r"^\s*(?:-{2,}\s*(?:forwarded\s+message|original\s+message)\s*-{2,}|"
                           r"begin\s+forwarded\s+message\s*:|-{2,}\s*forwarded\s+by\b.*)\s*$", re.I)
_QUOTED_FIELD = re.compile(r"^\s*(from|date|sent|subject|to|cc|reply-to)\s*:\s*(.*)$", re.I)
QUOTED_HEADER_LINES = 12  # a forward's quoted header has a few lines: a mark farther on is the story's


def _forwarded_header(content: str, kind: str) -> tuple[dict, str]:
    """The header lines a forward quotes above the newsletter ({"from": ..., "date": ...}), and
    the content without them (the mark and the lines were in the story)."""
    if kind == "text":
        lines = content.splitlines()
        for start, line in enumerate(lines[:QUOTED_HEADER_LINES * 4]):
            if _FORWARD_MARK.match(line):
                fields, end = {}, start + 1
                while end < len(lines) and end - start <= QUOTED_HEADER_LINES and (
                        _QUOTED_FIELD.match(lines[end]) or not lines[end].strip() and not fields):
                    field = _QUOTED_FIELD.match(lines[end])
                    if field:
                        fields.setdefault(field.group(1).lower(), field.group(2).strip())
                    end += 1
                return fields, "\n".join(lines[:start] + lines[end:])
        return {}, content
    from lxml import etree, html

    try:
        tree = html.document_fromstring(content)
    except (etree.ParserError, ValueError):
        return {}, content
    for br in tree.iter("br"):  # its lines, as the reader sees them
        br.tail = "\n" + (br.tail or "")
    fields: dict = {}
    started, dropped = False, []
    for block in (b for b in tree.iter(*_BLOCKS) if not _holds_block(b)):
        lines = [line for line in block.text_content().splitlines() if line.strip()]
        if not lines:
            continue
        if not started:
            if not _FORWARD_MARK.match(lines[0]):
                continue
            started, lines = True, lines[1:]
        if not all(_QUOTED_FIELD.match(line) for line in lines) or len(dropped) > QUOTED_HEADER_LINES:
            break
        for line in lines:
            field = _QUOTED_FIELD.match(line)
            fields.setdefault(field.group(1).lower(), " ".join(field.group(2).split()))
        dropped.append(block)
    if not started:
        return {}, content
    for block in dropped:
        _drop(block)
    return fields, html.tostring(tree, encoding="unicode")


def _parts(part, holder):
    """(part, the mail it belongs to) for each part of a mail, a mail attached whole (a
    message/rfc822 part) the holder of its own parts."""
    yield part, holder
    if part.get_content_type() == "message/rfc822" and isinstance(part.get_payload(), list):
        for inner in part.get_payload():
            yield from _parts(inner, inner)
    elif part.is_multipart():
        for inner in part.get_payload():
            yield from _parts(inner, holder)


def _story_words(parts: dict) -> int:
    return len((_page_words(_decoded(parts["html"])) if "html" in parts else _decoded(parts["text"])).split())


# An HTML part with fewer than a quarter of the words of the text part beside it is a stub.
STUB_SHARE = 4


def _decoded(part) -> str:
    """A part's content as text, decoded from its transfer encoding and its charset, as every
    text is read (decode_text: the declared charset after valid UTF-8, then detection)."""
    from .read import decode_text

    return decode_text(part.get_payload(decode=True) or b"", part.get_content_charset())


def _page_words(page: str) -> str:
    from lxml import etree, html

    try:
        tree = html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return page
    for hidden in list(tree.iter("style", "script", "title")):  # a mail's long <style> is no words of it
        _drop(hidden)
    return tree.text_content()


# Apple Mail's file of a mail (.emlx): the message's length in bytes on a line of its own, the
# message, then an XML property list of its flags, which is no part of it.
_EMLX_LENGTH = re.compile(rb"^(\d{1,10})[ \t]*\r?\n")


def emlx_message(data: bytes) -> bytes:
    """The message of an .emlx file (see _EMLX_LENGTH); any other mail as it is. Read whole,
    the length line ended the header at once and the mail had no story."""
    length = _EMLX_LENGTH.match(data)
    return data[length.end():length.end() + int(length.group(1))] if length else data


def mail_header(message, name: str) -> str | None:
    """A mail header as words: its encoded words ("=?utf-8?q?Jet=C3=A9e?=") decoded, its folded
    lines joined."""
    import email.header

    from .read import decode_text

    raw = message.get(name)
    if raw is None:
        return None
    try:
        if isinstance(raw, email.header.Header):
            # A header written in 8-bit characters as they are (UTF-8, as RFC 6532 allows and
            # many mail programs save one, or a code page), not as encoded words: the standard
            # library gives its bytes as "unknown-8bit", which str() made "Caf\ufffd\ufffd".
            words = "".join(decode_text(chunk) if charset in (None, "unknown-8bit") else chunk.decode(charset, "replace")
                            for chunk, charset in email.header.decode_header(raw))
        else:
            words = str(email.header.make_header(email.header.decode_header(str(raw))))
    except (LookupError, UnicodeDecodeError, ValueError):
        words = str(raw)
    return " ".join(words.split()) or None


def subject_without_newsletter(subject: str | None, newsletter: str | None) -> str | None:
    """The subject without the newsletter's name before or after it ("Harbor Notes: Tolls
    rise", "Tolls rise | Harbor Notes"), as a page's title loses its site's name: every issue
    has it, and the headline is the rest. Kept whole where the rest is one word."""
    if not subject or not newsletter:
        return subject
    name = re.escape(newsletter)
    rest = re.sub(rf"^{name}\s*(?:[:|•·\-–—]\s*)|\s*(?:[|•·\-–—]\s*){name}$", "", subject, flags=re.I).strip()
    return rest if rest != subject and len(rest.split()) >= 2 else subject


# A newsletter's sender as its platform writes it: "Ann Lee from Harbor Notes" (Substack),
# "Ann Lee at Harbor Notes", "Harbor Notes | Ann Lee": the newsletter is the part after "from"
# (the first, before a bar). A writer's name is two to four capitalised words: "News from the
# Harbour" is a newsletter's name whole.
_SENDER_PARTS = re.compile(r"^(?P<writer>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})\s+(?:from|at)\s+(?P<letter>.+)$"
                           r"|^(?P<first>.+?)\s+[|•·]\s+.+$")


def sender_names(sender: str | None) -> tuple[str | None, str | None]:
    """(the newsletter, its writer) a mail's sender names: from its display name, not its
    address (often the platform's); the writer only where the name gives both so."""
    import email.utils

    name = email.utils.parseaddr(sender or "")[0].strip().strip('"').strip()
    if not name or "@" in name:
        return None, None
    match = _SENDER_PARTS.match(name)
    if match and match.group("letter"):
        return match.group("letter").strip(), match.group("writer").strip()
    if match:
        return match.group("first").strip(), None
    return name, None


# The link to the issue on the web, in the words platforms and mailing tools give it.
_WEB_VERSION = re.compile(r"^(?:view|read|open|see)\s+(?:(?:this\s+)?(?:e-?mail|post|issue|newsletter|message)\s+|it\s+)?"
                          r"(?:in\s+(?:your|a|the)?\s*(?:web\s+)?browser|online|on\s+(?:the\s+|our\s+)?(?:web|website)|"
                          r"as\s+(?:a\s+)?web\s*page)$|^(?:(?:view|read|see)\s+(?:the\s+)?)?(?:web|online|browser)\s+version$",
                          re.I)
# The words of a block that speaks to the reader about the mail or the subscription, not the story.
_SUBSCRIPTION_BLOCK = re.compile(
    r"\bunsubscribe\b|\bmanage\s+(?:your\s+)?(?:subscription|preferences|email\s+settings)\b|"
    r"\bupdate\s+your\s+(?:preferences|email\s+settings)\b|\byou(?:'re|’re|\s+are)\s+(?:currently\s+)?(?:a\s+)?"
    r"(?:free|paid|premium)?\s*(?:subscriber|member)\b|\bforwarded\s+this\s+(?:e-?mail|newsletter)\b|"
    r"\byou\s+(?:received|are\s+receiving)\s+this\s+(?:e-?mail|newsletter)\b|\bview\s+in\s+browser\b|"
    r"\bbecause\s+you\s+(?:signed\s+up|subscribed|opted\s+in|registered)\b",
    re.I)
FURNITURE_WORDS = 40  # a block longer than this is the story's, whatever words it holds
STORY_WORDS = 25  # a paragraph this long, with no furniture words, is the story's
_BLOCKS = ("p", "div", "td", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6")


def without_furniture(page: str) -> tuple[str, str | None]:
    """The newsletter's page without its furniture (see the top of this module), and the
    address of its web version where it links one. The smallest block around each piece is
    removed, so the story's paragraphs beside it stay."""
    from lxml import etree, html

    try:
        tree = html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return page, None
    url = None
    for link in tree.iter("a"):
        words = " ".join(link.text_content().split())
        if words and _WEB_VERSION.match(words):
            target = (link.get("href") or "").strip()
            if url is None and target.startswith(("http://", "https://")):
                url = target
            _drop(_smallest_block(link))
    leaves = [block for block in tree.iter(*_BLOCKS) if not _holds_block(block)]
    for i in _furniture([" ".join(block.text_content().split()) for block in leaves]):
        _drop(leaves[i])
    return html.tostring(tree, encoding="unicode"), url


def _furniture(blocks: list[str], is_rule=lambda i: False) -> set[int]:
    """Which of a newsletter's blocks (their words, in order: a page's smallest blocks, a text's
    paragraphs) are its furniture: a short block with subscription words above the story's first
    paragraph, and every short block from the first such one below its last (the footer), with
    the rule just above that footer ("-- "). Only there: a story's own line may speak of
    unsubscribing ("Residents can unsubscribe from the flood alerts by text"). Below the story,
    what follows the subscription notice is the sender's too: the postal address the law asks a
    mailing to give (CAN-SPAM), "Sent with ...", a copyright line."""
    story = [i for i, text in enumerate(blocks) if len(text.split()) >= STORY_WORDS and not _SUBSCRIPTION_BLOCK.search(text)]
    first, last = (story[0], story[-1]) if story else (len(blocks), -1)
    footer = next((i for i in range(last + 1, len(blocks)) if _SUBSCRIPTION_BLOCK.search(blocks[i])), len(blocks))
    while footer - 1 > last and is_rule(footer - 1):
        footer -= 1
    return {i for i, text in enumerate(blocks) if len(text.split()) <= FURNITURE_WORDS
            and (i < first and _SUBSCRIPTION_BLOCK.search(text) or i >= footer)}


# A plain-text mail's link to its web version: the words, then the address on the same line
# ("View this email in your browser: https://...", "... (https://...)", "<https://...>") or on
# the next.
_TEXT_WEB_VERSION = re.compile(r"^\s*(?P<words>[^:(<\n]{3,60}?)\s*[:(<]?\s*(?P<url>https?://\S+?)?[)>]?\s*$")
# A signature's or a footer's rule: "-- " (RFC 3676's signature mark), "---", "___", "===".
_RULE_LINE = re.compile(r"^[ \t]*(?:--|[-_=*]{3,})[ \t]*$", re.M)


def text_without_furniture(text: str) -> tuple[str, str | None]:
    """A plain-text newsletter without its furniture, as without_furniture does for a page, and
    the address of its web version. Worked on paragraphs (blank-line parted): a mail's lines are
    often wrapped at 72 characters, so one line of the story is no measure of it."""
    url = None
    # (a rule is a paragraph of its own: "Thanks for reading." / "-- " / "Unsubscribe: ...")
    paragraphs = re.split(r"\n[ \t]*\n", _RULE_LINE.sub("\n\\g<0>\n", text))
    kept = []
    for paragraph in paragraphs:
        lines = paragraph.splitlines()
        for i, line in enumerate(lines[:2]):
            found = _TEXT_WEB_VERSION.match(line)
            if found and _WEB_VERSION.match(found.group("words").strip()):
                target = found.group("url")
                if not target and i + 1 < len(lines):
                    target = (re.match(r"^\s*<?(https?://\S+?)>?\s*$", lines[i + 1]) or [None, None])[1]
                    lines = lines[:i] + lines[i + 2:]
                else:
                    lines = lines[:i] + lines[i + 1:]
                url = url or target
                break
        kept.append("\n".join(lines))
    words = [" ".join(paragraph.split()) for paragraph in kept]
    furniture = _furniture(words, lambda i: bool(_RULE_LINE.fullmatch(kept[i].strip())))
    result = [paragraph for i, paragraph in enumerate(kept) if words[i] and i not in furniture]
    return "\n\n".join(result), url


def _smallest_block(element):
    while element.getparent() is not None and element.tag not in _BLOCKS:
        element = element.getparent()
    return element


def _holds_block(element) -> bool:
    """Whether the element holds a block of text of its own (then its furniture is in that
    inner block, which is removed instead)."""
    return any(child.tag in _BLOCKS and " ".join(child.text_content().split()) for child in element.iterdescendants())


def _drop(element) -> None:
    """The element removed, the text after it kept (lxml's drop_tree)."""
    if element.getparent() is not None and element.tag not in ("html", "body"):
        element.drop_tree()
