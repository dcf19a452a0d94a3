#!/usr/bin/env python3
"""Builds README.md from its head (the two commands, install, credentials) and the section files
under docs/: one place to edit each part, one README for the reader."""
import pathlib, re
root = pathlib.Path(__file__).resolve().parent.parent
docs = root / 'docs'

def section(name, shift=0):
    text = (docs / name).read_text()
    text = re.sub(r'<!--.*?-->\n*', '', text, flags=re.S)
    if shift:
        text = re.sub(r'^(#+)', lambda m: '#' * (len(m.group(1)) + shift), text, flags=re.M)
    return text.strip() + '\n'

parts = [
    (docs / 'readme-head.md').read_text().strip() + '\n',
    section('ui-and-examples.md'),
    section('operations.md', shift=1),
    section('trigger.md'),
    section('guarantees.md'),
    section('development.md'),
]
(root / 'README.md').write_text('\n'.join(parts))
print('README.md:', sum(p.count('\n') for p in parts), 'lines')
