"""``python -m amanat.gui``: start the desktop application."""

import sys

from amanat.gui.app import main

sys.exit(main())
