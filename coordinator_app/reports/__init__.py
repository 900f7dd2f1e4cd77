"""Printed reports (PDF). Qt-free, so the command line and tests use them.

``reports.pdf`` is the shared base (fonts, styles, A4 document with header,
page numbers and the personal-data marking, tables, a bar chart); the other
modules build one kind of document each on top of it.
"""
