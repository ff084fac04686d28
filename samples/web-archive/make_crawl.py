"""Writes harborledger-crawl.warc.gz, the sample web archive: a small crawl of the invented
Harbor Ledger and Three Rivers Public Radio sites, as a crawler (wget --warc-file, Heritrix,
Webrecorder) would have saved it. Everything in it is written for this project (CC0, like the
rest of samples/). Not an article itself: the ingester does not read .py files.

    python samples/web-archive/make_crawl.py

It holds, in this order: the request for the ferry story, the ferry story (a page of its own,
not elsewhere in samples/; it names no date and no address, so both come from the capture), the
site's logo, a redirect from an old address, and a second capture of
html/trpr-almsey-flood-warning.html (the same bytes: one more sighting of that article).
"""

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
FERRY_URL = "https://harborledger.example/port/2025/10/28/ferries-back-on-timetable"

FERRY_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Kestrel Bay ferries back on full timetable as port traffic recovers | The Harbor Ledger</title>
  <meta property="og:site_name" content="The Harbor Ledger">
  <meta property="og:title" content="Kestrel Bay ferries back on full timetable as port traffic recovers">
</head>
<body>
  <nav><a href="/">The Harbor Ledger</a> | <a href="/port">Port &amp; Harbour</a> | <a href="/weather">Weather</a></nav>
  <article>
    <h1>Kestrel Bay ferries back on full timetable as port traffic recovers</h1>
    <p class="byline">By Tobias Wren</p>
    <p>The island ferries out of Kestrel Bay returned to their full winter timetable on Tuesday,
    four days after dockworkers voted to end the six-week strike at Gannet Quay.</p>
    <p>During the stoppage the ferry company had cut sailings to Hollin Isle from six a day to
    two, because freight for the island was stuck behind the queue of container ships waiting
    in the outer roads. The last of those ships berthed on Monday night.</p>
    <p>"We lost most of October's freight bookings, but the passengers stayed loyal," said the
    company's operations manager, Liesl Varga. She said the morning crossing would run an extra
    service on Saturdays until the backlog of island deliveries was cleared.</p>
    <p>Harbour officials expect container traffic to reach its usual level by the middle of
    November. Talks on the automation plans that caused the strike resume next month.</p>
  </article>
  <aside class="newsletter">Get the Ledger's port briefing every morning. <a href="/signup">Sign up</a></aside>
  <footer>&copy; 2025 The Harbor Ledger</footer>
</body>
</html>
"""

# The smallest valid PNG: one transparent pixel (the crawler saved the site's images too).
LOGO = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


def main() -> None:
    flood = (HERE.parent / "html" / "trpr-almsey-flood-warning.html").read_bytes()
    with open(HERE / "harborledger-crawl.warc.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)

        def capture(uri, kind, payload, status=None, content_type="text/html; charset=utf-8",
                    headers=(), when="2025-10-28T09:14:03Z"):
            http = None
            if status:
                http = StatusAndHeaders(status, [("Content-Type", content_type), *headers],
                                        protocol="HTTP/1.1")
            elif kind == "request":
                http = StatusAndHeaders(f"GET {uri.split('.example', 1)[1]} HTTP/1.1",
                                        [("Host", uri.split("/")[2])], protocol="HTTP/1.1",
                                        is_http_request=True)
            writer.write_record(writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), http_headers=http,
                warc_headers_dict={"WARC-Date": when}))

        capture(FERRY_URL, "request", b"")
        capture(FERRY_URL, "response", FERRY_PAGE.encode("utf-8"), "200 OK")
        capture("https://harborledger.example/assets/ledger-logo.png", "response", LOGO, "200 OK",
                "image/png")
        capture("https://harborledger.example/ferries", "response", b"", "301 Moved Permanently",
                headers=[("Location", FERRY_URL)])
        capture("https://threeriversradio.example/news/2025/10/06/almsey-flood-warning",
                "response", flood, "200 OK", when="2025-10-28T09:15:41Z")


if __name__ == "__main__":
    main()
