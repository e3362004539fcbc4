"""A record's Markdown body: the shapes a parser can read quickly (``shape``), what it may
not hold (``safety``), and how it becomes the HTML a page shows (``html``, with MkDocs'
extension ``mdext`` and ``heading_ids``). Checking, the pages and the judges' packets all
read a body through here.
"""
