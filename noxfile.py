"""nox sessions of antsibull-nox, configured in antsibull-nox.toml.

tools/test.sh runs `nox --no-venv --session extra-checks` in its tools virtualenv (which has antsibull-nox);
by hand: `pip install antsibull-nox && nox --session extra-checks`. docs/testing.md has the rest.
"""

import antsibull_nox

antsibull_nox.load_antsibull_nox_toml()
