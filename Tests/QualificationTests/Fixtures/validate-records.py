"""Validate JSON lines against one crosshub JSON Schema, with format checks.

Usage: validate-records.py SCHEMA_FILE RECORDS_FILE

Prints one line per record: "ok", or "invalid" and the first schema error
(with its JSON path) separated by a tab.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main():
    checker = Draft202012Validator.FORMAT_CHECKER
    if "date-time" not in checker.checkers:
        sys.exit("jsonschema cannot check date-time formats: install rfc3339-validator (pip install rfc3339-validator)")
    with open(sys.argv[1]) as file:
        schema = json.load(file)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=checker)
    with open(sys.argv[2]) as file:
        for line in file:
            if not line.strip():
                continue
            errors = sorted(validator.iter_errors(json.loads(line)), key=lambda e: list(e.path))
            if errors:
                message = errors[0].message.replace("\n", " ")
                print(f"invalid\t{list(errors[0].path)}: {message}")
            else:
                print("ok")


if __name__ == "__main__":
    main()
