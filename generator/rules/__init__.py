"""The check stage's rules: a record's fields against the model (``model_errors``), the
rules across fields and records (``validate``, ``evidence``, ``duplicates``), and which
files a pull request's check looks at (``scope``). Never imports ``publish``.
"""
