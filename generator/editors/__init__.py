"""The ways an officer submits a record besides git: the web editor (``admin``, its page
policy ``csp``), the GitHub issue form (``issue_form``), ``sangkien new`` (``new``), and
the field labels they share (``fieldlabels``).
"""
