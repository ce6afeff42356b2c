"""Files lifemap reads and writes: inputs opened only when they are regular files, outputs
written atomically (a reader, or a crash, never sees half a file), and never over an input."""
from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import uuid
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

from .errors import DataError, LifemapError

# What a path that is no regular file is, for the message that refuses it.
_NOT_REGULAR = ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                (stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISSOCK, "a socket"))


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """``path`` opened for reading bytes, if it is a regular file; else a one-line DataError.

    A device (``/dev/zero``) or a pipe may never end, and opening a pipe waits for a writer: the
    file is opened without blocking and checked before anything is read.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise DataError(path, 0, "", f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        what = next((name for test, name in _NOT_REGULAR if test(mode)),
                    None if stat.S_ISREG(mode) else "a special file")
        if what == "a directory":
            raise DataError(path, 0, "", "is a directory: name the files in it (for example DIR/*.txt)")
        if what:
            raise DataError(path, 0, "", f"is {what}, not a file: lifemap reads regular files only "
                                         "(save the text or data to a file first)")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether two paths name one existing file (also through symbolic or hard links)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_inputs(output: str | os.PathLike, inputs: Iterable[str | os.PathLike | None]) -> None:
    """LifemapError when ``output`` is one of ``inputs``: writing it would destroy what is read."""
    for source in inputs:
        if source is not None and same_file(output, source):
            raise LifemapError(f"refusing to write {output}: it is the input {source}; choose another output (-o)")


def _sidecars(tmp: Path) -> list[Path]:
    """The temporary file and what SQLite (GeoPackage, indexes) may leave beside it."""
    return [tmp] + [tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm")]


def write_atomically(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Run ``write`` on a temporary path beside ``path``, flush it to disk, then move it over
    ``path`` in one step. On any error (or Ctrl-C) the old file stays and the temporary one goes;
    an OSError becomes a LifemapError naming the file."""
    path = Path(path)
    if not path.name or path.name in (".", ".."):
        raise LifemapError(f"cannot write {str(path)!r}: give the name of a file")
    folder = next((p for p in path.parents if p.exists()), None)
    if folder is not None and not folder.is_dir():
        raise LifemapError(f"cannot write {path}: {folder} is a file, not a folder")
    with contextlib.suppress(OSError):
        mode = os.stat(path).st_mode
        what = next((name for test, name in _NOT_REGULAR if test(mode)), None)
        if what:  # replacing /dev/null or a pipe with a file would break what others use it for
            raise LifemapError(f"cannot write {path}: it is {what}; lifemap writes regular files")
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
        raise LifemapError(f"cannot write {path}: {exc.strerror or exc}{_full(path, exc)}") from exc
    finally:
        # On a read-only file system even removing a file that is not there fails (EROFS): the
        # clean-up must never hide the error that stopped the write.
        for leftover in _sidecars(tmp):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return path


def _full(path: Path, exc: OSError) -> str:
    """A hint when the disk is full and the error does not say so (GDAL reports a failed write)."""
    if exc.errno == errno.ENOSPC:
        return ""
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return ""
    return "; the disk is full" if free < 1 << 16 else ""


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text atomically (newlines as given)."""
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline=""))
