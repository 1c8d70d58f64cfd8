"""Screenshots of the dashboard on a database, for the README and docs (needs /usr/bin/chromium).

    .venv/bin/python scripts/screenshot_dashboard.py wirewatch.db docs/img
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from wirewatch.store import open_store
from wirewatch.watch.rebuild import ensure_fresh
from wirewatch.web.api import create_app

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = {"dashboard.png": "/", "dashboard-pair.png": "/pair/RUS/NATO?day=2024-03-22"}


def main(db: str, out: Path) -> None:
    with open_store(db) as store:
        ensure_fresh(store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        for name, path in SHOTS.items():
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.wait_for_selector("body[data-ready='1']")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / name), full_page=True)
            print(f"wrote {out / name}")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "wirewatch.db",
         Path(sys.argv[2] if len(sys.argv) > 2 else "docs/img"))
