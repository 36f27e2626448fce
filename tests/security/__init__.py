"""Regression tests of issue 13: each hostile probe's finding, through the real app."""
