"""Build the known-answer corpus in this folder from the seeds (run from the repo root).

Each original has copies in other wrappings; `answers.json` says, for every file,
which original it copies (null for an original) and the kind of duplicate expected.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[2] / "seeds"
ORIGINALS = {
    "sv-ambassador.txt": "000_4331b2b2136b0a78.txt",
    "de-ambassador.txt": "001_cb3d6b2cc3065ffb.txt",  # a translation of sv-ambassador
    "sv-forum.txt": "003_f88681c026da31c9.txt",
    "pl-forum.txt": "004_4a3efbf942b58c8a.txt",
}


def main() -> None:
    answers: dict[str, dict[str, str | None]] = {}
    texts = {name: (SEEDS / seed).read_text("utf-8") for name, seed in ORIGINALS.items()}
    for name, text in texts.items():
        (HERE / "originals").mkdir(exist_ok=True)
        (HERE / "originals" / name).write_text(text, "utf-8")
        answers[f"originals/{name}"] = {"copies": None, "kind": None}

    def copy(path: str, data: bytes, of: str, kind: str) -> None:
        target = HERE / "copies" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        answers[f"copies/{path}"] = {"copies": f"originals/{of}", "kind": kind}

    sv, forum, pl = texts["sv-ambassador.txt"], texts["sv-forum.txt"], texts["pl-forum.txt"]
    copy("mirror/sv-ambassador.txt", sv.encode("utf-8"), "sv-ambassador.txt", "exact")
    copy(
        "gz/sv-forum.txt.gz", gzip.compress(forum.encode("utf-8"), mtime=0), "sv-forum.txt", "exact"
    )
    # The same article on another site: another header, counter and source line.
    rechromed = (
        "Nordicnews.se - Nyheter från hela världen\n\n"
        + forum.split("Källa:")[0]
        + "Källa: https://nordicnews.se/forum-2025\n\n3 kommentarer\n"
    )
    copy("other-site/forum.txt", rechromed.encode("utf-8"), "sv-forum.txt", "exact")
    # UTF-8 bytes read as Windows-1252 and saved again: mojibake that repair restores.
    copy(
        "mojibake/sv-ambassador.txt",
        sv.encode("utf-8").decode("cp1252").encode("utf-8"),
        "sv-ambassador.txt",
        "exact",
    )
    copy("legacy/sv-forum-cp1252.txt", forum.encode("cp1252"), "sv-forum.txt", "exact")
    # Edited copies: one corrected sentence, one added line.
    corrected = sv.replace("mer än 110 samarbetsavtal", "fler än 110 samarbetsavtal")
    assert corrected != sv
    copy(
        "edited/sv-ambassador-corrected.txt", corrected.encode("utf-8"), "sv-ambassador.txt", "near"
    )
    lines = pl.split("\n")
    lines.insert(
        12, "\nAktualizacja: artykuł uzupełniono o wypowiedź ministra spraw zagranicznych.\n"
    )
    copy("edited/pl-forum-updated.txt", "\n".join(lines).encode("utf-8"), "pl-forum.txt", "near")
    (HERE / "answers.json").write_text(
        json.dumps(answers, indent=2, sort_keys=True) + "\n", "utf-8"
    )


if __name__ == "__main__":
    main()
