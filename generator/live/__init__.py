"""``sangkien serve``: a local server that rebuilds (``serve``), previews an edited record
at once (``preview``), and reloads the browser (``livesite``).
"""
