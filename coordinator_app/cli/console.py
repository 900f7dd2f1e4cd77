"""The command line's output where the console cannot show every character.

A Windows console in Japanese writes cp932 when the output goes to a file
or a pipe (``coordinator-app … > log.txt``, a batch job), or when
PYTHONIOENCODING says so. A name or a path may hold characters cp932 does
not have (𠮷, emoji, an em dash): Python would stop with a
UnicodeEncodeError and the command's own message would be lost. Instead
such a character is written as its look-alike that the encoding has (the
JIS/Microsoft pairs such as 〜/～, —/―), or as "?". Everything the
encoding can show is shown as it is.
"""

from __future__ import annotations

import codecs
import sys

HANDLER = "coordinator-app-console"

# Pairs of characters that Japanese encodings map differently (the Unicode
# and the Microsoft reading of the same JIS code): either stands for the other.
_PAIRS = [("\u301c", "\uff5e"),  # 〜 ～ wave dash
          ("\u2014", "\u2015"),  # — ― dash
          ("\u2016", "\u2225"),  # ‖ ∥ double bar
          ("\u2212", "\uff0d"),  # − － minus
          ("\u00a2", "\uffe0"),  # ¢ ￠
          ("\u00a3", "\uffe1"),  # £ ￡
          ("\u00ac", "\uffe2")]  # ¬ ￢
LOOK_ALIKES = {a: b for a, b in _PAIRS} | {b: a for a, b in _PAIRS}


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        other = LOOK_ALIKES.get(ch)
        try:
            other.encode(exc.encoding)  # type: ignore[union-attr]
        except (AttributeError, UnicodeError):
            other = "?"
        out.append(other)
    return "".join(out), exc.end


codecs.register_error(HANDLER, _replace)


def use_safe_output(*streams) -> None:
    """Make stdout and stderr (or ``streams``) replace what their encoding
    cannot write instead of failing. A UTF-8 stream (Windows' own console
    window, Linux) can write everything and is left as it is."""
    for stream in streams or (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding or codecs.lookup(encoding).name.startswith("utf"):
            continue
        try:
            stream.reconfigure(errors=HANDLER)
        except (AttributeError, ValueError, OSError):  # not a text stream we can change
            pass
