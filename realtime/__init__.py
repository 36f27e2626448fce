"""Broadcast backend, outbox relay and subscription filtering."""
