"""Sealed exam banks: exam items live in quizzes/exam/<quiz>.yml (git-ignored plaintext working copies) and are
committed only as quizzes/exam/<quiz>.yml.age (age format, passphrase-based, through pyrage).

Modules: passphrase (where the passphrase comes from, never echoed), store (paths, state, status of the banks),
sealing (`seal` / `unlock`, no rewrite of an unchanged bank). The command is coursekit/cli/exam.py, the
`course check` rule (a working copy changed since it was sealed) coursekit/checks/exam.py.
"""
