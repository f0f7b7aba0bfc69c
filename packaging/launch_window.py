"""The frozen application's window (``Amanat``): the same as ``python -m amanat.gui``."""

import sys

from amanat.core.decoding import worker

if sys.argv[1:] == [worker.FLAG]:  # the program started as its own decoding worker
    worker.main()
    sys.exit(0)

from amanat.gui.app import main

sys.exit(main())
