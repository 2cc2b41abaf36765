"""Run examples/user_email_interactive.yml in a terminal, as a person would, and type the mailed code.

The play runs in a pseudo-terminal (ansible.builtin.pause only prompts on one); when the prompt appears,
the code is read from the emulator's mailbox and typed, without echo. The email must then be changed,
the code must not appear on the screen, and a second run must report no change without prompting.

Usage: interactive.py EMULATOR_JSON COLLECTION_ROOT
"""

import json
import os
import pty
import select
import signal
import ssl
import sys
import termios
import time
import urllib.request

EMAIL = "alice.interactive@example.com"
PROMPT = b"Enter the verification code mailed to"


def emulator_get(emulator, path):
    context = ssl.create_default_context(cafile=emulator["emulator_ca_path"])
    with urllib.request.urlopen(emulator["emulator_url"] + "/_emulator/" + path, context=context) as answer:
        return json.load(answer)


def run_in_terminal(command, environment, emulator, deadline_seconds=120):
    """Run command with a terminal of its own; type the mailed code at the prompt. Return (exit code, screen, code).

    Ansible prints the prompt, then turns echo off and discards what was typed ahead. A person is slower than
    that; this script waits for echo to be off before typing, and types again if the play has not gone on
    within a few seconds (the earlier keystrokes were discarded; with echo off nothing is shown).
    """
    child, controller = pty.fork()
    if child == 0:
        os.execvpe(command[0], command, environment)
    screen, code, started, typed_at, typed_screen, attempts = b"", None, time.monotonic(), None, 0, 0
    while time.monotonic() - started < deadline_seconds:
        ready, _unused, _unused = select.select([controller], [], [], 0.2)
        try:
            chunk = os.read(controller, 65536) if ready else b""
        except OSError:  # the terminal closed: the play has ended
            break
        if ready and not chunk:
            break
        screen += chunk
        waiting = PROMPT in screen and not termios.tcgetattr(controller)[3] & termios.ECHO
        stalled = typed_at is not None and len(screen) == typed_screen and time.monotonic() - typed_at > 5
        if waiting and attempts < 3 and (typed_at is None or stalled):
            time.sleep(0.3)
            code = code or emulator_get(emulator, "mailbox?email=" + EMAIL)["codes"][-1]
            os.write(controller, code.encode() + b"\r")
            typed_at, typed_screen, attempts = time.monotonic(), len(screen), attempts + 1
    else:
        os.kill(child, signal.SIGKILL)
    os.close(controller)
    return os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]), screen.decode("utf-8", "replace"), code


def main(emulator_json, root):
    with open(emulator_json, encoding="utf-8") as handle:
        emulator = json.load(handle)
    environment = dict(os.environ, HW_AUTH_TOKEN="alice-token", HW_CODEARTS_ENDPOINT=emulator["emulator_url"],
                       ANSIBLE_FORCE_COLOR="false", ANSIBLE_NOCOLOR="true")
    command = ["ansible-playbook", "-i", "localhost,", "-c", "local", "-e", "ansible_python_interpreter=" + sys.executable,
               "-e", "codearts_email=" + EMAIL, "-e", "codearts_ca_path=" + emulator["emulator_ca_path"],
               os.path.join(root, "examples", "user_email_interactive.yml")]
    problems = []
    status, screen, code = run_in_terminal(command, environment, emulator)
    now = emulator_get(emulator, "users/alice")["commit_email"]
    if status != 0 or code is None or now != EMAIL:
        problems.append("first run: exit %s, prompted %s, email now %s:\n%s" % (status, code is not None, now, screen[-2000:]))
    if code and code in screen:
        problems.append("the typed code appears on the screen")
    again_status, again_screen, again_code = run_in_terminal(command, environment, emulator)
    if again_status != 0 or again_code is not None or "already" not in again_screen:
        problems.append("second run: exit %s, prompted %s:\n%s" % (again_status, again_code is not None, again_screen[-2000:]))
    print("interactive example in a terminal: prompted once, code typed unseen, email %s; second run asked nothing: %s"
          % (now, "; ".join(problems) or "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
