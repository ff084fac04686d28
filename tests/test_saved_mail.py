"""A newsletter saved from a mail program (.eml, or a raw message without a name that says so):
its HTML part read as a page, else its plain-text part as a text, decoded from the mail's
transfer encoding and charset; the subject and the sending day fill what the story does not
say. Mails written here with the standard library's email package."""

import json
from email.message import EmailMessage

import pytest
from sqlite_utils import Database

from conftest import ARTICLE_TEXT, connect, ingest_json, run_cli
from ingest.read import sniff_format

SUBJECT = "River rises in Millbrook"
SENT = "Tue, 05 Mar 2024 07:30:00 -0500"


def mail(html: str | None = None, text: str | None = None, subject: str = SUBJECT, cte: str = "base64",
         first_header: tuple[str, str] | None = None, attachment: bytes | None = None) -> bytes:
    message = EmailMessage()
    if first_header:
        message[first_header[0]] = first_header[1]
    message["From"] = "Millbrook Weekly <letters@millbrook-weekly.example>"
    message["To"] = "reader@example.org"
    message["Subject"] = subject
    message["Date"] = SENT
    if text is not None:
        message.set_content(text, cte=cte)
    if html is not None:
        if text is None:
            message.set_content(html, subtype="html", cte=cte)
        else:
            message.add_alternative(html, subtype="html", cte=cte)
    if attachment is not None:
        if html is None and text is None:
            message.set_content("")
            message.clear_content()
        message.add_attachment(attachment, maintype="application", subtype="pdf", filename="issue.pdf")
    return bytes(message)


def newsletter_page(dated: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_TEXT.split("\n\n"))
    return (f"<html><head><title>{SUBJECT}</title>{dated}</head><body><table><tr><td>"
            f"<h1>{SUBJECT}</h1><p class='byline'>By Ada Quill</p>{paragraphs} <p>Étienne Roux helped.</p>"
            "<p><a href='https://millbrook-weekly.example/unsubscribe'>Unsubscribe</a></p>"
            "</td></tr></table></body></html>")


def stored(db_path) -> dict:
    row = next(Database(db_path).query("SELECT title, authors, published, published_source, body FROM articles"))
    return {**row, "authors": json.loads(row["authors"])}


