"""What the API and the web pages share: access rules, error shape, request guards, offline docs, and
the app factory that serves both (``newsdesk.server.app.create_app``)."""
