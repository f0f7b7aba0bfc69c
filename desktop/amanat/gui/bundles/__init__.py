"""The bundle screens: this archive's keys, contacts, exporting a bundle for advocates and
importing one (see docs/bundles.md). The work runs on the archive's worker thread through
:mod:`.operations`."""
