"""The frozen application's command line (``amanat``): the same as the ``amanat`` command."""

import sys

from amanat.core.decoding import worker

if sys.argv[1:] == [worker.FLAG]:  # the program started as its own decoding worker
    worker.main()
    sys.exit(0)

from amanat.cli import main

sys.exit(main())
