"""Writing output files atomically: a reader (or a crash) never sees half a file."""
from __future__ import annotations

import os
from pathlib import Path


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text to a temporary file beside the target, flush it to disk, then rename it
    over the target; on any error (or Ctrl-C) the old file stays and the temporary one goes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
