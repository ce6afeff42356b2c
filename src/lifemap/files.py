"""Writing output files atomically: a reader (or a crash) never sees half a file."""
from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import Callable

from .errors import LifemapError


def _sidecars(tmp: Path) -> list[Path]:
    """The temporary file and what SQLite (GeoPackage, indexes) may leave beside it."""
    return [tmp] + [tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm")]


def write_atomically(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Run ``write`` on a temporary path beside ``path``, flush it to disk, then move it over
    ``path`` in one step. On any error (or Ctrl-C) the old file stays and the temporary one goes;
    an OSError becomes a LifemapError naming the file."""
    path = Path(path)
    if path.is_dir():
        raise LifemapError(f"cannot write {path}: it is a directory")
    # Hidden, unique, and with the target's suffix (GDAL and matplotlib go by the extension).
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:12]}.tmp{path.suffix}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        raise LifemapError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        for leftover in _sidecars(tmp):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return path


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text atomically (newlines as given)."""
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline=""))
