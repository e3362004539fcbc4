"""Reading the repository's files: YAML without surprises (``yamlplain``), the characters a
file may hold (``characters``), and a record's front matter and body with the line of
every value (``sources``). Imports only the shared modules of ``generator/``.
"""