@pytest.mark.parametrize("name, data", [
    # fail before: passed over in a folder (.eml), or its MIME headers, boundaries and base64
    # or quoted-printable stored as the story
    ("issue.eml", mail(html=newsletter_page(), text=ARTICLE_TEXT)),
    ("issue.eml", mail(html=newsletter_page(), cte="quoted-printable")),
    ("issue.eml", mail(html=newsletter_page(), cte="8bit")),  # its markup unencoded: still a mail
    ("issue.eml", mail(html=newsletter_page(), first_header=("Return-Path", "<letters@millbrook-weekly.example>"))),
])
def test_a_newsletter_saved_as_a_mail_is_read_as_its_page(tmp_path, db_path, name, data):
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / name).write_bytes(data)
    code, summary = ingest_json(folder, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = stored(db_path)
    assert (article["title"], article["authors"]) == (SUBJECT, ["Ada Quill"])
    # the sending day where the page gives none, in its zone
    assert (article["published"], article["published_source"]) == ("2024-03-05T07:30:00-05:00", "email")
    assert "Étienne Roux" in article["body"]
    assert next(Database(db_path).query("SELECT name FROM outlets"))["name"] == "Millbrook Weekly"  # the sender
    assert not any(junk in article["body"] for junk in ("Content-Type", "=C3", "PGh0bWw", "Unsubscribe"))


def test_the_pages_own_date_beats_the_sending_day(tmp_path, db_path):
    page = newsletter_page('<meta property="article:published_time" content="2024-03-04T18:00:00+00:00">')
    (tmp_path / "issue.eml").write_bytes(mail(html=page))
    assert ingest_json(tmp_path / "issue.eml", "--db", db_path)[0] == 0
    assert stored(db_path)["published"] == "2024-03-04T18:00:00+00:00"


def test_a_plain_text_mail_with_an_encoded_subject_and_no_name_that_says_so(tmp_path, db_path):
    # fail before: read as a text, the subject's encoded words ("=?utf-8?q?...") were the
    # headline and the quoted-printable the story
    story = ARTICLE_TEXT + "\n\nÉtienne Roux, who runs the ferry, said the crossing would wait."
    data = mail(text=f"By Ada Quill\n\n{story}\n", subject="Jetée closed as river rises", cte="quoted-printable")
    assert b"=?utf-8?" in data and b"=C3=89" in data
    (tmp_path / "issue").write_bytes(data)
    code, summary = ingest_json(tmp_path / "issue", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = stored(db_path)
    assert (article["title"], article["authors"]) == ("Jetée closed as river rises", ["Ada Quill"])
    assert article["published"] == "2024-03-05T07:30:00-05:00"
    assert "Étienne Roux, who runs the ferry" in article["body"] and "=C3" not in article["body"]


def test_a_mail_with_only_an_attachment_fails_with_the_reason(tmp_path, db_path):
    (tmp_path / "issue.eml").write_bytes(mail(attachment=b"%PDF-1.7 ..."))
    code, summary = ingest_json(tmp_path / "issue.eml", "--db", db_path)
    assert (code, summary["failed"]) == (1, 1), summary
    assert summary["failures"][0]["error"].startswith("no story in this mail")
    assert "issue.eml" in summary["failures"][0]["location"]


@pytest.mark.parametrize("head, kind", [
    (mail(text="The river rose.").split(b"\n\n")[0] + b"\n\nThe river rose.", "email"),
    # near misses: a mail saved as plain text (a header, then the words: no MIME lines), and a
    # letter that opens "To:" are texts, read by the text rules
    (b"From: Ann Lee\nSubject: Tide tables\nDate: 4 March 2024\n\nThe tide tables are out.", "text"),
    (b"To: the editor\n\nThe new bridge toll is a tax on the people who can least pay it.", "text"),
])
def test_a_mail_is_told_by_its_mime_header(head, kind):
    assert sniff_format(head) == kind


def test_parse_prints_a_mails_story():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "issue.eml"
        path.write_bytes(mail(html=newsletter_page()))
        result = run_cli("parse", path, "--json")
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.output)
    assert (parsed["title"], parsed["provenance"]["published"]) == (SUBJECT, "email")


def mailbox(*mails: bytes) -> bytes:
    """An mbox file: each mail after its "From " envelope line, a blank line between them, a
    "From " that opens a line of a mail's text escaped as ">From " (as mail programs write it)."""
    return b"".join(b"From letters@millbrook-weekly.example Tue Mar  5 12:30:00 2024\n"
                    + m.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ").rstrip(b"\n") + b"\n\n"
                    for m in mails)


FAIR = ("The county fair opened on Saturday with a record entry of four hundred sheep, the organisers said.\n\n"
        "From the main stage, the judges announced the prize for the heaviest marrow on Sunday afternoon.")


@pytest.mark.parametrize("name", ["newsletters.mbox", "newsletters.mbox.gz"])
def test_each_mail_of_a_mailbox_is_one_input(tmp_path, db_path, name):
    import gzip

    data = mailbox(mail(html=newsletter_page()), mail(text=f"By Ada Quill\n\n{FAIR}\n", subject="County fair opens",
                                                      cte="quoted-printable"),
                   mail(attachment=b"%PDF-1.7 ..."))
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (1, 2, 1), summary
    assert summary["failures"][0]["location"].endswith(f"{name}#3")
    assert summary["failures"][0]["error"].startswith("no story in this mail")
    titles = {r["title"]: r for r in Database(db_path).query("SELECT title, published, body FROM articles")}
    assert set(titles) == {SUBJECT, "County fair opens"}
    assert titles["County fair opens"]["published"] == "2024-03-05T07:30:00-05:00"
    assert "the judges announced" in titles["County fair opens"]["body"]
    # a re-run stores nothing again and reads no stored mail
    code, again = ingest_json(tmp_path, "--db", db_path)
    assert (again["stored"], again["unchanged"], again["unchanged_failed"]) == (0, 3, 1), json.dumps(again)


def test_an_empty_mailbox_is_reported(tmp_path, db_path):
    (tmp_path / "none.mbox").write_bytes(b"")
    code, summary = ingest_json(tmp_path / "none.mbox", "--db", db_path)
    assert code == 1 and summary["failures"][0]["error"].startswith("no mail in this mailbox"), summary


@pytest.mark.parametrize("sender, names", [
    ("Millbrook Weekly <letters@millbrook-weekly.example>", ("Millbrook Weekly", None)),
    ('"Ada Quill from Millbrook Weekly" <millbrookweekly@letters.example>', ("Millbrook Weekly", "Ada Quill")),
    ("Ada Quill at Millbrook Weekly <a@millbrook-weekly.example>", ("Millbrook Weekly", "Ada Quill")),
    ("Millbrook Weekly | Ada Quill <a@millbrook-weekly.example>", ("Millbrook Weekly", None)),
    # near misses: a name with "from" in it stays whole; an address alone names nothing
    ("News from the Harbour <news@harbour.example>", ("News from the Harbour", None)),
    ("letters@millbrook-weekly.example", (None, None)), (None, (None, None)),
])
def test_the_newsletter_and_writer_a_sender_names(sender, names):
    from ingest.mail import sender_names

    assert sender_names(sender) == names


SUBSCRIPTION_ISSUE = f"""<html><head><title>{SUBJECT}</title></head><body>
<div style="display:none">Why the river rose so fast</div>
<table><tr><td><a href="https://millbrook-weekly.example/p/river-rises">View in browser</a></td></tr>
<tr><td><h1>{SUBJECT}</h1><p>{ARTICLE_TEXT.split(chr(10) * 2)[0]}</p>
<p>Residents can unsubscribe from the flood alerts by text; the warden urged them not to.</p>
<p>{ARTICLE_TEXT.split(chr(10) * 2)[1]}</p>
<p><a href="https://millbrook-weekly.example/subscribe">Subscribe now</a></p>
<p>You're currently a free subscriber to Millbrook Weekly. Upgrade for full access.</p>
<p><a href="https://millbrook-weekly.example/unsubscribe">Unsubscribe</a> · 12 Quay St, Millbrook</p>
<p>Millbrook Weekly, 4 Mill Lane, Millbrook</p>
<p>© 2024 Millbrook Weekly</p>
</td></tr></table></body></html>"""


def test_a_newsletters_furniture_is_no_part_of_its_story(tmp_path, db_path):
    # fail before: the web-version link, the subscriber's notice and the unsubscribe line were
    # stored in every issue's text; the writer Substack-style senders name was dropped
    message = EmailMessage()
    message["From"] = '"Ada Quill from Millbrook Weekly" <millbrookweekly@letters.example>'
    message["Subject"] = SUBJECT
    message["Date"] = SENT
    message.set_content(SUBSCRIPTION_ISSUE, subtype="html")
    (tmp_path / "issue.eml").write_bytes(bytes(message))
    code, summary = ingest_json(tmp_path / "issue.eml", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT * FROM articles"))
    assert (article["url"], json.loads(article["authors"])) == ("https://millbrook-weekly.example/p/river-rises", ["Ada Quill"])
    assert not any(words in article["body"] for words in ("View in browser", "free subscriber", "Quay St"))
    # the sender's postal address and copyright below the unsubscribe line (stored before)
    assert "Mill Lane" not in article["body"] and "© 2024" not in article["body"]
    # near miss: the story's own long paragraph that holds a furniture word stays
    assert "Residents can unsubscribe from the flood alerts by text" in article["body"]


def test_a_mailbox_split_on_its_envelope_lines_only(tmp_path, db_path):
    # fail before: a mail whose envelope line came with no blank line before it (as some
    # exporters write one) was read into the mail before it, its "From ..." line taken for a
    # headline; and a text line that opens with "From " after a blank line, left unquoted (as
    # an mboxcl2 writer leaves it), cut its mail in two; and the ">From " a writer quotes such a
    # line with (mboxrd) stayed in the story
    page = newsletter_page().replace("<p>Étienne Roux helped.</p>", "<p>Étienne Roux helped.\n>From the bridge, it looked worse.</p>")
    first = mail(html=page, cte="8bit").replace(b"\r\n", b"\n")
    second = mail(text=f"By Ada Quill\n\n{FAIR}\n", subject="County fair opens", cte="8bit").replace(b"\r\n", b"\n")
    data = (b"From letters@millbrook-weekly.example Tue Mar  5 12:30:00 2024\n" + first.rstrip(b"\n")
            + b"\nFrom - Wed Mar  6 12:30:00 2024\n" + second)
    (tmp_path / "letters.mbox").write_bytes(data)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"], summary["failed"]) == (0, 2, 0), summary
    bodies = {r["title"]: r["body"] for r in Database(db_path).query("SELECT title, body FROM articles")}
    assert set(bodies) == {SUBJECT, "County fair opens"}
    # near miss: the story's own line that opens with "From " is kept, unquoted
    assert "From the main stage" in bodies["County fair opens"]
    assert "From the bridge, it looked worse." in bodies[SUBJECT] and ">From" not in bodies[SUBJECT]


RIVER = ("The river rose by two metres overnight, flooding the low fields by the old mill and closing the "
         "bridge road until Thursday morning, the county engineer said.")


@pytest.mark.parametrize("last_ending", [b"\n", b"", b"\n\n"])
@pytest.mark.parametrize("line_end", [b"\n", b"\r\n"])
def test_a_mail_appended_to_a_mailbox_leaves_the_last_one_unchanged(tmp_path, db_path, last_ending, line_end):
    # fail before: a mailbox whose last mail had no blank line after it got one when a mail
    # was appended (a mail program writes it between mails), so that mail's bytes changed: the
    # run said "1 new, 1 duplicate" and recorded it as a copy of itself at its own PATH#N
    envelope = b"From letters@millbrook-weekly.example Tue Mar  5 12:30:00 2024\n"
    fair = envelope + mail(text=f"By Ada Quill\n\n{FAIR}\n", subject="County fair opens").replace(b"\r\n", b"\n")
    river = envelope + mail(text=f"By Ada Quill\n\n{RIVER}\n", subject="River rises").replace(b"\r\n", b"\n")
    box = tmp_path / "letters.mbox"
    box.write_bytes((fair.rstrip(b"\n") + last_ending).replace(b"\n", line_end))
    assert ingest_json(box, "--db", db_path)[1]["stored"] == 1
    box.write_bytes((fair.rstrip(b"\n") + b"\n\n" + river).replace(b"\n", line_end))
    code, again = ingest_json(box, "--db", db_path)
    assert (code, again["stored"], again["unchanged"], again["duplicate"]) == (0, 1, 1, 0), again
    assert _sources(db_path) == {(f"{box}#1", "stored"), (f"{box}#2", "stored")}


@pytest.mark.parametrize("last_ending", [b"\n", b""])
@pytest.mark.parametrize("line_end", [b"\n", b"\r\n"])
def test_a_mailbox_stored_before_its_last_mail_was_given_a_blank_line_is_still_known(
        tmp_path, db_path, last_ending, line_end):
    # fail before: an archive made before that change holds its last mail under the hash of
    # its bytes as the file ended; read now, with the blank line given, they were other bytes:
    # reparse left it as stored "whose file holds other bytes now", and a mail appended made
    # the run say "1 new, 1 duplicate", that mail a copy of itself at its own PATH#N
    from hashlib import sha256

    envelope = b"From letters@millbrook-weekly.example Tue Mar  5 12:30:00 2024\n"
    fair, river, bridge = (envelope + mail(text=f"By Ada Quill\n\n{text}\n", subject=subject).replace(b"\r\n", b"\n")
                           for text, subject in [(FAIR, "County fair opens"), (RIVER, "River rises"),
                                                 (f"{RIVER} The bridge stays shut.", "Bridge shut")])
    box = tmp_path / "letters.mbox"
    box.write_bytes((fair + b"\n" + river.rstrip(b"\n") + last_ending).replace(b"\n", line_end))
    assert ingest_json(box, "--db", db_path)[1]["stored"] == 2
    formerly = sha256((river.rstrip(b"\n") + last_ending).replace(b"\n", line_end)).hexdigest()
    with connect(db_path) as conn:
        conn.execute("UPDATE sources SET raw_sha256 = ? WHERE location = ?", (formerly, f"{box}#2"))
    again = json.loads(run_cli("reparse", "--all", "--json", "--db", db_path).stdout)
    assert (again["reread"], again["file_changed"], again["file_missing"]) == (2, 0, 0), again
    box.write_bytes((fair + b"\n" + river + b"\n" + bridge).replace(b"\n", line_end))
    code, appended = ingest_json(box, "--db", db_path)
    assert (code, appended["stored"], appended["unchanged"], appended["duplicate"]) == (0, 1, 2, 0), appended
    assert _sources(db_path) == {(f"{box}#{number}", "stored") for number in (1, 2, 3)}


def _sources(db_path) -> set:
    return {(r["location"], r["status"]) for r in Database(db_path).query("SELECT location, status FROM sources")}


STUB = ("<html><body><p>Having trouble seeing this email? <a href='https://millbrook-weekly.example/p/river'>"
        "View it in your browser</a>.</p></body></html>")


@pytest.mark.parametrize("html, url", [
    (STUB, "https://millbrook-weekly.example/p/river"),
    (STUB.replace("<body>", "<head><style>" + "td { color: #333; padding: 0 } " * 60 + "</style></head><body>"),
     "https://millbrook-weekly.example/p/river"),
    ("<html><body><table><tr><td><img src='https://millbrook-weekly.example/logo.png' alt='Millbrook Weekly'></td></tr>"
     "<tr><td>This newsletter is best read as HTML. <a href='https://millbrook-weekly.example/p/river'>Read online</a>"
     "</td></tr></table></body></html>", "https://millbrook-weekly.example/p/river"),
])
def test_a_mail_whose_html_part_is_only_a_stub_is_read_from_its_text(tmp_path, db_path, html, url):
    # fail before: the stub's one line ("Having trouble seeing this email?") was stored as the
    # story, or the mail failed with "no article text found", its text part unread
    (tmp_path / "issue.eml").write_bytes(mail(html=html, text=f"By Ada Quill\n\n{ARTICLE_TEXT}\n"))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT title, url, body FROM articles"))
    assert ARTICLE_TEXT.split("\n\n")[1] in article["body"] and "trouble" not in article["body"]
    assert (article["title"], article["url"]) == (SUBJECT, url)


def test_a_short_html_part_beside_a_short_text_part_is_still_read():
    # near miss: a short issue, its HTML part as long as its text, is read as its page
    from ingest.mail import read_mail

    story = read_mail(mail(html="<html><body><p>The ferry is late again today, the harbour office said.</p></body></html>",
                           text="The ferry is late again today, the harbour office said."))
    assert story.kind == "html"


def forwarded(inner: bytes | None, note_html: bool = False) -> bytes:
    """A mail a reader forwarded to themselves: their note, then the newsletter attached whole
    (message/rfc822, as Apple Mail's and Thunderbird's "Forward as Attachment" send it)."""
    import email

    outer = EmailMessage()
    outer["From"] = "Bo Carr <bo@example.org>"
    outer["Subject"] = f"Fwd: {SUBJECT}"
    outer["Date"] = "Fri, 08 Mar 2024 10:00:00 +0000"
    outer.set_content("Thought you would want this one.\n\nBo")
    if note_html:
        outer.add_alternative("<p>Thought you would want this one.</p><p>Bo</p>", subtype="html")
    if inner is not None:
        outer.add_attachment(email.message_from_bytes(inner, policy=email.policy.default))
    return bytes(outer)


@pytest.mark.parametrize("note_html", [False, True])
def test_a_newsletter_forwarded_as_an_attachment_is_read_with_its_own_header(tmp_path, db_path, note_html):
    # fail before: the forwarder's name was the outlet and the day they forwarded it the
    # publication day (and, with a note written in HTML, the note was the story)
    (tmp_path / "fwd.eml").write_bytes(forwarded(mail(text=f"By Ada Quill\n\n{ARTICLE_TEXT}\n"), note_html))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = stored(db_path)
    assert (article["title"], article["published"]) == (SUBJECT, "2024-03-05T07:30:00-05:00")
    assert ARTICLE_TEXT.split("\n\n")[1] in article["body"]
    assert next(Database(db_path).query("SELECT name FROM outlets"))["name"] == "Millbrook Weekly"


def test_a_forwarded_subject_without_the_newsletter_attached():
    # near miss of the above: forwarded inline, the subject loses its "Fwd:", and the
    # forwarder is taken for no newsletter and their day for no publication day
    from ingest.mail import read_mail

    note = forwarded(None).replace(b"Thought you would want this one.", ARTICLE_TEXT.encode())
    story = read_mail(note)
    assert story.hints == {"title": SUBJECT}
    # near miss: a subject that speaks of forwarding keeps its words and its sender
    assert read_mail(mail(text=ARTICLE_TEXT, subject="Fwd is the new ferry's name")).hints["outlet"] == "Millbrook Weekly"


EMLX_PLIST = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
              b'"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n'
              b'\t<key>date-received</key>\n\t<integer>1709641800</integer>\n\t<key>flags</key>\n'
              b'\t<integer>8590195713</integer>\n</dict>\n</plist>\n')


@pytest.mark.parametrize("cte", ["base64", "8bit"])
def test_apple_mails_own_file_of_a_mail_is_read(tmp_path, db_path, cte):
    # fail before: an .emlx (Apple Mail's file of each mail in ~/Library/Mail: the message's
    # length in bytes on a line, the message, then a property list of its flags) was passed
    # over in a folder, and named on the command line failed with "no article text found"
    # or was read as the page its unencoded HTML part showed, its header lost
    message = mail(html=newsletter_page(), cte=cte)
    (tmp_path / "12345.emlx").write_bytes(str(len(message)).encode() + b"       \n" + message + EMLX_PLIST)
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = stored(db_path)
    assert (article["title"], article["published"]) == (SUBJECT, "2024-03-05T07:30:00-05:00")
    assert "plist" not in article["body"] and "Étienne Roux" in article["body"]


def test_a_mail_that_opens_with_a_number_is_no_emlx():
    # near miss: a raw mail's text is not cut at a number it does not open with
    from ingest.mail import read_mail

    assert read_mail(mail(text="12 boats sank.\n\n" + ARTICLE_TEXT)).content.count("12 boats sank.") == 1


@pytest.mark.parametrize("name, error", [
    # fail before: "binary file (an old Word or Excel file)", which sent the reader to the wrong program
    ("issue.msg", "an Outlook message (.msg), which is not read: save it from Outlook as HTML"),
    # near miss: the same container, another program's (named as the Word document it is)
    ("minutes.doc", "an old Word document (.doc), which is not read: save it as .docx or .odt"),
])
def test_an_outlook_message_fails_with_what_to_do(tmp_path, db_path, name, error):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)  # an OLE2 compound file, as Outlook writes
    code, summary = ingest_json(path, "--db", db_path)
    assert code == 1 and summary["failures"][0]["error"].startswith(error), summary


