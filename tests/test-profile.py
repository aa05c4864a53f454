#!/usr/bin/env python3
# test-profile.py PROFILE CLI DEVEL_HOME — where the real entry-desk-cli
# keeps the case store, with HOME pointing at a temporary home.
#
# development: in DEVEL_HOME (devel-home/ in the build tree) whatever HOME
#   and the XDG variables say, so the home's entry-desk folder never
#   appears; only ENTRY_DESK_USE_XDG_DIRS=1 (the test suite's) gives the
#   XDG folders back.
# default: in the XDG folders, as an installed Entry Desk does.
import os
import subprocess
import sys
import tempfile

XDG = ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME']

failures = []


def check(ok, what):
    print(('ok: ' if ok else 'FAILED: ') + what)
    if not ok:
        failures.append(what)


def run_cli(cli, env):
    result = subprocess.run([cli, 'cases', 'list'], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    check(result.returncode == 0, f'entry-desk-cli cases list exits 0 ({result.stderr.strip()})')


def entry_desk_folders(root):
    found = []
    for folder, folders, _ in os.walk(root):
        found += [os.path.join(folder, name) for name in folders if name == 'entry-desk']
    return found


def ctime(path):
    try:
        return os.stat(path).st_ctime_ns
    except FileNotFoundError:
        return None


def main():
    profile, cli, devel_home = sys.argv[1:4]
    devel_store = os.path.join(devel_home, 'data', 'entry-desk', 'cases.db')

    with tempfile.TemporaryDirectory(prefix='entry-desk-home-') as home:
        base = {k: v for k, v in os.environ.items()
                if k not in XDG and k != 'ENTRY_DESK_USE_XDG_DIRS'}
        base['HOME'] = home
        explicit = dict(base, **{k: os.path.join(home, 'xdg-' + k.split('_')[1].lower())
                                 for k in XDG})
        home_store = os.path.join(home, '.local', 'share', 'entry-desk', 'cases.db')
        xdg_store = os.path.join(explicit['XDG_DATA_HOME'], 'entry-desk', 'cases.db')

        if profile == 'development':
            for name, env in [('HOME only', base), ('HOME and XDG folders', explicit)]:
                before = ctime(devel_store)
                run_cli(cli, env)
                after = ctime(devel_store)
                check(after is not None and (before is None or after > before),
                      f'{name}: the store in {devel_home} is used')
                check(entry_desk_folders(home) == [],
                      f'{name}: nothing named entry-desk in the home folder '
                      f'({entry_desk_folders(home)})')
            check(not os.path.exists(os.path.join(home, '.local', 'share', 'entry-desk')),
                  '~/.local/share/entry-desk stays absent')

            run_cli(cli, dict(explicit, ENTRY_DESK_USE_XDG_DIRS='1'))
            check(os.path.exists(xdg_store), 'ENTRY_DESK_USE_XDG_DIRS=1: the XDG folders are used')
        else:
            run_cli(cli, base)
            check(os.path.exists(home_store),
                  'HOME only: the store is in ~/.local/share/entry-desk')
            run_cli(cli, explicit)
            check(os.path.exists(xdg_store), 'XDG_DATA_HOME: the store is in it')

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
