"""Run the emulator: python -m codearts_emulator --state-dir DIR

Writes DIR/emulator.json once it listens: {"emulator_url", "emulator_ca_path", "emulator_pid",
"emulator_recorder_url"}, usable as Ansible extra vars (-e @DIR/emulator.json). Stops on SIGTERM or SIGINT.
"""

import argparse
import ipaddress
import json
import os
import signal
import sys

from codearts_emulator.certs import make_certificates
from codearts_emulator.recorder import Recorder
from codearts_emulator.server import EmulatorServer
from codearts_emulator.state import Store


def _loopback(host):
    if not ipaddress.ip_address(host).is_loopback:
        raise argparse.ArgumentTypeError("the emulator listens on loopback addresses only, not %s" % host)
    return host


def _write_atomically(path, document):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(document, handle)
    os.replace(temporary, path)


def _stop(signum, frame):
    raise KeyboardInterrupt


def main(argv=None):
    parser = argparse.ArgumentParser(prog="codearts_emulator", description=__doc__.splitlines()[0])
    parser.add_argument("--state-dir", required=True, help="directory for the certificates and emulator.json")
    parser.add_argument("--host", type=_loopback, default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--no-intermediary", dest="behind_intermediary", action="store_false",
                        help="check signatures on the headers as sent, not as a load balancer forwards them")
    args = parser.parse_args(argv)

    paths = make_certificates(args.state_dir)
    recorder = Recorder(args.host).start()
    server = EmulatorServer((args.host, args.port), Store(), paths["server.pem"], paths["server.key"], recorder,
                            args.behind_intermediary)
    url = "https://%s:%d" % (args.host, server.server_address[1])
    _write_atomically(os.path.join(args.state_dir, "emulator.json"), {
        "emulator_url": url, "emulator_ca_path": paths["ca.pem"], "emulator_pid": os.getpid(),
        "emulator_recorder_url": recorder.url})
    signal.signal(signal.SIGTERM, _stop)
    print("codearts emulator listening on %s" % url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
