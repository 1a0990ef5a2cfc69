"""Compares an Excel workbook cell by cell with the CSV of the same list, as the spreadsheet tests need.

Usage: python3 compare_workbook.py BOOK.xlsx LIST.csv
Checks that the header row is frozen and bold, every column has a width, numbers are numbers, dates are dates
(shown yyyy-mm-dd), amounts are numbers shown #,##0.00, and every cell equals the CSV's. Exit 0 when all hold."""
import csv
import datetime
import sys

try:
    import openpyxl
except ImportError:
    sys.exit("openpyxl is not installed: python3 -m pip install openpyxl (bash scripts/test installs it)")

book_path, csv_path = sys.argv[1], sys.argv[2]
sheet = openpyxl.load_workbook(book_path).active
with open(csv_path, encoding="utf-8-sig", newline="") as handle:
    expected = list(csv.reader(handle))

problems = []
if sheet.freeze_panes != "A2":
    problems.append(f"header row not frozen: {sheet.freeze_panes}")
if sheet.max_row != len(expected) or sheet.max_column != len(expected[0]):
    problems.append(f"size {sheet.max_row}x{sheet.max_column}, CSV {len(expected)}x{len(expected[0])}")
for column in range(1, sheet.max_column + 1):
    letter = openpyxl.utils.get_column_letter(column)
    if not sheet.column_dimensions[letter].width or sheet.column_dimensions[letter].width < 6:
        problems.append(f"column {letter} has no width")
    if not sheet.cell(row=1, column=column).font.bold:
        problems.append(f"header {letter}1 is not bold")
kinds = set()
for r, row in enumerate(expected, start=1):
    for c, text in enumerate(row, start=1):
        cell = sheet.cell(row=r, column=c)
        value = cell.value
        if isinstance(value, datetime.datetime):
            kinds.add("date")
            shown = value.date().isoformat()
            if cell.number_format not in ("yyyy\\-mm\\-dd", "yyyy-mm-dd"):
                problems.append(f"{cell.coordinate}: date format {cell.number_format}")
        elif isinstance(value, bool) or value is None:
            shown = "" if value is None else str(value)
        elif isinstance(value, (int, float)):
            if cell.number_format == "#,##0.00":
                kinds.add("money")
                shown = f"{value:.2f}"
            else:
                kinds.add("number")
                shown = str(value)
        else:
            kinds.add("text")
            shown = str(value)
        if shown != text:
            problems.append(f"{cell.coordinate}: workbook {shown!r}, CSV {text!r}")
print(" ".join(sorted(kinds)))
if problems:
    print("\n".join(problems[:20]))
    sys.exit(1)
