"""A local, stateful stand-in for the CodeArts Repo API (the user's own settings, and repositories with their
protected branches, webhooks, deploy keys and members), for this collection's tests and demo.

Serves HTTPS on the loopback address only, with a throwaway CA made at start.
"""
