"""Stand-in for the get-pip script ansible-test downloads when it makes a virtual environment.

ansible-test fetches get-pip from a host outside the package registries, which this project's
machines cannot reach. It runs the script in a virtual environment made without pip, as
`python get_pip.py [pip options] pip==X [setuptools==Y wheel==Z]`, and expects those packages
installed afterwards. tools/test.sh copies this file to where ansible-test caches the script.

With uv on PATH (tools/test.sh puts it there), uv installs the requested packages: a few tenths
of a second, each wheel downloaded once into uv's cache for all environments. Without uv it does
what get-pip does: it runs pip straight from a pip wheel to install them. The wheels then come
from a wheelhouse beside this file, filled from the package index the first time a version is
asked for (by the pip wheel that ships with the interpreter, under a lock, as two ansible-test
runs may ask at once); every later virtual environment installs from the wheelhouse without the
index, and without byte-compiling: pip runs once or twice in these environments, and compiles on
import only what it uses.

The first version of this stand-in ran ensurepip, then pip again from the index to replace the
pip ensurepip had installed: three installs and a download per environment, 8 to 12 seconds of
the sanity tests' 10 environments per ansible-core release (docs/testing.md).
"""

import fcntl
import glob
import os
import re
import shutil
import subprocess
import sys

UNSUPPORTED = ("--no-setuptools", "--no-wheel")
HERE = os.path.dirname(os.path.abspath(__file__))
WHEELHOUSE = os.path.join(HERE, "get_pip_wheels")


def requirement_file(requirement):
    """The wheel in the wheelhouse for NAME==VERSION, or None."""
    name, _sep, version = requirement.partition("==")
    pattern = "%s-%s-*.whl" % (re.sub(r"[-_.]+", "_", name), version)
    found = glob.glob(os.path.join(WHEELHOUSE, pattern))
    return found[0] if found else None


def bundled_pip():
    """The pip wheel that ships with this interpreter (ensurepip's), or None."""
    try:
        import ensurepip
    except ImportError:
        return None
    found = sorted(glob.glob(os.path.join(os.path.dirname(ensurepip.__file__), "_bundled", "pip-*.whl")))
    return found[-1] if found else None


def fallback(options):
    """What the first stand-in did: ensurepip, then pip from the index."""
    subprocess.check_call([sys.executable, "-m", "ensurepip", "--default-pip"])
    subprocess.check_call([sys.executable, "-m", "pip", "install"] + options)


def main():
    options = [arg for arg in sys.argv[1:] if arg not in UNSUPPORTED]
    requirements = [arg for arg in options if not arg.startswith("-")]
    pins = [req for req in requirements if re.match(r"^[A-Za-z0-9_.-]+==[A-Za-z0-9_.+!-]+$", req)]
    if not requirements or pins != requirements or not any(req.startswith("pip==") for req in pins):
        fallback(options)  # not the shape ansible-test asks for: do it the long way
        return
    uv = shutil.which("uv")
    if uv:
        # ansible-test passes no TLS settings (SSL_CERT_FILE) to this script: uv reads the system's store.
        try:
            subprocess.check_call([uv, "pip", "install", "--quiet", "--python", sys.executable] + pins,
                                  env=dict(os.environ, UV_SYSTEM_CERTS="1"))
            return
        except subprocess.CalledProcessError:
            print("get-pip stand-in: uv failed (above); installing with pip from a wheel instead", file=sys.stderr)
    if not os.path.isdir(WHEELHOUSE):
        os.makedirs(WHEELHOUSE, exist_ok=True)
    with open(os.path.join(WHEELHOUSE, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        missing = [req for req in pins if requirement_file(req) is None]
        if missing:
            runner = bundled_pip()
            if runner is None:
                fallback(options)
                return
            subprocess.check_call([sys.executable, os.path.join(runner, "pip"), "download", "--no-deps",
                                   "--disable-pip-version-check", "--dest", WHEELHOUSE] + missing)
    pip_wheel = requirement_file([req for req in pins if req.startswith("pip==")][0])
    subprocess.check_call([sys.executable, os.path.join(pip_wheel, "pip"), "install", "--no-index",
                           "--find-links", WHEELHOUSE, "--no-compile"] + options)


if __name__ == "__main__":
    main()
