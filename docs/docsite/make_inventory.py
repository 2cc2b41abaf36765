"""Write a Sphinx inventory (objects.inv format, version 2) of std:label entries from ansible-labels.txt.

Usage: make_inventory.py LABELS_FILE OUTPUT_FILE
"""

import sys
import zlib


def main(labels_file, output_file):
    entries = []
    with open(labels_file, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                label, uri = line.split()
                entries.append("%s std:label -1 %s -\n" % (label, uri))
    header = "# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n# The remainder of this file is compressed using zlib.\n"
    with open(output_file, "wb") as handle:
        handle.write(header.encode("utf-8") + zlib.compress("".join(entries).encode("utf-8")))


if __name__ == "__main__":
    main(*sys.argv[1:])
