"""Contests: committees define a contest, judges file scorecards, the generator ranks."""
