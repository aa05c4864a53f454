#!/usr/bin/env python3
"""The core's module graph (src/core/README.md) against its #includes.

Fails when a file includes a header of a module its module may not use, when a
-private.h header is included from outside its folder, or when the table and the
folders disagree.
"""
import os
import re
import sys

core = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'src', 'core')
readme = open(os.path.join(core, 'README.md'), encoding='utf-8').read()

allowed = {}
for line in readme.splitlines():
    m = re.match(r'\| `([a-z]+)` \|[^|]*\| (.*) \|$', line)
    if m:
        uses = re.findall(r'`([a-z]+)`', m.group(2))
        allowed[m.group(1)] = set(uses)

folders = sorted(d for d in os.listdir(core) if os.path.isdir(os.path.join(core, d)))
problems = []
if set(folders) != set(allowed):
    problems.append(f'README.md lists {sorted(allowed)}, the folders are {folders}')

owner = {}
for d in folders:
    for f in os.listdir(os.path.join(core, d)):
        if f.endswith('.h'):
            if f in owner:
                problems.append(f'{f} is in both {owner[f]}/ and {d}/')
            owner[f] = d

for d in folders:
    for f in sorted(os.listdir(os.path.join(core, d))):
        if not f.endswith(('.c', '.h')):
            continue
        path = os.path.join(core, d, f)
        for number, line in enumerate(open(path, encoding='utf-8'), 1):
            # Only the SQLite backend knows SQLite (README.md).
            if re.match(r'\s*#\s*include\s+<sqlite3\.h>', line) and \
               not (d == 'store' and f.startswith('ed-store-sqlite')):
                problems.append(f'src/core/{d}/{f}:{number}: only src/core/store/ed-store-sqlite* '
                                'may include sqlite3.h')
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            header = m.group(1)
            target = owner.get(header)
            place = f'src/core/{d}/{f}:{number}'
            if target is None:
                continue
            if header.endswith('-private.h') and target != d:
                problems.append(f'{place}: {header} is private to {target}/')
            elif target != d and target not in allowed.get(d, set()):
                problems.append(f'{place}: {d} may not use {target} ({header})')

for p in problems:
    print(p)
print(f'{len(folders)} modules checked: {len(problems)} problems')
sys.exit(1 if problems else 0)
