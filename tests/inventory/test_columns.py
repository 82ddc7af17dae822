"""Header folding, aliases, config mapping, unknown columns, multi-valued cells (spec 1-2)."""

from pathlib import Path

import numpy as np

from linkaudit.config import Config, Limits
from linkaudit.vocab import Kind

from .helpers import provenance, read, values, write


def test_header_folding_and_aliases(tmp_path: Path) -> None:
    write(
        tmp_path,
        "devices.csv",
        "Account ID,MAC-Address,hardware_id,Fax\nacc-1,00-1A-2B-3C-4D-5E,H1,x\n",
    )
    write(tmp_path, "logins.csv", "ACCOUNT_ID,ＩＰ地址\nacc-1,203.0.113.7\n")
    inv = read(tmp_path)
    assert values(inv, "mac") == ["00:1a:2b:3c:4d:5e"]
    assert values(inv, "device_id") == ["h1"]
    assert values(inv, "ip") == ["203.0.113.7"]
    assert inv.notes.count("devices.csv: column 'Fax' is not used by any rule") == 1


def test_invisible_characters_in_headers_are_ignored(tmp_path: Path) -> None:
    # a second byte-order mark (a tool that adds one to a file that has one), a zero-width
    # space pasted with a header: spec 3 removes them before any comparison
    write(tmp_path, "logins.csv", "\ufeff\ufeffaccount_id,ip\u200b\nacc-1,203.0.113.7\n")
    inv = read(tmp_path)
    assert values(inv, "ip") == ["203.0.113.7"]
    assert not inv.problems


def test_people_contact_columns_take_the_companies_aliases(tmp_path: Path) -> None:
    # a Chinese staff list: phone and email have the same headers as in companies (spec 2.7)
    write(
        tmp_path,
        "people.csv",
        "账号,姓名,手机号,电子邮箱\nacc-1,李伟,+86 138 0013 8000,li.wei@example.com\n",
    )
    write(tmp_path, "员工.csv", "account_id,电话,邮箱\nacc-2,+86 139 0013 9000,x@example.com\n")
    inv = read(tmp_path)
    assert values(inv, "phone") == ["+8613800138000", "+8613900139000"]
    assert values(inv, "email") == ["li.wei@example.com", "x@example.com"]
    assert not [note for note in inv.notes if "is not used by any rule" in note]


def test_config_column_mapping(tmp_path: Path) -> None:
    write(tmp_path, "logins.csv", "Store,Login IP\nacc-1,203.0.113.7\n")
    config = Config(columns={Kind.LOGINS: {"Store": "account_id", "Login IP": "ip"}})
    inv = read(tmp_path, config)
    assert values(inv, "ip") == ["203.0.113.7"]


def test_missing_account_id_column_skips_the_file(tmp_path: Path) -> None:
    write(tmp_path, "logins.csv", "who,ip\nacc-1,203.0.113.7\n")
    write(tmp_path, "devices.csv", "account_id,device_id\nacc-1,D1\n")
    inv = read(tmp_path)
    (problem,) = inv.problems
    assert problem.level == "error" and problem.where == "logins.csv"
    assert "account_id" in problem.why and "店铺ID" in problem.why
    assert values(inv, "device_id") == ["d1"]


def test_bad_value_reported_with_line_rest_used(tmp_path: Path) -> None:
    write(
        tmp_path,
        "logins.csv",
        "account_id,ip\nacc-1,203.0.113.7\nacc-1,999.1.1.1\nacc-2,N/A\nacc-2,198.51.100.9\n",
    )
    inv = read(tmp_path)
    assert values(inv, "ip") == ["198.51.100.9", "203.0.113.7"]
    (problem,) = inv.problems
    assert (problem.where, problem.column, problem.raw) == ("logins.csv:3", "ip", "999.1.1.1")
    assert problem.attribute == "ip"
    assert values(inv, "ip_subnet") == ["198.51.100.0/24", "203.0.113.0/24"]


def test_multi_valued_cells(tmp_path: Path) -> None:
    write(
        tmp_path,
        "people.csv",
        "account_id,email,name\nacc-1,a@example.com; b@example.com|c@example.com,Li Wei\n",
    )
    write(tmp_path, "listings.csv", "account_id,title\nacc-1,Cable; 2 m | black\n")
    inv = read(tmp_path)
    assert values(inv, "email") == ["a@example.com", "b@example.com", "c@example.com"]
    assert set(provenance(inv, "email").values()) == {"people.csv:2"}
    assert len(values(inv, "title")) == 1  # free text is never split


def test_full_width_separators_split_values(tmp_path: Path) -> None:
    # a Chinese keyboard types `；` and `｜`; NFKC reads them as `;` and `|` (spec 2, 3)
    write(
        tmp_path,
        "people.csv",
        "account_id,phone,email\nacc-1,13800138000；13900139000,a@example.com｜b@example.com\n",
    )
    inv = read(tmp_path, Config.model_validate({"defaults": {"country": "CN"}}))
    assert values(inv, "phone") == ["+8613800138000", "+8613900139000"]
    assert values(inv, "email") == ["a@example.com", "b@example.com"]
    assert set(provenance(inv, "phone").values()) == {"people.csv:2"}


def test_cells_cleaned_and_placeholders_dropped(tmp_path: Path) -> None:
    write(
        tmp_path,
        "devices.csv",
        "account_id,device_id\nacc-1,\u200b ＤＥＶ-１ \nacc-1,n/a\nacc-1,-\n",
    )
    inv = read(tmp_path)
    assert inv.attributes["raw"].tolist() == ["DEV-1"]
    assert not inv.problems


