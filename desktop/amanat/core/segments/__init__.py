"""Originals and previews outside the database: each sealed under its own key
(``sealing``), appended to a few large files of ciphertext (``segment_files``), and found
through the index of objects in archive.db (``objects``); ``upkeep`` tidies the segments at
unlock and after the trash is emptied. docs/segments.md describes the format."""
