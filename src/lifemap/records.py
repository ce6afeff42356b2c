"""CSV files row by row: reading data files with the line each row ends on (for error messages),
and writing cells that a spreadsheet shows as text instead of running them as formulas."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Iterable, Iterator

from .errors import DataError
from .files import open_regular

# A physical line longer than this is no CSV lifemap writes or reads: refused before it fills memory.
MAX_LINE = 1 << 20
# Cells that a spreadsheet runs as a formula (OWASP's CSV injection rule); a plain number stays one.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """Yield ``(line, row)`` for each record. A missing or repeated column, a row with more or fewer
    fields than the header, an overlong field, text that is not UTF-8 or a file that cannot be read
    (or is no regular file) raise DataError with the line. A byte-order mark (a spreadsheet's
    "CSV UTF-8") is skipped."""
    path = Path(path)
    with io.TextIOWrapper(open_regular(path), encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(_lines(handle, path))
        try:
            header = next(reader, [])
            repeated = sorted({c for c in header if header.count(c) > 1})
            if repeated:
                raise DataError(path, 1, "header", f"column(s) named twice: {', '.join(repeated)}")
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataError(path, 1, "header", f"missing column(s): {', '.join(missing)}")
            for fields in reader:
                if not fields:
                    continue                                   # a blank line
                if len(fields) != len(header):
                    more = "more" if len(fields) > len(header) else "fewer"
                    raise DataError(path, reader.line_num, "",
                                    f"{more} fields than the header has ({len(fields)}, not {len(header)})")
                yield reader.line_num, dict(zip(header, fields))
        except UnicodeDecodeError:
            raise DataError(path, reader.line_num + 1, "", "not UTF-8 text") from None
        except csv.Error as exc:
            if "field limit" in str(exc):
                exc = f"a field longer than {csv.field_size_limit():,} characters"
            raise DataError(path, reader.line_num, "", f"not a CSV file lifemap can read ({exc})") from None


def count_rows(path: Path, *, stop_after: int | None = None) -> int:
    """The number of records in a CSV file (the header and blank lines apart), read in bounded
    memory; counting stops once it passes ``stop_after``. Errors as ``read_rows``."""
    path = Path(path)
    count = 0
    with io.TextIOWrapper(open_regular(path), encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(_lines(handle, path))
        try:
            next(reader, None)
            for fields in reader:
                count += bool(fields)
                if stop_after is not None and count > stop_after:
                    break
        except UnicodeDecodeError:
            raise DataError(path, reader.line_num + 1, "", "not UTF-8 text") from None
        except csv.Error as exc:
            raise DataError(path, reader.line_num, "", f"not a CSV file lifemap can read ({exc})") from None
    return count


def _lines(handle, path: Path) -> Iterator[str]:
    """The lines of a text file, each read with a bounded buffer."""
    number = 0
    while line := handle.readline(MAX_LINE):
        number += 1
        if len(line) == MAX_LINE and not line.endswith(("\n", "\r")):
            raise DataError(path, number, "", f"a line longer than {MAX_LINE:,} characters: not a CSV file "
                                              "lifemap can read")
        yield line


def spreadsheet_safe(value):
    """A cell a spreadsheet shows as written: text starting with = + - @, a tab or a carriage
    return gets a leading apostrophe, so it is never run as a formula; numbers stay numbers.

    >>> [spreadsheet_safe(v) for v in ("=HYPERLINK(0)", "-2+3", "-41.5", "@SUM(A1)", "\\t=1", "Gori", 3)]
    ["'=HYPERLINK(0)", "'-2+3", '-41.5', "'@SUM(A1)", "'\\t=1", 'Gori', 3]
    """
    if isinstance(value, str) and value.startswith(_FORMULA) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_rows(path: Path, header: Iterable[str], rows: Iterable[Iterable]) -> None:
    """Write a header and rows as UTF-8 CSV (``\\n`` line ends), every cell ``spreadsheet_safe``."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(header)
        out.writerows([spreadsheet_safe(v) for v in row] for row in rows)


def whole_number(text: str) -> int | None:
    """``text`` as a whole number written in ASCII digits, else None (Python's ``int`` would also
    take ``4_5`` and full-width digits as 45).

    >>> whole_number("45"), whole_number("4_5"), whole_number("\\uff14\\uff15")
    (45, None, None)
    """
    text = (text or "").strip()
    return int(text) if re.fullmatch(r"[0-9]+", text) else None


def decimal(text: str) -> float | None:
    """``text`` as a decimal number written in ASCII (``-41.5``, ``1e2``), else None.

    >>> decimal("-41.5"), decimal("4_1.5"), decimal("nan")
    (-41.5, None, None)
    """
    text = (text or "").strip()
    return float(text) if _NUMBER.fullmatch(text) else None
