"""What the tests share, in one place: fixtures (in the conftest files) only wire these up.

- ``archives``: the test password, copying archives, and a digest proving one is unchanged.
- ``kdf``: key derivation remembered for the session (tests marked ``real_kdf`` derive for real).
- ``cli``: running ``amanat`` in this process or as a subprocess, and a small filled archive.
- ``bundles``: archives with something to send, and tools to open and tamper with bundles.
- ``records``: a prisoner, a letter and a page picture for the storage tests.
- ``scan_files``: photos, scans and bad files made in memory for the import tests.
- ``gui``: fakes for the window's dialogs and file choosers, and the filled archive the window
  tests browse.
"""
