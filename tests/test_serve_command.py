"""`news-archive serve` as a user runs it: a real process, on a real port of this machine."""

import json
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ARTICLE_TEXT, ingest_json


@pytest.mark.parametrize("port", ["0", "free"])  # "free": a near-miss, a port given by number
def test_serve_prints_the_address_it_really_serves(tmp_path, db_path, port):
    # --port 0 (allowed, 0<=x<=65535) printed "Serving ... at http://127.0.0.1:0/", an address
    # nothing answers at, while uvicorn listened on a port of the system's choosing.
    import socket

    (tmp_path / "a.txt").write_text("Ferry fares rise at Port Vale\n\n" + ARTICLE_TEXT)
    assert ingest_json(tmp_path / "a.txt", "--db", db_path)[0] == 0
    if port == "free":
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = str(probe.getsockname()[1])
    process = subprocess.Popen([sys.executable, "-m", "ingest", "serve", "--db", str(db_path), "--port", port],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = process.stdout.readline()
        address = line.split(" at ", 1)[1].split("/ ", 1)[0]
        assert not address.endswith(":0") and (port == "0" or address.endswith(f":{port}")), line
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{address}/archive/articles.json?_shape=array", timeout=5) as response:
                    rows = json.load(response)
                break
            except OSError:
                assert time.monotonic() < deadline, f"nothing answered at {address}"
                time.sleep(0.2)
        assert [row["title"] for row in rows] == ["Ferry fares rise at Port Vale"]
    finally:
        process.terminate()
        process.wait(timeout=30)
