#!/usr/bin/env python3
# check-style.py SOURCE_ROOT — every line of the C files (*.c, *.h) in src/
# and tests/ is at most 100 characters, the max_line_length .editorconfig
# sets. Characters are counted, not bytes: “…” is one.
#
# In a git checkout the files git tracks are checked (a build folder or an
# editor's backup file in the tree is not the project's); elsewhere, a
# release tarball say, every C file under the two folders is.
import os
import subprocess
import sys

LIMIT = 100
FOLDERS = ('src', 'tests')


def tracked_files(root):
    """The C files git tracks under FOLDERS, or None when root is no git checkout."""
    try:
        top = subprocess.run(['git', '-C', root, 'rev-parse', '--show-toplevel'],
                             capture_output=True, text=True)
        if top.returncode != 0 or \
           os.path.realpath(top.stdout.strip()) != os.path.realpath(root):
            return None
        listed = subprocess.run(['git', '-C', root, 'ls-files', '-z', '--', *FOLDERS],
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return sorted(f for f in listed.stdout.split('\0') if f.endswith(('.c', '.h')))


def walked_files(root):
    files = []
    for folder in FOLDERS:
        for parent, dirs, names in os.walk(os.path.join(root, folder)):
            dirs.sort()
            for name in sorted(names):
                if name.endswith(('.c', '.h')):
                    files.append(os.path.relpath(os.path.join(parent, name), root))
    return files


def long_lines(root, files):
    problems = []
    for name in files:
        path = os.path.join(root, name)
        if not os.path.exists(path):
            # Deleted in the work tree but not yet in the index.
            continue
        with open(path, encoding='utf-8', newline='') as f:
            for number, line in enumerate(f.read().split('\n'), start=1):
                length = len(line.rstrip('\r'))
                if length > LIMIT:
                    problems.append(f'{name}:{number}: {length} characters')
    return problems


def main():
    if len(sys.argv) != 2:
        print('usage: check-style.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = sys.argv[1]
    files = tracked_files(root)
    if files is None:
        files = walked_files(root)
    problems = long_lines(root, files)
    for problem in problems:
        print(problem)
    if problems:
        print(f'Lines longer than {LIMIT} characters: {len(problems)}. Wrap them as the code '
              'around them is wrapped.')
        return 1
    print(f'{len(files)} files, every line within {LIMIT} characters')
    return 0


if __name__ == '__main__':
    sys.exit(main())
