"""Every use of a library's private names, one module per library, each with a shape test.

A release that moves or renames one of these breaks here and in `tests/test_compat.py`,
not in a dozen places that a newcomer would have to find.
"""
