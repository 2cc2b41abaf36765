"""Stand-in for the get-pip script ansible-test downloads when it makes a virtual environment.

ansible-test fetches get-pip from a host outside the package registries, which this project's
machines cannot reach. It runs the script as `python get_pip.py [pip options] pip==X ...`; this
does the same job with the interpreter's own ensurepip, then installs the requested packages from
the package index.
"""

import subprocess
import sys

UNSUPPORTED = ("--no-setuptools", "--no-wheel")

subprocess.check_call([sys.executable, "-m", "ensurepip", "--default-pip"])
subprocess.check_call([sys.executable, "-m", "pip", "install"] + [arg for arg in sys.argv[1:] if arg not in UNSUPPORTED])
