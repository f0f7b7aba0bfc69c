"""How record values are kept in columns: dates as five columns, lists as JSON, times as
ISO text. Shared by the storage modules so each record type stores them the same way."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Sequence

from amanat.core import dates
from amanat.core.dates import FuzzyDate

DateColumns = tuple[str | None, str | None, str | None, int | None, str | None]
NO_DATE: DateColumns = (None, None, None, None, None)


def date_columns(date: FuzzyDate | None) -> DateColumns:
    return NO_DATE if date is None else dates.to_storage(date)


def date_from(columns: Sequence[object]) -> FuzzyDate | None:
    start, end, precision, circa, calendar = columns
    if start is None:
        return None
    return dates.from_storage(str(start), str(end), str(precision), int(str(circa)), str(calendar))


def json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def list_from(text: object) -> tuple[str, ...]:
    return tuple(str(value) for value in json.loads(str(text)))


def time_text(moment: datetime.datetime) -> str:
    return moment.isoformat()


def time_from(text: object) -> datetime.datetime:
    return datetime.datetime.fromisoformat(str(text))


def optional_time_from(text: object) -> datetime.datetime | None:
    return None if text is None else time_from(text)
