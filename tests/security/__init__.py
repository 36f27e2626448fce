"""Regression tests of the hostile probes: each finding, through the real app."""
