"""Fuzzing with hypothesis: mutated copies of valid inputs, each checked by a target's own
rule (imported or refused by name, nothing else), in one of two modes.

- ``make test``: each target runs a fixed number of cases (FUZZ_EXAMPLES, default per target)
  with a fixed seed, so the run is the same every time and takes seconds.
- ``make fuzz``: FUZZ_SECONDS set; each target runs new random cases for that many
  seconds. An input that breaks the rule is saved under tests/fuzz/corpus/TARGET/, and the
  target's replay test runs every saved input from then on.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CORPUS = Path(__file__).parent / "corpus"

Check = Callable[[bytes], str]
"""A target's rule for one input: returns the outcome's name ("imported", "refused"…);
anything it raises is a failure."""

# Values that break sizes and offsets: zero, one, the edges of signed and unsigned fields.
_EDGES = (0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF)


def fuzz_seconds() -> float:
    return float(os.environ.get("FUZZ_SECONDS", "0") or 0)


def examples(default: int) -> int:
    return int(os.environ.get("FUZZ_EXAMPLES", "0") or 0) or default


def mutated(seed: bytes, focus: tuple[int, int] | None = None) -> st.SearchStrategy[bytes]:
    """``seed`` changed in one to four places, within ``focus`` (start, end) if given:
    bits flipped, bytes overwritten, an edge value written over a size field, a piece
    cut out, repeated or inserted, or the end cut off."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:  # a closure: the seed stays out of reports
        data = bytearray(seed)
        for _ in range(draw(st.integers(1, 4))):
            low, high = focus or (0, len(data))
            low = min(low, max(0, len(data) - 1))
            high = max(low + 1, min(high, len(data)))
            where = draw(st.integers(low, high - 1))
            kind = draw(st.sampled_from(("flip", "byte", "edge", "cut", "repeat", "insert", "end")))
            if kind in ("flip", "byte") and where >= len(data):
                kind = "insert"
            if kind == "flip":
                data[where] ^= 1 << draw(st.integers(0, 7))
            elif kind == "byte":
                data[where] = draw(st.integers(0, 255))
            elif kind == "edge":
                width = draw(st.sampled_from((1, 2, 4)))
                order = draw(st.sampled_from(("little", "big")))
                value = draw(st.sampled_from(_EDGES)) & ((1 << (8 * width)) - 1)
                data[where : where + width] = value.to_bytes(width, order)
            elif kind == "cut":
                del data[where : where + draw(st.integers(1, 64))]
            elif kind == "repeat":
                data[where:where] = data[where : where + draw(st.integers(1, 64))]
            elif kind == "insert":
                data[where:where] = draw(st.binary(min_size=1, max_size=16))
            else:
                del data[where:]
        return bytes(data)

    return build()


def run(target: str, strategy: st.SearchStrategy[bytes], check: Check, cases: int) -> Counter[str]:
    """Run ``check`` on ``cases`` inputs from ``strategy`` (or, under ``make fuzz``, on new
    inputs for FUZZ_SECONDS); returns how many ended how, and adds them to the file
    FUZZ_REPORT names, if any, one JSON line per target. The first
    input that fails is saved to the corpus (after hypothesis has made it as small as it
    can) and the failure raised."""
    outcomes: Counter[str] = Counter()
    failing: list[bytes] = []

    def one(data: bytes) -> None:
        try:
            outcomes[check(data)] += 1
        except BaseException:
            failing[:] = [data]
            raise

    budget = fuzz_seconds()
    chosen = settings(
        max_examples=cases,
        derandomize=not budget,
        deadline=None,
        database=None,
        print_blob=False,
        suppress_health_check=list(HealthCheck),
    )
    test = chosen(given(strategy)(one))
    end = time.monotonic() + budget
    try:
        test()
        while time.monotonic() < end:
            test()
    except BaseException:
        if failing:
            save(target, failing[0])
        raise
    if report := os.environ.get("FUZZ_REPORT"):
        with open(report, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"target": target, **outcomes}) + "\n")
    return outcomes


def save(target: str, data: bytes) -> Path:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(data).hexdigest()[:16]}.bin"
    path.write_bytes(data)
    return path


def saved(target: str) -> list[Path]:
    folder = CORPUS / target
    return sorted(folder.glob("*.bin")) if folder.is_dir() else []
