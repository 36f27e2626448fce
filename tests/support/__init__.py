"""Helpers shared by the test suite: scratch databases and the services the tests need."""
