"""Annotations in the window: marking passages of a text and regions of a page, the panel
listing a document's annotations, and the list of every annotation in the archive."""
