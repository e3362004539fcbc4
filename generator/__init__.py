"""sangkien: records of administrative-reform initiatives, checked and published as a site.

The pipeline is load (``sources``) → validate (``validate``) → model (``site``) →
render (``render``) → write (``write``); ``cli`` only wires the stages together.
"""

from __future__ import annotations

__version__ = "0.1.0"
