"""Scans: importing photographed and scanned letters (JPEG, PNG, TIFF, WebP, HEIC, GIF, PDF),
keeping each original byte for byte, reporting and flagging the metadata in it, and making
thumbnails, previews and sanitised copies, all in memory.

The modules: ``formats`` (types by content, limits), ``metadata`` (the report), ``pictures``
(thumbnails, previews, sanitised copies), ``pdf`` (PDFium), ``reading`` (one file, off the
database thread), ``importer`` (many files, the database writes) and ``export``.
"""

from amanat.core.scans.export import SanitisedCopy, metadata_report, sanitised_copy
from amanat.core.scans.formats import ScanLimits
from amanat.core.scans.importer import (
    Duplicate,
    ImportedDocument,
    ImportOptions,
    ImportProgress,
    ImportReport,
    Refusal,
    files_to_import,
    import_files,
)
from amanat.core.scans.metadata import GpsPosition, MetadataReport

__all__ = [
    "Duplicate",
    "GpsPosition",
    "ImportOptions",
    "ImportProgress",
    "ImportReport",
    "ImportedDocument",
    "MetadataReport",
    "Refusal",
    "SanitisedCopy",
    "ScanLimits",
    "files_to_import",
    "import_files",
    "metadata_report",
    "sanitised_copy",
]
