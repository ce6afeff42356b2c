"""Reading the curated CSV files row by row, with the line each row ends on, for error messages."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from .errors import DataError


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """Yield ``(line, row)`` for each record; a missing column, a row with more fields than the
    header, text that is not UTF-8 or a file that cannot be read raise DataError with the line."""
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise DataError(path, 0, "", f"cannot read: {exc.strerror}") from None
    with handle:
        reader = csv.DictReader(handle)
        try:
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
        except UnicodeDecodeError:
            raise DataError(path, 1, "", "not UTF-8 text") from None
        if missing:
            raise DataError(path, 1, "header", f"missing column(s): {', '.join(missing)}")
        try:
            for row in reader:
                if None in row:
                    raise DataError(path, reader.line_num, "", "more fields than the header has")
                yield reader.line_num, row
        except UnicodeDecodeError:
            raise DataError(path, reader.line_num + 1, "", "not UTF-8 text") from None
