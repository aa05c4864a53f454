#!/usr/bin/python3
# run-xvfb.py — runs a test on an X server of its own
#
# Takes xvfb-run's arguments (-a, -s SERVER-ARGS, then the command). Xvfb
# picks a free display itself (-displayfd) and says which, so tests run
# side by side never share one: `xvfb-run -a` can give two of them the
# same number, and the second then talks to the first one's server until
# that one ends ("Cannot open default display").
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shlex
import signal
import subprocess
import sys


def main(argv):
    server_args = []
    while argv and argv[0].startswith('-'):
        option = argv.pop(0)
        if option == '-s' and argv:
            server_args += shlex.split(argv.pop(0))
        elif option == '--':
            break
    if not argv:
        sys.exit('run-xvfb.py: no command given')

    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write_end), '-nolisten', 'tcp',
                             '-noreset'] + server_args,
                            pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write_end)
    number = b''
    while not number.endswith(b'\n'):
        chunk = os.read(read_end, 32)
        if not chunk:
            sys.exit('run-xvfb.py: Xvfb did not start')
        number += chunk
    os.close(read_end)

    env = dict(os.environ, DISPLAY=':' + number.decode().strip())
    try:
        status = subprocess.call(argv, env=env)
    finally:
        xvfb.terminate()
        xvfb.wait()

    # A test killed by a signal is reported as killed by it.
    if status < 0:
        signal.signal(-status, signal.SIG_DFL)
        os.kill(os.getpid(), -status)
    sys.exit(status)


if __name__ == '__main__':
    main(sys.argv[1:])
