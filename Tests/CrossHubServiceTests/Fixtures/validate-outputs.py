"""Validate output records against the crosshub output schemas.

Usage: validate-outputs.py SCHEMA_DIR RECORDS_FILE

Each line of RECORDS_FILE is KIND<TAB>JSON, where KIND names the schema
file SCHEMA_DIR/KIND.schema.json. Prints one line per record: "ok", or
"invalid" and the first schema error with its JSON path, separated by a tab.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator


def main():
    checker = Draft202012Validator.FORMAT_CHECKER
    if "date-time" not in checker.checkers:
        sys.exit("jsonschema cannot check date-time formats: install rfc3339-validator (pip install rfc3339-validator)")
    schema_dir = pathlib.Path(sys.argv[1])
    validators = {}
    with open(sys.argv[2]) as file:
        for line in file:
            if not line.strip():
                continue
            kind, text = line.rstrip("\n").split("\t", 1)
            if kind not in validators:
                schema = json.loads((schema_dir / f"{kind}.schema.json").read_text())
                Draft202012Validator.check_schema(schema)
                validators[kind] = Draft202012Validator(schema, format_checker=checker)
            errors = sorted(validators[kind].iter_errors(json.loads(text)), key=lambda e: list(e.path))
            if errors:
                message = errors[0].message.replace("\n", " ")
                print(f"invalid\t{kind} {list(errors[0].path)}: {message}")
            else:
                print("ok")


if __name__ == "__main__":
    main()
