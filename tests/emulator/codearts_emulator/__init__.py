"""A local, stateful stand-in for the CodeArts Repo user-email API, for this collection's tests and demo.

Serves HTTPS on the loopback address only, with a throwaway CA made at start.
"""
