"""Interoperability with the reference ``age`` command-line tool (Debian package ``age``).

An advocate without Amanat opens a bundle with ``age -d``; bundles made by ``age`` must open in
Amanat. Passphrase mode reads from the terminal (/dev/tty), not from stdin, so those tests run
``age`` under a pseudo-terminal and answer its prompts.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from amanat.core.bundle import (
    Identity,
    Recipient,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    decrypt,
    encrypt,
)

AGE = shutil.which("age")
SIZES = [0, 5 * 1000 * 1000]
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def age() -> str:
    if AGE is None:
        message = "the age command-line tool is not installed (Debian package: age)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AGE


def _run(*args: str | Path) -> bytes:
    done = subprocess.run([str(a) for a in args], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def _output(path: Path) -> bytes:
    # age creates its -o file on the first byte of plaintext: none at all for an empty one.
    return path.read_bytes() if path.exists() else b""


def _run_in_terminal(argv: list[str], answers: list[tuple[bytes, bytes]]) -> bytes:
    """Run ``argv`` with a pseudo-terminal as its controlling terminal, answering each prompt
    in turn; returns what it printed there. Fails if it exits non-zero or hangs."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: pty.fork made the terminal its controlling tty and stdio
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    transcript = bytearray()
    answered = 0  # where the next prompt is looked for
    pending = list(answers)
    deadline = time.monotonic() + 120
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                pytest.fail(f"{argv[0]} hung; it printed {bytes(transcript)!r}")
            ready, _, _ = select.select([terminal], [], [], remaining)
            if not ready:
                continue
            try:
                data = os.read(terminal, 4096)
            except OSError:  # EIO: the child has exited and the terminal is gone
                break
            if not data:
                break
            transcript += data
            while pending and (found := transcript.find(pending[0][0], answered)) >= 0:
                prompt, answer = pending.pop(0)
                os.write(terminal, answer)
                answered = found + len(prompt)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0, bytes(transcript)
    assert not pending, f"never asked for {pending[0][0]!r}: {bytes(transcript)!r}"
    return bytes(transcript)


def _seal(path: Path, data: bytes, recipients: Sequence[Recipient], armor: bool = False) -> None:
    with open(path, "wb") as out, encrypt(out, recipients, armor=armor) as writer:
        writer.write(data)


def _open(path: Path, identities: Sequence[Identity]) -> bytes:
    with open(path, "rb") as handle:
        reader = decrypt(handle, identities)
        plaintext = reader.read()
        assert reader.complete
        return plaintext


# --- Public keys ---------------------------------------------------------------------------


@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armored"])
@pytest.mark.parametrize("size", SIZES)
def test_age_opens_what_we_seal_to_a_key(age: str, tmp_path: Path, size: int, armor: bool) -> None:
    identity = X25519Identity.generate()
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"# created by Amanat\n{identity.to_string()}\n")
    plaintext = os.urandom(size)
    recipients = [X25519Identity.generate().recipient(), identity.recipient()]
    _seal(tmp_path / "bundle.age", plaintext, recipients, armor=armor)
    assert _run(age, "-d", "-i", key_file, tmp_path / "bundle.age") == plaintext


@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armored"])
@pytest.mark.parametrize("size", SIZES)
def test_we_open_what_age_seals_to_a_key(age: str, tmp_path: Path, size: int, armor: bool) -> None:
    identity = X25519Identity.generate()
    plaintext = os.urandom(size)
    (tmp_path / "plain").write_bytes(plaintext)
    armor_flag = ["-a"] if armor else []
    recipient = str(identity.recipient())
    _run(age, *armor_flag, "-r", recipient, "-o", tmp_path / "bundle.age", tmp_path / "plain")
    assert (
        (tmp_path / "bundle.age")
        .read_bytes()
        .startswith(b"-----BEGIN AGE" if armor else b"age-encryption.org/v1\n")
    )
    assert _open(tmp_path / "bundle.age", [identity]) == plaintext


def test_keys_made_by_age_keygen_parse(age: str, tmp_path: Path) -> None:
    keygen = Path(age).with_name("age-keygen")
    if not keygen.exists():
        pytest.skip("age-keygen is not installed beside age")
    _run(keygen, "-o", tmp_path / "key.txt")
    lines = (tmp_path / "key.txt").read_text().splitlines()
    public = next(line.split(": ")[1] for line in lines if line.startswith("# public key"))
    identity = X25519Identity.parse(next(line for line in lines if line.startswith("AGE-")))
    assert identity.recipient() == X25519Recipient.parse(public)
    assert identity.to_string() in lines


# --- Passphrases ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_age_opens_what_we_seal_with_a_passphrase(age: str, tmp_path: Path, size: int) -> None:
    plaintext = os.urandom(size)
    # A lower work factor than the default 18 keeps the test quick; age accepts up to 22.
    _seal(tmp_path / "bundle.age", plaintext, [ScryptRecipient(PASSPHRASE, work_factor=14)])
    _run_in_terminal(
        [age, "-d", "-o", str(tmp_path / "out"), str(tmp_path / "bundle.age")],
        [(b"Enter passphrase", PASSPHRASE.encode() + b"\n")],
    )
    assert _output(tmp_path / "out") == plaintext


@pytest.mark.parametrize("size", SIZES)
def test_we_open_what_age_seals_with_a_passphrase(age: str, tmp_path: Path, size: int) -> None:
    plaintext = os.urandom(size)
    (tmp_path / "plain").write_bytes(plaintext)
    answer = PASSPHRASE.encode() + b"\n"
    _run_in_terminal(
        [age, "-p", "-o", str(tmp_path / "bundle.age"), str(tmp_path / "plain")],
        [(b"Enter passphrase", answer), (b"Confirm passphrase", answer)],
    )
    sealed = (tmp_path / "bundle.age").read_bytes()
    assert b"\n-> scrypt " in sealed[:200]
    assert _open(tmp_path / "bundle.age", [ScryptIdentity(PASSPHRASE)]) == plaintext
