"""Untrusted files are decoded apart: pictures and PDFs from a folder, a bundle or the archive
are opened in worker processes that hold no archive key and no database, only the bytes of
the file they are given, within limits on memory and time.

Pillow, libtiff, libjpeg, libheif and PDFium are large C libraries; a hostile or damaged file
can make one of them raise an exception nobody expected, crash the process, loop for ever or
print to the terminal. In a worker, each of these costs that one file: it is refused by name
with one sentence, the worker is replaced, and the import goes on. What the libraries print
(their stderr, Python's warnings) goes nowhere.

``run(name, task, *args)`` is the whole interface: ``task`` is a module-level function, so
the worker can import it; it runs there and its result comes back. For a file too large to
send whole (a recording's stripped copy), ``run(..., lent=Lent(...))`` lends it instead: the
worker reads it by ranges (``LentFile``) and writes its copy back piece by piece
(``LentCopy``). See pool.py for the
parent's side and worker.py for the child's.
"""

from amanat.core.decoding.pool import Decoders, DecodingLimits, Lent, close, decoders, run
from amanat.core.decoding.worker import LentCopy, LentFile, alive

__all__ = [
    "Decoders",
    "DecodingLimits",
    "Lent",
    "LentCopy",
    "LentFile",
    "alive",
    "close",
    "decoders",
    "run",
]
