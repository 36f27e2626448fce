"""The app's HTTP side: routes beside the GraphQL endpoint (media, attachments, reports,
widget, metrics), the middleware, and uvicorn's guarded HTTP protocol."""
