"""pyarrow's CSV parse as the loader and the read-ahead run it (inventory/csvparse.py)."""

from linkaudit.inventory.csvparse import BLOCK_BYTES, arrow_table


def test_a_large_file_is_parsed_in_few_chunks() -> None:
    """Every later step loops over a column's chunks (windows of a kernel, takes, folds):
    pyarrow's default 1 MB blocks gave 189 chunks per column of the M bench's listings
    and a Python round per chunk in each of them."""
    row = b'acc-000001,US,B0ABC12345,"Product 123456 for home and garden, model 7"\n'
    data = b"account_id,marketplace,asin,title\n" + row * (3 * (1 << 20) // len(row))
    table = arrow_table(data, 4, ",")
    assert table is not None and table.num_rows == 3 * (1 << 20) // len(row)
    assert BLOCK_BYTES >= 8 << 20
    assert table.column(3).num_chunks == 1
