"""The ASGI app, settings and command line of the service-request platform."""
