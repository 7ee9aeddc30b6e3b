"""Benchmarks of sessionend against the limits of a Python HTTP client (``nox -s bench``).

Every comparison is a ratio taken in one run against the fake vendors, served from a
separate process so that the server never shares the client's interpreter.
"""
