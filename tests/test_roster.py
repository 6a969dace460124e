"""Rosters as spreadsheets export them, and the errors that name their rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from linsteps.errors import UsageError
from linsteps.output import write_directory
from linsteps.practice.roster import file_names, parse_roster, read_roster, safe_stem


def error_of(text: str) -> UsageError:
    with pytest.raises(UsageError) as caught:
        parse_roster(text, "class.csv")
    return caught.value


@pytest.mark.parametrize(
    "text",
    [
        "student,email\nalice,a@x\nbob,b@x\n",
        "name;student\nA;alice\nB;bob\n",
        "Student\temail\nalice\ta@x\r\nbob\tb@x\r\n",
        "id,email\nalice,a@x\n\nbob,b@x\n\n",
        '"student","note"\n"alice","likes, commas"\n" bob ","x"\n',
    ],
)
def test_separators_columns_and_blank_lines(text: str) -> None:
    assert parse_roster(text) == ["alice", "bob"]


def test_a_single_column_keeps_commas_in_ids() -> None:
    assert parse_roster("student\nSmith, Jo\nLee\n") == ["Smith, Jo", "Lee"]


def test_bom_and_utf8(tmp_path: Path) -> None:
    path = tmp_path / "class.csv"
    path.write_bytes("\ufeffstudent;年级\n张三;1\nZoë;2\n".encode())
    assert read_roster(path) == ["张三", "Zoë"]


def test_not_utf8_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "class.csv"
    path.write_bytes("student\nZo\xeb\n".encode("latin-1"))
    with pytest.raises(UsageError) as caught:
        read_roster(path)
    assert "not UTF-8" in str(caught.value)


def test_missing_file_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        read_roster(tmp_path / "nope.csv")
    assert "nope.csv" in str(caught.value)


def test_duplicate_ids_name_both_rows() -> None:
    message = str(error_of("student\nalice\nbob\nalice\n"))
    assert "alice" in message and "rows 2 and 4" in message


def test_empty_id_names_the_row() -> None:
    assert "row 3" in str(error_of("student,email\nalice,a\n,b@x\n"))
    assert "row 3" in str(error_of("email,student\nx,alice\ny\n"))


@pytest.mark.parametrize("text", ["", "\n\n", ",email\nalice,a\n"])
def test_missing_column(text: str) -> None:
    assert error_of(text).key == "roster_no_column"


def test_header_without_students() -> None:
    assert error_of("student\n").key == "roster_no_students"


def test_nul_bytes() -> None:
    assert error_of("student\nal\x00ice\n").key == "roster_nul"


def test_ids_mapping_to_one_file_name_the_rows() -> None:
    error = error_of("student\nA/B\nA_B\n")
    assert error.key == "roster_same_file" and "row 2" in str(error) and "row 3" in str(error)
    assert error_of("student\nAlice\nalice\n").key == "roster_same_file"


@pytest.mark.parametrize(
    ("student", "stem"),
    [
        ("alice", "alice"),
        ("Zoë Li", "Zoë_Li"),
        ("../../etc/passwd", "___.._etc_passwd"),
        ("..", "__"),
        ("a/b\\c:d*e?", "a_b_c_d_e_"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("张三", "张三"),
        ("x" * 200, "x" * 80),
    ],
)
def test_safe_file_names(student: str, stem: str) -> None:
    assert safe_stem(student) == stem
    assert "/" not in safe_stem(student) and not safe_stem(student).startswith(".")


def test_file_names_have_the_extension() -> None:
    assert file_names(["a b", "c"], "md") == ["a_b.md", "c.md"]


def test_directories_are_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "week3"
    write_directory(target, {"a.md": "A", "b.md": "B"})
    assert sorted(p.name for p in target.iterdir()) == [".linsteps-files", "a.md", "b.md"]
    write_directory(target, {"c.md": "C"})  # an earlier run's folder is replaced
    assert sorted(p.name for p in target.iterdir()) == [".linsteps-files", "c.md"]
    (target / "mine.txt").write_text("keep")
    with pytest.raises(UsageError) as caught:
        write_directory(target, {"d.md": "D"})
    assert caught.value.key == "out_dir_not_empty" and (target / "mine.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["week3"]  # no temporary folder left


def test_an_empty_existing_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    write_directory(tmp_path / "out", {"a.md": "A"})
    assert (tmp_path / "out" / "a.md").read_text() == "A"
