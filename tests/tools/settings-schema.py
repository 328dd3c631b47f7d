#!/usr/bin/env python3
"""Derives the top-level settings field types Claude Code validates from its own binary.

Claude Code validates every settings file against a schema and ignores a file that fails it (measured on
2.1.330 and 2.1.332: `{"model": 5, "env": {...}}` makes the whole file, env included, count for nothing).
SeatGuard checks the same simple field types (see src/SeatGuard.Core/Credentials/SettingsSchema.cs); this
script re-derives them from a release so the table can follow Claude Code:

    python3 tests/tools/settings-schema.py tests/tools/node_modules/@anthropic-ai/claude-code/bin/claude.exe 2.1.332 \
        > src/SeatGuard.Core/Credentials/claude-settings-schema.data.json

Only fields whose schema is a plain string, boolean, number (with int/positive/nonnegative/min/max/gt/lt
bounds), enum of string literals, array of strings, record of strings or object are listed; fields whose
schema tolerates bad values (`.catch(...)`) or is more complex are left out, so SeatGuard never calls a file
invalid that Claude Code accepts. `env` and `permissions` are checked by hand in SettingsSchema.cs.
"""
import json
import re
import sys


def unquoted(text: str, i: int):
    """(index, character) of every character from i on that is outside a JavaScript string literal."""
    quote, escaped = None, False
    while i < len(text):
        ch = text[i]
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = None
        elif ch in "\"'`":
            quote = ch
        else:
            yield i, ch
        i += 1


def entries(text: str):
    marker = re.search(r"return\{\$schema:\(\)=>", text)
    if marker is None:
        sys.exit("settings schema not found in this binary")
    start = marker.start() + len("return{")
    depth, out = 0, []
    for i, ch in unquoted(text, start):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                out.append(text[start:i])
                break
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    for e in out:
        m = re.match(r"([A-Za-z_$][\w$]*):\(\)=>(.*)", e, re.S)
        if m:
            yield m.group(1), strip_calls(m.group(2), (".describe(", ".meta(")).strip()


def strip_calls(expr: str, names) -> str:
    out, i = [], 0
    while i < len(expr):
        hit = next((n for n in names if expr.startswith(n, i)), None)
        if hit is None:
            out.append(expr[i])
            i += 1
            continue
        depth = 0
        for j, ch in unquoted(expr, i + len(hit) - 1):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    break
        else:
            j = len(expr)  # unbalanced: the rest goes
        i = j + 1
    return "".join(out)


def builders(fields):
    """The minified names of zod's builders in this release, read from fields whose type is known."""
    def head(name, pattern):
        m = re.match(pattern, fields.get(name, ""))
        if m is None:
            sys.exit(f"cannot calibrate on field {name}: {fields.get(name, '')[:80]}")
        return m.group(1)
    ident = r"([A-Za-z_$][\w$]*)"
    string = head("apiKeyHelper", ident + r"\(\)\.optional\(\)$")
    return {
        "string": string,
        "boolean": head("disableAllHooks", ident + r"\(\)\.optional\(\)$"),
        "number": head("cleanupPeriodDays", ident + r"\(\)\.int\(\)"),
        "array": head("enabledMcpjsonServers", ident + r"\(" + re.escape(string) + r"\(\)\)"),
        "enum": head("availableModelsMatch", ident + r"\(\["),
        "object": head("fileSuggestion", ident + r"\(\{"),
        "record": head("modelOverrides", ident + r"\(" + re.escape(string) + r"\(\),"),
    }


def classify(expr: str, b):
    q = {k: re.escape(v) for k, v in b.items()}
    if re.fullmatch(q["string"] + r"\(\)\.optional\(\)", expr):
        return {"type": "string"}
    if re.fullmatch(q["boolean"] + r"\(\)\.optional\(\)", expr):
        return {"type": "boolean"}
    if re.fullmatch(q["array"] + r"\(" + q["string"] + r"\(\)\)\.optional\(\)", expr):
        return {"type": "strings"}
    if re.fullmatch(q["record"] + r"\(" + q["string"] + r"\(\)," + q["string"] + r"\(\)\)\.optional\(\)", expr):
        return {"type": "stringMap"}
    m = re.fullmatch(q["enum"] + r'\(\[((?:"[^"]*",?)+)\]\)\.optional\(\)', expr)
    if m:
        return {"type": "enum", "values": re.findall(r'"([^"]*)"', m.group(1))}
    m = re.fullmatch(q["number"] + r"\(\)((?:\.(?:int|positive|nonnegative)\(\)|\.(?:min|max|gt|gte|lt|lte)\(-?[0-9.]+\))*)\.optional\(\)", expr)
    if m:
        field = {"type": "number"}
        for name, arg in re.findall(r"\.(\w+)\(([^)]*)\)", m.group(1)):
            field[name] = float(arg) if arg else True
        return field
    if re.fullmatch(q["object"] + r"\(\{.*\}\)\.optional\(\)", expr, re.S):
        return {"type": "object"}
    return None


def main():
    binary, version = sys.argv[1], sys.argv[2]
    text = open(binary, "rb").read().decode("utf-8", "replace")
    raw = dict(entries(text))
    b = builders(raw)
    fields = {}
    for name, expr in raw.items():
        kind = classify(expr, b)
        if kind is not None and name not in ("env", "permissions"):
            fields[name] = kind
    json.dump({"claudeCode": version, "source": "derived by tests/tools/settings-schema.py", "fields": fields}, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
