"""``python -m bot directory validate|load``: clear errors, exit codes, nothing half-loaded."""

import yaml

from bot.cli import main
from bot.directory import load_directory, read_directory, store_directory
from bot.settings import Settings


def test_validate_ok(tmp_path, write_directory, directory_data, capsys):
    write_directory(directory_data)
    assert main(["directory", "validate", str(tmp_path)], Settings()) == 0
    assert "OK, 4 services" in capsys.readouterr().out


def test_validate_reports_service_and_field(tmp_path, write_directory, directory_data, capsys):
    directory_data["services"][2]["topics"] = ["cooking"]
    write_directory(directory_data)
    assert main(["directory", "validate", str(tmp_path)], Settings()) == 1
    assert "service 'shop': field 'topics': unknown topic 'cooking'" in capsys.readouterr().err


def test_broken_file_does_not_replace_loaded_directory(tmp_path, engine, write_directory, directory_data, capsys):
    store_directory(engine, read_directory(write_directory(directory_data)))
    directory_data["services"][0]["opening_hours"] = "sometimes"
    write_directory(directory_data)
    settings = Settings(database_url=str(engine.url), data_dir=tmp_path)
    assert main(["directory", "load"], settings) == 1
    assert "keeps the previous directory" in capsys.readouterr().err
    assert len(load_directory(engine).services) == 4


def test_load_stores_directory(tmp_path, engine, write_directory, directory_data):
    write_directory(directory_data)
    assert main(["directory", "load"], Settings(database_url=str(engine.url), data_dir=tmp_path)) == 0
    assert {s.id for s in load_directory(engine).services} == {"clinic", "doctor-en", "shop", "cafe"}


def test_hsds_export_then_import_rewrites_the_same_directory(tmp_path, write_directory, directory_data, capsys):
    original = read_directory(write_directory(directory_data))
    settings = Settings(data_dir=tmp_path)
    assert main(["directory", "export-hsds", str(tmp_path / "hsds")], settings) == 0
    assert (tmp_path / "hsds" / "service.json").is_file()
    out = tmp_path / "imported.yaml"
    assert main(["directory", "import-hsds", str(tmp_path / "hsds"), "--out", str(out)], settings) == 0
    assert "Wrote 4 services" in capsys.readouterr().out
    imported = read_directory(out)
    by_id = lambda services: sorted(services, key=lambda service: service.id)  # noqa: E731
    assert by_id(imported.services) == by_id(original.services) and imported.city == original.city


def test_hsds_import_of_a_broken_folder_writes_nothing(tmp_path, write_directory, directory_data, capsys):
    path = write_directory(directory_data)
    before = path.read_text(encoding="utf-8")
    (tmp_path / "hsds").mkdir()
    (tmp_path / "hsds" / "service.json").write_text("[{", encoding="utf-8")
    assert main(["directory", "import-hsds", str(tmp_path / "hsds")], Settings(data_dir=tmp_path)) == 1
    err = capsys.readouterr().err
    assert "service.json" in err and "Nothing was written" in err
    assert path.read_text(encoding="utf-8") == before


def test_validate_checks_entitlements_when_present(tmp_path, write_directory, directory_data, capsys):
    write_directory(directory_data)
    entry = {
        "topic": "health",
        "general": {"en": "General.", "de": "Allgemein."},
        "source": "https://example.org/health",
        "last_checked": "2026-01-01",
        "by_status": {
            "asylum_seeker": {
                "text": {"en": "Limited care."},
                "source": "https://example.org/a",
                "last_checked": "2026-01-01",
            }
        },
    }
    (tmp_path / "entitlements.yaml").write_text(yaml.safe_dump({"entitlements": [entry]}), encoding="utf-8")
    directory_data["city"]["languages"] = ["en", "de"]
    write_directory(directory_data)
    assert main(["directory", "validate", str(tmp_path)], Settings()) == 1
    err = capsys.readouterr().err
    assert "entitlement 'health', status 'asylum_seeker'" in err and "de" in err
    entry["by_status"]["asylum_seeker"]["text"]["de"] = "Eingeschränkte Versorgung."
    (tmp_path / "entitlements.yaml").write_text(yaml.safe_dump({"entitlements": [entry]}), encoding="utf-8")
    assert main(["directory", "validate", str(tmp_path)], Settings()) == 0
    assert "1 topics, 1 answers by residence status" in capsys.readouterr().out
