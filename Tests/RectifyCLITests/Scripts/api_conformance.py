"""Holds the JSON API to its OpenAPI document: the document validates (openapi-spec-validator), the server serves it
byte for byte, and schemathesis, run against the server for every operation, finds no server error and no answer
that contradicts the document.

Usage: python3 api_conformance.py SCHEMA_FILE BASE_URL TOKEN
"""
import sys
import urllib.request

from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename
from schemathesis.cli import schemathesis

CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,"
          "response_headers_conformance")


def main(schema_file, base, token):
    document, _ = read_from_filename(schema_file)
    validate(document)
    served = urllib.request.urlopen(f"{base}/api/v1/openapi.yaml").read()
    with open(schema_file, "rb") as kept:
        if served != kept.read():
            sys.exit("the served document differs from Schemas/openapi.yaml (run scripts/embed-schemas)")
    sys.argv = ["schemathesis", "run", f"{base}/api/v1/openapi.yaml", "--url", f"{base}/api/v1",
                "--header", f"Authorization: Bearer {token}", "--checks", CHECKS, "--max-examples", "40",
                "--seed", "20261208", "--no-color"]
    schemathesis()


if __name__ == "__main__":
    main(*sys.argv[1:4])
