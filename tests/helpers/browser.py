"""Headless Chromium driven over its DevTools protocol on a pipe (no extra package, no
downloaded browser): open a page with the network cut off, and see every request it made,
everything it wrote to its console, what its DOM says, and what it looks like."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
    # The network is cut off: every name resolves to nothing, every connection goes to a
    # closed port. A page that tried to reach out would show it as a request, and fail.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9",
)


def chromium() -> str:
    """The Chromium to test with; under CI a missing one fails the test, elsewhere it skips."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing: CI installs it (.ci/run) to test the bundle reader")
    pytest.skip("chromium is not installed here (apt-get install chromium)")


@dataclass
class Visit:
    """What a page did while it was open."""

    requests: list[str] = field(default_factory=list)
    """Every URL the page asked for, in order (the page itself first)."""
    failed: list[str] = field(default_factory=list)
    """URLs whose loading failed."""
    console: list[str] = field(default_factory=list)
    """Every console message, log entry and uncaught exception, as "level: text"."""


class Browser:
    def __init__(self, process: subprocess.Popen[bytes], write: int, read: int) -> None:
        self._process = process
        self._write = write
        self._read = read
        self._buffer = b""
        self._next_id = 0
        self._session = ""
        self.visit = Visit()

    def _send(self, method: str, params: dict[str, Any] | None = None) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self._session:
            message["sessionId"] = self._session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._read], [], [], left)
            if ready:
                data = os.read(self._read, 1 << 20)
                if not data:
                    raise RuntimeError("Chromium closed its pipe")
                self._buffer += data
        message, self._buffer = self._buffer.split(b"\0", 1)
        value: dict[str, Any] = json.loads(message)
        self._note(value)
        return value

    def _note(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        params = message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.visit.requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            self.visit.failed.append(params.get("errorText", ""))
        elif method == "Log.entryAdded":
            entry = params["entry"]
            self.visit.console.append(f"{entry['level']}: {entry['text']} {entry.get('url', '')}")
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            self.visit.console.append(f"{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            self.visit.console.append(f"exception: {params['exceptionDetails']}")

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        number = self._send(method, params)
        deadline = time.monotonic() + 30
        while True:
            message = self._receive(deadline)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def wait_for(self, event: str, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while self._receive(deadline).get("method") != event:
            pass

    def attach(self) -> None:
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        attached = self.call(
            "Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}
        )
        self._session = attached["sessionId"]
        for domain in ("Page", "Network", "Log", "Runtime"):
            self.call(f"{domain}.enable")

    def open(self, url: str, width: int = 1280, height: int = 900) -> Visit:
        self.visit = Visit()
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        self.call("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")
        self.settle()
        return self.visit

    def settle(self, seconds: float = 0.5) -> None:
        """Take in what the page says for a moment more (late console messages)."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._receive(deadline)
        except TimeoutError:
            return

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(str(result["exceptionDetails"]))
        return result["result"].get("value")

    def screenshot(self, path: Path) -> None:
        shot = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        path.write_bytes(base64.b64decode(shot["data"]))


@contextmanager
def headless() -> Iterator[Browser]:
    executable = chromium()
    with tempfile.TemporaryDirectory(prefix="amanat-chromium-") as profile:
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()

        def pipes() -> None:  # the browser reads commands on fd 3 and answers on fd 4
            commands = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            answers = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        process = subprocess.Popen(
            [executable, *_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=pipes,
            close_fds=False,  # fds 3 and 4 are made in pipes(), after Popen would close them
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        browser = Browser(process, to_browser_write, from_browser_read)
        try:
            browser.attach()
            yield browser
        finally:
            with suppress(RuntimeError, TimeoutError, OSError):
                browser.call("Browser.close")
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            os.close(to_browser_write)
            os.close(from_browser_read)
