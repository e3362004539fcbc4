"""sangkien: records of administrative-reform initiatives, checked and published as a site.

The pipeline is load (``load/``) → check (``rules/``, called by ``check``) → model
(``publish/site``) → render (``publish/render``) → write (``publish/write``), called by
``build``; ``contests/`` ranks, ``editors/`` and ``live/`` serve the officers, and ``cli``
parses the commands and hands each to its stage. The modules at this level are what every
room shares: the repository's layout and addresses, the record model and its vocabulary,
findings and their messages.
"""

from __future__ import annotations

__version__ = "0.1.0"
