#!/usr/bin/env bash
# Build the documentation site into docs/docsite/build/html, offline, warnings as errors.
# Made from antsibull-docs sphinx-init; changed so that it needs no network (a local Sphinx inventory of
# the few docs.ansible.com labels the pages use) and so that the user guide, the AWX guide, the
# reliability report, the architecture and the performance notes (docs/*.md, the single source) go into the site as extra pages, converted with pandoc.
# Needs: pip install -r requirements.txt; pandoc; the collection on the collections path.
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
docs="$(dirname "${here}")"
cd "${here}"

python3 make_inventory.py ansible-labels.txt ansible_devel.inv

mkdir -p temp-rst
chmod og-w temp-rst  # antsibull-docs wants that directory only readable by itself
antsibull-docs --config-file antsibull-docs.cfg collection --cleanup everything --use-current \
    --dest-dir temp-rst huaweicloud.codearts

mkdir -p temp-rst/guides
for page in user-guide:"${docs}/user-guide.md" awx:"${docs}/awx/README.md" reliability:"${docs}/reliability.md" \
        architecture:"${docs}/architecture.md" performance:"${docs}/performance.md"; do
    pandoc --from gfm --to rst --wrap=none --columns=10000 --output "temp-rst/guides/${page%%:*}.rst" "${page#*:}"
done
cat >> temp-rst/index.rst <<'RST'

.. toctree::
   :maxdepth: 1
   :caption: Guides:

   guides/user-guide
   guides/awx
   guides/reliability
   guides/architecture
   guides/performance
RST

sphinx-build -M html temp-rst build -c . -W --keep-going
echo "Built: ${here}/build/html/index.html"
