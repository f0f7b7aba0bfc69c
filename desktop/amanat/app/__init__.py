"""What a user does with an unlocked archive, one function per action, without Qt.

The window (through gui/*/operations.py, on its worker thread) and the command line (cli/) both
call these functions, so each rule (how a tag path becomes a tag, which pages of an import are
flagged, who can open a bundle) is written once. Each takes the unlocked ``Archive`` and plain
values and returns records or reports; long jobs also take a ``core.jobs.Report`` and ``Cancel``.
"""
