"""Amanat's core: records, the encrypted archive, search, dates and the audit log.

Nothing in this package imports Qt, so the command line, the application and the tests
all use the same code.
"""
