#!/usr/bin/env python3
# check-setup-without-tools.py SRCDIR — `meson setup` works on a machine
# that has neither the validators nor the GUI tests' tools: once with the
# tests (their checks are skipped, and setup says so) and once with
# -Dtests=false, as packagers build. The tools are hidden by a PATH of
# links to every other program.
import os
import shutil
import subprocess
import sys
import tempfile

HIDDEN = {
    'appstreamcli', 'desktop-file-validate', 'yelp-check', 'flatpak-builder',
    'Xvfb', 'dbus-run-session',
}

# What setup must say when it skips them (tests/data and tests/meson.build).
SKIP_NOTES = [
    'not found, so their checks are not run',
    'the GUI tests are not run',
]


def make_path_without_tools(bin_dir):
    seen = set()
    for folder in os.environ.get('PATH', os.defpath).split(os.pathsep):
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            program = os.path.join(folder, name)
            if name in HIDDEN or name in seen or not os.path.isfile(program):
                continue
            if os.access(program, os.X_OK):
                os.symlink(program, os.path.join(bin_dir, name))
                seen.add(name)
    return bin_dir


def setup(meson, source, build, options, path):
    env = dict(os.environ, PATH=path)
    result = subprocess.run([meson, 'setup', build, source, *options], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return result.returncode, result.stdout


def main():
    source = sys.argv[1]
    meson = shutil.which('meson')
    if meson is None:
        print('meson is not in PATH')
        return 1

    failed = False
    with tempfile.TemporaryDirectory(prefix='entry-desk-setup-') as tmp:
        bin_dir = os.path.join(tmp, 'bin')
        os.mkdir(bin_dir)
        path = make_path_without_tools(bin_dir)
        for tool in sorted(HIDDEN):
            if shutil.which(tool, path=path) is not None:
                print(f'{tool} is still in the PATH made without it')
                return 1

        for name, options, notes in [('with-tests', [], SKIP_NOTES),
                                     ('no-tests', ['-Dtests=false'], [])]:
            status, output = setup(meson, source, os.path.join(tmp, name), options, path)
            missing_notes = [note for note in notes if note not in output]
            if status != 0 or missing_notes:
                print(f'meson setup {" ".join(options)} without {", ".join(sorted(HIDDEN))}: '
                      f'status {status}')
                for note in missing_notes:
                    print(f'setup did not say “{note}”')
                print(output)
                failed = True
            else:
                print(f'ok: meson setup {" ".join(options) or "(defaults)"}')

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
