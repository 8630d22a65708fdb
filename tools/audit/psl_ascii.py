#!/usr/bin/env python3
"""psl_ascii.py — writes the Public Suffix List with every Unicode label as punycode (xn--…).

    python3 tools/audit/psl_ascii.py /usr/share/publicsuffix/public_suffix_list.dat OUT.txt

URLs carry host names in their ASCII form, so the list Proxinum compiles in is ASCII too. The
conversion is Python's own IDNA codec; comments and blank lines are dropped. Written atomically.
"""
import os
import sys


def ascii_rule(rule: str) -> str:
    prefix = ""
    if rule.startswith("!"):
        prefix, rule = "!", rule[1:]
    labels = []
    for label in rule.split("."):
        if label == "*" or label.isascii():
            labels.append(label.lower())
        else:
            labels.append(label.encode("idna").decode("ascii"))
    return prefix + ".".join(labels)


def main() -> None:
    src, out = sys.argv[1], sys.argv[2]
    rules = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            line = line.strip().split()[0] if line.strip() else ""
            if not line or line.startswith("//"):
                continue
            rules.append(ascii_rule(line))
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write("\n".join(rules) + "\n")
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
