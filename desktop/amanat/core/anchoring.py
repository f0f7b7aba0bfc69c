"""Keeping annotations on their passage when a text is edited.

An annotated passage is stored as a position, the exact quote and some context either side
(``TextRange``). When the text changes, each passage is followed like this:

1. Its position is mapped through the edit (the changed regions between the old and the new
   text). If the quote is still exactly there, the annotation moves with it.
2. Otherwise the quote is searched in the new text; of its occurrences, the one whose context
   agrees best with the stored context wins, and among equals the one nearest the old place.
   A found occurrence is accepted only when enough of its context agrees, or when the quote is
   long and occurs once, so that a short word does not jump to an unrelated place.
3. Otherwise the annotation is orphaned: kept with its old quote, never deleted.

The policy is **exact quote**: an edit inside the passage (even a typo fix) changes the quote,
so the annotation is orphaned rather than silently shrunk or stretched over words the lawyer
never chose; the orphan shows its old quote so it can be placed again. An orphaned annotation
whose exact quote comes back (the edit was undone, the passage was pasted back) is re-attached.

Pure functions on strings; no database.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from amanat.core.records import TextRange

CONTEXT = 32
"""Characters of context kept either side of a quote."""

_MIDDLE_BY_CHARACTER = 4000
"""Changed regions up to this length are compared character by character; longer ones (a whole
text pasted over) line by line, which is fast and still maps every unchanged paragraph."""

_DISTINCTIVE = 16
"""A quote at least this long that occurs only once is taken to be the same passage even when
its context changed completely (it was moved elsewhere in the text)."""


def text_range(text_id: str, body: str, start: int, end: int) -> TextRange:
    """The passage body[start:end] with its quote and context."""
    return TextRange(
        text_id=text_id,
        start=start,
        end=end,
        quote=body[start:end],
        prefix=body[max(0, start - CONTEXT) : start],
        suffix=body[end : end + CONTEXT],
    )


@dataclass(frozen=True, slots=True)
class Followed:
    """Where a passage is after an edit: its new range, or None when it is gone (orphaned)."""

    target: TextRange | None


class Edit:
    """The change from one version of a text to the next, for mapping positions through it."""

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new
        blocks = [block for block in _opcodes(old, new) if block[2] > block[1]]
        # Blocks that cover some of the old text, in order and contiguous; insertions are
        # between them and need no entry (a position maps to one side of them).
        self._blocks = blocks
        self._starts = [block[1] for block in blocks]
        self._ends = [block[2] for block in blocks]

    def map_start(self, position: int) -> int:
        """Where an old start position is in the new text (text inserted exactly there
        goes before it, so it is not pulled into the passage)."""
        if position >= len(self.old) or not self._blocks:
            return len(self.new)
        return self._map(bisect_right(self._starts, position) - 1, position)

    def map_end(self, position: int) -> int:
        """Where an old end position is (text inserted exactly there goes after it)."""
        if position <= 0 or not self._blocks:
            return 0
        return self._map(bisect_left(self._ends, position), position)

    def _map(self, index: int, position: int) -> int:
        tag, i1, _i2, j1, j2 = self._blocks[index]
        if tag == "equal":
            return j1 + position - i1
        # Inside a changed region the position has no exact counterpart: an estimate, which
        # only serves to look for the quote nearby.
        return j1 + min(position - i1, j2 - j1)

    def follow(self, target: TextRange, orphaned: bool = False) -> Followed:
        """Where ``target`` (a passage of the old text) is in the new text."""
        if not target.quote:
            return Followed(None)
        if orphaned:
            hint = min(target.start, len(self.new))
        else:
            start, end = self.map_start(target.start), self.map_end(target.end)
            if self.new[start:end] == target.quote:
                context = len(target.prefix) + len(target.suffix)
                if _agreement(self.new, start, end, target) == context:
                    return Followed(text_range(target.text_id, self.new, start, end))
                # The quote is still here but its surroundings changed: another occurrence
                # whose context fits better is the passage (two lines swapped); this one,
                # the nearest, wins ties and needs no further evidence.
                found = find_quote(self.new, target, start, evidence=False)
                assert found is not None
                return Followed(
                    text_range(target.text_id, self.new, found, found + len(target.quote))
                )
            hint = start
        found = find_quote(self.new, target, hint)
        if found is None:
            return Followed(None)
        return Followed(text_range(target.text_id, self.new, found, found + len(target.quote)))


def follow_all(old: str, new: str, targets: Sequence[tuple[TextRange, bool]]) -> list[Followed]:
    """Each (passage, orphaned) of the old text followed into the new one."""
    if old == new:
        return [Followed(None if orphaned else target) for target, orphaned in targets]
    edit = Edit(old, new)
    return [edit.follow(target, orphaned) for target, orphaned in targets]


def find_quote(body: str, target: TextRange, hint: int, *, evidence: bool = True) -> int | None:
    """The start of the occurrence of target's quote in ``body`` that is most likely the same
    passage, or None when there is none or (``evidence``) none is convincing (see the module's
    rules)."""
    quote = target.quote
    best: tuple[int, int] | None = None
    best_start = -1
    count = 0
    position = body.find(quote)
    while position != -1:
        count += 1
        score = (_agreement(body, position, position + len(quote), target), -abs(position - hint))
        if best is None or score > best:
            best, best_start = score, position
        position = body.find(quote, position + 1)
    if best is None:
        return None
    context = len(target.prefix) + len(target.suffix)
    if not evidence or 4 * best[0] >= context or (count == 1 and len(quote) >= _DISTINCTIVE):
        return best_start
    return None


def _agreement(body: str, start: int, end: int, target: TextRange) -> int:
    """How many characters of stored context agree, reading outwards from the quote."""
    before = body[max(0, start - len(target.prefix)) : start]
    after = body[end : end + len(target.suffix)]
    if before == target.prefix and after == target.suffix:
        return len(before) + len(after)  # the common case, without a loop in Python
    agreed = 0
    for mine, theirs in zip(reversed(target.prefix), reversed(before), strict=False):
        if mine != theirs:
            break
        agreed += 1
    for mine, theirs in zip(target.suffix, after, strict=False):
        if mine != theirs:
            break
        agreed += 1
    return agreed


Opcode = tuple[str, int, int, int, int]


def _opcodes(old: str, new: str) -> list[Opcode]:
    """The edit as difflib opcodes over characters. The common beginning and end are cut off
    first (a typical edit touches one place, so what is left is small)."""
    limit = min(len(old), len(new))
    head = _common_length(old, new, limit, lambda s, n: s[:n])
    tail = _common_length(old, new, limit - head, lambda s, n: s[len(s) - n :])
    old_middle, new_middle = old[head : len(old) - tail], new[head : len(new) - tail]
    codes: list[Opcode] = []
    if head:
        codes.append(("equal", 0, head, 0, head))
    if old_middle or new_middle:
        if max(len(old_middle), len(new_middle)) <= _MIDDLE_BY_CHARACTER:
            middle = _character_opcodes(old_middle, new_middle)
        else:
            middle = _line_opcodes(old_middle, new_middle)
        codes.extend(
            (tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in middle
        )
    if tail:
        codes.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return codes


def _common_length(old: str, new: str, limit: int, part: Callable[[str, int], str]) -> int:
    """The longest n ≤ limit with part(old, n) == part(new, n), by halving: string
    comparison runs in C, a loop over characters in Python would not."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if part(old, middle) == part(new, middle):
            low = middle
        else:
            high = middle - 1
    return low


def _character_opcodes(old: str, new: str) -> list[Opcode]:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _line_opcodes(old: str, new: str) -> list[Opcode]:
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    old_offsets = _offsets(old_lines)
    new_offsets = _offsets(new_lines)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    return [
        (tag, old_offsets[i1], old_offsets[i2], new_offsets[j1], new_offsets[j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _offsets(lines: Sequence[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets
