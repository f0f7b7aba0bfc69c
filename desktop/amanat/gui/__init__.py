"""The desktop application: windows, dialogs and item models on top of ``amanat.core``.

Everything here talks to the archive only through operations run by the one worker thread
that owns the database (see worker.py); results come back as values, never as cursors.
"""
