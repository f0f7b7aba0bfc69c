"""kill -9 after a bundle import's commit, while ``amanat import-bundle`` draws the pages'
thumbnails and previews: the bundle is in whole, the archive opens and its full check passes
with pages still lacking pictures (a normal state), and the next pass draws what is left.

The command runs in a process of its own with the pass's keeping step wrapped so that the
process group kills itself with SIGKILL at a chosen point: before the first page's pictures
are kept, or after one page's. A random delay would rarely land in that window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from amanat.app import previews as app_previews
from amanat.core.bundle import identity
from amanat.core.bundle.export import ExportOptions, ExportScope
from amanat.core.check import check
from amanat.core.scans import previews
from amanat.core.storage import pages
from amanat.core.vault import Archive
from tests.helpers import scan_files
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import export_to, fill, new_archive
from tests.helpers.cli import DESKTOP, OUR_VARIABLES

REPO = Path(__file__).resolve().parents[2]
PHOTOS = 4

_CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from amanat.core.scans import previews

    after = int(sys.argv[1])
    kept = previews._keep
    count = [0]

    def keep_then_die(db, page_id, pictures):
        if count[0] >= after:
            os.killpg(os.getpgid(0), signal.SIGKILL)  # the decoding workers with it
        kept(db, page_id, pictures)
        count[0] += 1

    previews._keep = keep_then_die
    from amanat.cli import main
    sys.argv = ["amanat", *sys.argv[2:]]
    sys.exit(main())
    """
)


def _bundle(tmp_path: Path, receiver: Path) -> tuple[Path, str, str]:
    """A bundle of a letter with PHOTOS photo pages for ``receiver``; the letter's id and
    the sender's fingerprint."""
    with new_archive(tmp_path / "sender.amanat") as sender:
        sample = fill(sender)
        for number in range(PHOTOS - 1):
            photo = scan_files.jpeg(scan_files.marked((300 + number, 200)))
            pages.add(sender.db, sample.letter, photo, f"photo-{number}.jpg")
        keys = identity.ensure(sender.db)
        with Archive.open(receiver, PASSWORD) as opened:
            bundle = export_to(
                sender,
                opened,
                tmp_path / "b.age",
                ExportScope(document_ids=(sample.letter,)),
                ExportOptions(originals=True),
            )
    return bundle, sample.letter, keys.fingerprint


@pytest.mark.parametrize("after", [0, 1])
def test_kill_between_the_commit_and_the_thumbnails(tmp_path: Path, after: int) -> None:
    receiver = tmp_path / "advocate.amanat"
    new_archive(receiver).lock()
    bundle, letter, fingerprint = _bundle(tmp_path, receiver)
    password = tmp_path / "password"
    password.write_text(PASSWORD + "\n")
    environment = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    environment["PYTHONPATH"] = str(DESKTOP)
    done = subprocess.run(
        [
            sys.executable, "-c", _CHILD, str(after),
            "--archive", str(receiver), "--password-file", str(password),
            "import-bundle", "--accept-signer", fingerprint, str(bundle),
        ],
        env=environment,
        cwd=REPO,
        capture_output=True,
        timeout=300,
        start_new_session=True,
    )  # fmt: skip
    assert done.returncode == -signal.SIGKILL, done.stderr.decode(errors="replace")

    with Archive.open(receiver, PASSWORD) as archive:
        db = archive.db
        report = check(db, full=True)
        assert report.healthy, report.problems
        arrived = pages.pages_of(db, letter)
        assert len(arrived) == PHOTOS  # the bundle is in, whole
        drawn = [p for p in arrived if pages.image(db, p.id, "thumbnail") is not None]
        assert len(drawn) == after
        assert len(previews.missing(db)) == PHOTOS - after
        # The next pass (the window's, a few pages per turn) finishes them.
        passed_over: set[str] = set()
        while app_previews.make_some_previews(archive, passed_over=passed_over):
            pass
        assert previews.missing(db) == []
        for page in arrived:
            assert pages.image(db, page.id, "thumbnail") is not None
            assert pages.image(db, page.id, "preview") is not None
        report = check(db, full=True)
        assert report.healthy, report.problems