@pytest.mark.parametrize("layout", ["apple", "thunderbird", "named"])
def test_a_mailbox_file_with_no_extension_is_read_as_one(tmp_path, db_path, layout):
    # fail before: Apple Mail exports a mailbox as a folder "Name.mbox" holding a file "mbox"
    # (and an Info.plist), and Thunderbird keeps each folder as a file "Inbox" beside its
    # "Inbox.msf": walked, the file was passed over as "(no extension)"; named, its mails were
    # read as one
    data = mailbox(mail(html=newsletter_page()), mail(text=f"By Ada Quill\n\n{FAIR}\n", subject="County fair opens"))
    folder = tmp_path / ("Newsletters.mbox" if layout == "apple" else "Mail")
    folder.mkdir()
    box = folder / ("mbox" if layout == "apple" else "Inbox")
    box.write_bytes(data)
    (folder / "Info.plist" if layout == "apple" else folder / "Inbox.msf").write_bytes(b"// index")
    code, summary = ingest_json(box if layout == "named" else folder, "--db", db_path)
    assert (code, summary["stored"]) == (0, 2), summary
    assert summary["failures"] == [] and summary.get("passed_over", {}).get("(no extension)") is None


@pytest.mark.parametrize("name", ["Newsletters.eml", "Newsletters.txt"])
def test_a_mailbox_saved_under_a_single_mails_name_is_read_mail_by_mail(tmp_path, db_path, name):
    # fail before: a mailbox of two newsletters named .eml was read as one mail, the second
    # one's header and story glued under the first one's as one article
    data = mailbox(mail(html=newsletter_page()), mail(text=f"By Ada Quill\n\n{FAIR}\n", subject="County fair opens"))
    (tmp_path / name).write_bytes(data)
    code, summary = ingest_json(tmp_path / name, "--db", db_path)
    assert (code, summary["stored"]) == (0, 2), summary
    # near miss: one mail saved with its envelope line is still one mail, named by its file
    (tmp_path / "one.eml").write_bytes(mailbox(mail(text=f"By Ada Quill\n\n{FAIR} Again.\n", subject="Fair again")))
    code, summary = ingest_json(tmp_path / "one.eml", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    assert Database(db_path).execute("SELECT max(location) FROM sources").fetchone()[0].endswith("one.eml")


def test_a_text_that_opens_with_from_is_no_mailbox(tmp_path, db_path):
    # near miss: a note with no extension that opens with "From " and no envelope is passed over
    (tmp_path / "notes").write_bytes(b"From the harbour office: the ferry runs at noon.\n")
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert summary["seen"] == 0 and summary["passed_over"] == {"(no extension)": 1}, summary


@pytest.mark.parametrize("subject, sender, title, outlet", [
    # fail before: a header written in UTF-8 or a code page as it is, not as encoded words (as
    # many mail programs save one; RFC 6532), was read as "Caf�� closes"
    ("Café closes at the Jetée".encode(), "Jetée Notes".encode(), "Café closes at the Jetée", "Jetée Notes"),
    ("Café closes".encode("cp1252"), b"Harbor Notes", "Café closes", "Harbor Notes"),
    # near miss: encoded words are read as before
    (b"=?utf-8?q?Caf=C3=A9_closes?=", b"=?utf-8?q?Jet=C3=A9e_Notes?=", "Café closes", "Jetée Notes"),
])
def test_a_header_in_eight_bit_characters(subject, sender, title, outlet):
    from ingest.mail import read_mail

    raw = (b"From: " + sender + b" <a@jetee.example>\nSubject: " + subject + b"\nDate: " + SENT.encode()
           + b"\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
           + ARTICLE_TEXT.encode() + b"\n")
    hints = read_mail(raw).hints
    assert (hints["title"], hints["outlet"]) == (title, outlet)


@pytest.mark.parametrize("words, web_version", [
    # fail before: these words of the link to the issue on the web, as mailing tools write them,
    # were not known, so the link stayed in the story and its address was not kept
    ("View in web browser", True), ("View email in browser", True), ("View as a web page", True),
    ("View the online version", True), ("View online version", True), ("View on our website", True),
    ("View this email in your browser", True), ("Read online", True), ("Web version", True),  # as before
    # near misses: links of the story's
    ("View on map", False), ("Read more", False), ("Online", False), ("View the full report online today", False),
])
def test_the_words_of_a_web_version_link(words, web_version):
    from ingest.mail import _WEB_VERSION

    assert bool(_WEB_VERSION.match(words)) is web_version


GMAIL_FORWARD = ("<div dir='ltr'>Worth a read.</div><div class='gmail_quote'><div dir='ltr' class='gmail_attr'>"
                 "---------- Forwarded message ---------<br>From: <strong>Millbrook Weekly</strong> "
                 "&lt;letters@millbrook-weekly.example&gt;<br>Date: Tue, Mar 5, 2024 at 7:30 AM<br>"
                 f"Subject: {SUBJECT}<br>To: &lt;bo@example.org&gt;<br></div><br>{newsletter_page()}</div>")
APPLE_FORWARD = ("<div>Worth a read.</div><div><br><blockquote type='cite'><div>Begin forwarded message:</div><br>"
                 "<div><b>From: </b>Millbrook Weekly &lt;letters@millbrook-weekly.example&gt;</div>"
                 f"<div><b>Subject: </b>{SUBJECT}</div><div><b>Date: </b>5 March 2024 at 07:30:00 GMT-5</div>"
                 f"<div><b>To: </b>bo@example.org</div><br>{newsletter_page()}</blockquote></div>")


@pytest.mark.parametrize("html", [GMAIL_FORWARD, APPLE_FORWARD])
def test_a_newsletter_forwarded_inline_is_read_with_the_header_it_quotes(tmp_path, db_path, html):
    # fail before: the forward's quoted header ("---------- Forwarded message ---------", "From:
    # ...", "Date: ...") was in the story, and the newsletter's name and day were unknown (the
    # forwarder's were taken, or, since the subject's "Fwd:" is read, none)
    message = forwarded(None, note_html=False)
    import email

    parsed = email.message_from_bytes(message, policy=email.policy.default)
    parsed.add_alternative(html, subtype="html")
    (tmp_path / "fwd.eml").write_bytes(bytes(parsed))
    code, summary = ingest_json(tmp_path, "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = stored(db_path)
    assert article["title"] == SUBJECT and article["published"].startswith("2024-03-05T07:30:00")
    assert next(Database(db_path).query("SELECT name FROM outlets"))["name"] == "Millbrook Weekly"
    assert not any(junk in article["body"] for junk in ("Forwarded message", "Begin forwarded", "bo@example.org", "To:"))


def test_a_plain_text_forward_quotes_the_newsletters_header():
    from ingest.mail import read_mail

    quoted = ("---------- Forwarded message ---------\nFrom: Millbrook Weekly <letters@millbrook-weekly.example>\n"
              f"Date: Tue, 05 Mar 2024 07:30:00 -0500\nSubject: {SUBJECT}\nTo: bo@example.org\n\n{ARTICLE_TEXT}")
    story = read_mail(forwarded(None).replace(b"Thought you would want this one.", quoted.encode()))
    assert (story.hints["outlet"], story.hints["published"]) == ("Millbrook Weekly", "2024-03-05T07:30:00-05:00")
    assert "Forwarded message" not in story.content and "bo@example.org" not in story.content
    assert ARTICLE_TEXT.split("\n\n")[0] in story.content


PLAIN_STORY = ARTICLE_TEXT.split("\n\n")


@pytest.mark.parametrize("top, bottom, url, gone, kept", [
    # fail before: the web-version line and the footer were the story's first and last lines
    ("View this email in your browser: https://millbrook-weekly.example/p/7",
     "--\n\nYou are receiving Millbrook Weekly because you signed up at millbrook-weekly.example."
     "\n\nUnsubscribe: https://millbrook-weekly.example/u\n\nMillbrook Weekly, 4 Mill Lane, Millbrook",
     "https://millbrook-weekly.example/p/7", ["View this email", "signed up", "Unsubscribe", "Mill Lane", "--"], []),
    # the address on the line below the words; a signature's rule inside the last paragraph
    ("Read it online\n<https://millbrook-weekly.example/p/8>",
     "Thanks for reading.\n-- \nManage your subscription: https://millbrook-weekly.example/m",
     "https://millbrook-weekly.example/p/8", ["Read it online", "Manage your subscription", "p/8"], ["Thanks for reading."]),
    # near misses: a line that only starts like a web-version link, a sign-off, no footer
    ("View from the mill race: https://millbrook-weekly.example/photo", "By Ada Quill\n--\nAda Quill, editor",
     None, [], ["View from the mill race", "By Ada Quill", "Ada Quill, editor"]),
])
def test_a_plain_text_newsletters_furniture(top, bottom, url, gone, kept):
    from ingest.mail import text_without_furniture

    text, found = text_without_furniture(top + "\n\n" + "\n\n".join(PLAIN_STORY) + "\n\n" + bottom + "\n")
    assert found == url
    assert [words for words in gone if words in text] == []
    assert [words for words in kept if words in text] == kept
    assert all(paragraph in text for paragraph in PLAIN_STORY)


def test_a_plain_text_newsletter_is_stored_without_its_furniture(tmp_path, db_path):
    # fail before: stored with "View this email..." and the footer; no url
    text = ("View this email in your browser: https://millbrook-weekly.example/p/7\n\n" + "\n\n".join(PLAIN_STORY)
            + "\n\n-- \nYou are receiving this email because you subscribed.\nUnsubscribe: https://millbrook-weekly.example/u\n")
    (tmp_path / "issue.eml").write_bytes(mail(text=text))
    code, summary = ingest_json(tmp_path / "issue.eml", "--db", db_path)
    assert (code, summary["stored"]) == (0, 1), summary
    article = next(Database(db_path).query("SELECT url, body FROM articles"))
    assert article["url"] == "https://millbrook-weekly.example/p/7"
    assert "subscribe" not in article["body"].lower() and "View this email" not in article["body"]


@pytest.mark.parametrize("subject, newsletter, title", [
    ("Millbrook Weekly: the river rises", "Millbrook Weekly", "the river rises"),  # fail before: kept whole
    ("The river rises | Millbrook Weekly", "Millbrook Weekly", "The river rises"),
    ("Millbrook Weekly: Extra", "Millbrook Weekly", "Millbrook Weekly: Extra"),  # near miss: one word left
    ("Millbrook Weekly rises", "Millbrook Weekly", "Millbrook Weekly rises"),  # near miss: no separator
    ("The river rises", None, "The river rises"),
])
def test_a_subject_loses_the_newsletters_name(subject, newsletter, title):
    from ingest.mail import subject_without_newsletter

    assert subject_without_newsletter(subject, newsletter) == title
