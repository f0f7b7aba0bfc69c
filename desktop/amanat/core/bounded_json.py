"""JSON from files an attacker may have written (keys.json, a bundle's or a backup's manifest),
parsed only within limits, so a hostile file is refused as damaged instead of exhausting
memory or the interpreter's stack.

The size is checked before parsing. Nesting is bounded by the parser itself: Python's JSON
scanner counts its depth against the recursion limit and raises RecursionError, cleanly, long
before the stack is at risk; that error is one of the ways a file is unreadable here.
"""

from __future__ import annotations

import json


class UnreadableJson(ValueError):
    """Too large, too deeply nested, or not JSON: the caller turns this into its damage error."""


def loads(data: bytes, max_bytes: int) -> object:
    if len(data) > max_bytes:
        raise UnreadableJson(f"more than {max_bytes} bytes")
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as error:
        raise UnreadableJson(type(error).__name__) from None
