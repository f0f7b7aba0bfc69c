"""The export plan shows pictures of the pages as they leave; a recording has none, so it is
left out of them instead of failing to open as a picture (the demo's recorded call did, in
the bundle screenshots)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from amanat.core.bundle.export import ExportPlan
from amanat.core.records import Page
from amanat.gui.bundles.leaving_pages import pages_shown


def _page(number: int, mime_type: str) -> Page:
    return Page("d", number, f"{number:064d}", mime_type, size=1000)


def test_recordings_are_left_out_of_the_pictures_of_the_pages_as_they_leave() -> None:
    call, letter, redacted = _page(1, "audio/ogg"), _page(2, "image/jpeg"), _page(3, "image/png")
    video = _page(4, "video/mp4")
    plan = cast(
        ExportPlan,
        SimpleNamespace(pages=[call, letter, redacted, video], redacted_page_ids={redacted.id}),
    )
    assert pages_shown(plan) == [redacted, letter]
