"""From checked records to the site: the index every page is made from (``site``), the
pages (``render``, ``charts``, ``feeds``, ``finder``, ``search``), the open data (``export``,
``jsonschema``), and writing them into ``docs/`` for MkDocs (``outputs``, ``write``,
``mkdocs_log``). Never imports ``rules``: it is given records that passed.
"""
