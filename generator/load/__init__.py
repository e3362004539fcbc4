"""Finding and reading the repository's files: which names and paths are allowed, and the
files under a folder without following links (``repopaths``), what changed since a git
reference (``changes``), and a record's front matter and body with the line of every
value (``sources``). Imports only the shared modules of ``generator/``.
"""