def test_too_long_cell_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, "devices.csv", "account_id,device_id\nacc-1," + "x" * 50 + "\nacc-1,D2\n")
    inv = read(tmp_path, Config(limits=Limits(max_cell_chars=20)))
    assert values(inv, "device_id") == ["d2"]
    assert inv.problems[0].where == "devices.csv:2" and "max_cell_chars" in inv.problems[0].why


def test_login_labels_times_and_marketplaces(tmp_path: Path) -> None:
    write(
        tmp_path,
        "logins.csv",
        "account_id,ip,seen_at,source\n"
        "acc-1,203.0.113.7,2026-03-01 10:00,Aliyun ECS\n"
        "acc-1,203.0.113.8,yesterday,broadband\n"
        "acc-1,203.0.113.9,1767225600,vpn\n",
    )
    write(
        tmp_path,
        "listings.csv",
        "account_id,marketplace,asin\nacc-1,uk,b0abc12345\nacc-1,XX,B0ABC12346\n",
    )
    inv = read(tmp_path)
    ips = inv.attributes[inv.attributes["type"] == "ip"].set_index("value")
    assert "cloud" in ips.at["203.0.113.7", "flags"].split(",")
    assert any(f.startswith("provider:") for f in ips.at["203.0.113.7", "flags"].split(","))
    assert str(ips.at["203.0.113.7", "first_seen"]) == "2026-03-01 10:00:00"
    assert str(ips.at["203.0.113.8", "first_seen"]) == "NaT"
    assert str(ips.at["203.0.113.9", "last_seen"]) == "2026-01-01 00:00:00"
    assert "vpn" in ips.at["203.0.113.9", "flags"]
    asins = inv.attributes[inv.attributes["type"] == "asin"].set_index("value")
    assert asins.at["B0ABC12345", "marketplace"] == "UK"
    assert asins.at["B0ABC12346", "marketplace"] == ""
    assert sorted(p.where for p in inv.problems) == ["listings.csv:3", "logins.csv:3"]


def test_attributes_kind(tmp_path: Path) -> None:
    write(
        tmp_path,
        "attributes.csv",
        "account_id,type,value,hashed\nacc-1,ip,203.0.113.7,false\nacc-1,email,9f86d081,true\nacc-1,colour,red,false\n",
    )
    inv = read(tmp_path)
    table = inv.attributes.set_index("type")
    assert table.at["email", "hashed"] and not table.at["ip", "hashed"]
    assert values(inv, "ip_subnet") == ["203.0.113.0/24"]
    assert inv.hashed
    assert [p.where for p in inv.problems] == ["attributes.csv:4"]


def test_attributes_kind_values_that_identify_nobody_are_dropped(tmp_path: Path) -> None:
    # taken as normalised (spec 2.10), but placeholders, non-public IPs and broadcast MACs
    # are never evidence (spec 3); a hashed value is opaque and kept
    write(
        tmp_path,
        "attributes.csv",
        "account_id,type,value,hashed\n"
        "acc-1,ip,192.168.1.1,false\nacc-1,email,unknown,false\nacc-1,mac,ff:ff:ff:ff:ff:ff,\n"
        "acc-1,device_id,N/A,\nacc-1,ip,203.0.113.7,\nacc-1,email,0,true\n",
    )
    table = read(tmp_path).attributes
    assert sorted(zip(table["type"], table["value"], strict=True)) == [
        ("email", "0"),
        ("ip", "203.0.113.7"),
        ("ip_subnet", "203.0.113.0/24"),
    ]


def test_equal_first_and_last_times_share_one_array(tmp_path: Path) -> None:
    """Rows seen once or never (every row here) hold one time array for both columns;
    a row with a real range keeps two, each with its own values."""
    write(
        tmp_path,
        "logins.csv",
        "account_id,ip,seen_at\nacc-1,203.0.113.7,2026-03-01 10:00\nacc-2,203.0.113.8,\n",
    )
    write(tmp_path, "listings.csv", "account_id,marketplace,asin\nacc-1,UK,B0ABC12345\n")
    table = read(tmp_path).attributes
    first, last = table["first_seen"].to_numpy(), table["last_seen"].to_numpy()
    assert np.shares_memory(first, last)
    ip = table[table["type"] == "ip"].set_index("value")
    assert str(ip.at["203.0.113.7", "last_seen"]) == "2026-03-01 10:00:00"
    assert str(ip.at["203.0.113.8", "last_seen"]) == "NaT"

    (tmp_path / "logins.csv").unlink()
    write(
        tmp_path,
        "attributes.csv",
        "account_id,type,value,first_seen,last_seen\n"
        "acc-1,ip,203.0.113.7,2026-03-01,2026-03-09\nacc-1,ip,203.0.113.8,2026-02-01,2026-02-01\n",
    )
    table = read(tmp_path).attributes
    first, last = table["first_seen"].to_numpy(), table["last_seen"].to_numpy()
    assert not np.shares_memory(first, last)
    ip = table[table["type"] == "ip"].set_index("value")
    assert str(ip.at["203.0.113.7", "first_seen"]) == "2026-03-01 00:00:00"
    assert str(ip.at["203.0.113.7", "last_seen"]) == "2026-03-09 00:00:00"
    assert str(ip.at["203.0.113.8", "last_seen"]) == "2026-02-01 00:00:00"
