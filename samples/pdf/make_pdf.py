"""Writes meridianpost-skerrow-ferry.pdf: a page of ours (below) as a reader's browser prints
it, with Chromium's own header and footer (the time of printing, the page's title, its address,
"1/2"), which is how users keep a page as PDF. Not an article: ingest skips this script.

    python samples/pdf/make_pdf.py    # needs Debian's chromium

The page is served from 127.0.0.1 under its own address (Chromium's host resolver rules map the
outlet's name there), so the footer gives the address a reader would have printed it from."""

import functools
import http.server
import subprocess
import tempfile
import threading
from pathlib import Path

HOST = "meridianpost.example"
ADDRESS_PATH = "/business/2025/11/18/skerrow-ferry-small-ports"
PARAGRAPHS = [
    "For most of the year the ferry to Skerrow Isle is a footnote in the accounts of the port "
    "that runs it: one small vessel, four crossings a day, a few hundred passengers a week. This "
    "winter it has become the most argued-over boat on the coast, and the argument is one that "
    "small ports everywhere are about to have.",
    "The harbour board's decision to stop the winter sailings from December to March rests on a "
    "single machine. The board owns one dredger. Autumn storms have filled the main channel with "
    "silt, and the same silt has piled up at the island's slipway faster than in any year on the "
    "board's records. The dredger cannot be in both places, and the channel carries the trade "
    "that pays for everything else.",
    "Islanders answered with a petition signed by three in every four residents and a question "
    "the board has not yet answered: what would it cost to hire a second dredger for the four "
    "winter months? Contractors on this coast charge between 9,000 and 14,000 pounds a week for "
    "a vessel of the right size, according to two firms that quoted for similar work last year. "
    "Sixteen weeks would cost the board somewhere between 144,000 and 224,000 pounds.",
    "That is a large sum for a port board whose income fell sharply this autumn. It is a small "
    "one set against what the island stands to lose. The school run, the post, the fortnightly "
    "doctor and the shop's deliveries all travel on the ferry; the island's only alternative is a "
    "fishing boat whose skipper has said he will not carry passengers for hire.",
    "Skerrow is not alone. Shipping analysts have warned for a decade that the silting of small "
    "harbours would outrun the dredging budgets of the bodies that run them, as storms grow "
    "stronger and public money for maintenance shrinks. Boards facing the choice between a "
    "channel that earns and a crossing that serves have, so far, mostly chosen the channel.",
    "The board meets on 20 November. Whatever it decides about Skerrow, it will be deciding "
    "something larger: whether a port is a business that happens to run a ferry, or a public "
    "service that happens to earn money.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Why one island's ferry is a test for every small port | The Meridian Post</title>
<style>body{{font-family:Georgia,serif;font-size:15px;max-width:40em;margin:auto}}
.byline{{color:#555}}</style></head>
<body>
<nav>The Meridian Post · News · Business · Opinion · Sport</nav>
<article>
<h1>Why one island's ferry is a test for every small port</h1>
<p class="byline">By Rafael Ostrowski · 18 November 2025</p>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<footer>© 2025 The Meridian Post</footer>
</body></html>
"""


class PageHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the page at its address, which has no extension to tell its type by."""

    def guess_type(self, path):
        return "text/html; charset=utf-8"

    def log_message(self, format, *args):
        pass


def main() -> None:
    here = Path(__file__).resolve().parent
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / ADDRESS_PATH.strip("/")).parent.mkdir(parents=True)
        (Path(folder) / ADDRESS_PATH.strip("/")).write_text(PAGE, encoding="utf-8")
        handler = functools.partial(PageHandler, directory=folder)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            f"--host-resolver-rules=MAP {HOST}:80 127.0.0.1:{server.server_port}",
                            f"--print-to-pdf={here / 'meridianpost-skerrow-ferry.pdf'}", f"http://{HOST}{ADDRESS_PATH}"],
                           check=True, capture_output=True)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
