"""A synthetic corpus for the parallel-extraction benchmark, made from the seed texts at run time.

``make_corpus(seeds, folder, n, size)`` writes ``n`` texts of about ``size`` characters each into
``folder`` (in subfolders of 100, as a library would be), deterministically for a given ``seed``.
Each text is a run of the seeds' paragraphs from a random starting point (the pool wraps around),
with variations so no two texts are alike and the extractor meets other names and dates:

- every year from 1800 to 1999 (and the short end of a range: 1916–17) shifted by the same few
  years (-5..5) within a text;
- a few of the curated place names the seeds use swapped with each other (Baku for Batumi…);
- one paragraph in five dropped.

Nothing is written into the repository: the texts carry the seeds' sentences, and live in a
temporary folder for the length of a run.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

_YEAR = re.compile(r"\b(1[89]\d\d)(?:([–-])(\d\d)\b)?")   # 1917, and 1916–17 with its short end
SWAPS = ("Baku", "Batumi", "Tiflis", "Gori", "Kutaisi", "Moscow", "Petrograd", "Tsaritsyn", "Vienna", "Kraków",
         "Berlin", "London", "Kureika", "Solvychegodsk", "Vologda", "Narym", "Yalta", "Tehran", "Potsdam", "Kiev")


def paragraphs(seeds: Path) -> list[str]:
    out = []
    for path in sorted(seeds.glob("*.txt")):
        out += [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if len(p.strip()) >= 200]
    if not out:
        raise SystemExit(f"corpus_texts: no paragraphs in the seed texts at {seeds}")
    return out


def variant(pool: list[str], rng: random.Random, size: int) -> str:
    shift = rng.randint(-5, 5)
    names = rng.sample(SWAPS, 6)
    swap = dict(zip(names[::2], names[1::2])) | dict(zip(names[1::2], names[::2]))
    swap_re = re.compile(r"\b(" + "|".join(map(re.escape, swap)) + r")\b")
    parts, length, i = [], 0, rng.randrange(len(pool))
    while length < size:
        p = pool[i % len(pool)]
        i += 1
        if rng.random() < 0.2:
            continue
        p = _YEAR.sub(lambda m: _shifted(m, shift), p)
        p = swap_re.sub(lambda m: swap[m.group(1)], p)
        parts.append(p)
        length += len(p) + 2
    return "\n\n".join(parts)[:size].rsplit("\n\n", 1)[0] + "\n"


def _shifted(m: re.Match, shift: int) -> str:
    year = str(int(m.group(1)) + shift)
    return year + (f"{m.group(2)}{(int(m.group(3)) + shift) % 100:02d}" if m.group(2) else "")


def make_corpus(seeds: Path, folder: Path, n: int, size: int, seed: int = 13) -> tuple[int, int]:
    """Write the corpus; return (files, bytes)."""
    pool = paragraphs(seeds)
    total = 0
    for k in range(n):
        rng = random.Random(seed * 1_000_003 + k)
        path = folder / f"shelf-{k // 100:02d}" / f"life-{k:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = variant(pool, rng, size).encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return n, total
