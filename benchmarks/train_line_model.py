"""Train the line model (``newsclean/clean/line_model.json``) on full-page text dumps.

Each page of ``../shared/bench/trafilatura-eval`` is flattened to text with html-text
and with inscriptis (as ``text_dump_quality.py`` does), cleaned by the rules that run
before ``drop_outside_article``, and its article run found; every line in play (kept,
or outside the run) gets the facts of ``newsclean.clean.line_model.features``. Lines
holding a must-contain string are article text, lines holding a must-not-contain
string chrome (a line holding both, or neither, is not used). An additive logistic
model is fitted (scikit-learn: a quadratic spline of each fact, then logistic
regression) and written as one piecewise-linear shape per fact, so newsclean needs no
scikit-learn to use it.

    pip install '.[bench]'
    python benchmarks/train_line_model.py --cache /tmp/dumps                 # all pages
    python benchmarks/train_line_model.py --part 0 --out /tmp/m0.json        # one half
    python benchmarks/text_dump_quality.py --line-model /tmp/m0.json         # score it

``--part 0`` or ``1`` trains on one half of the pages (``text_dump_quality.half``), so
the other half can be scored with a model that never saw it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import SplineTransformer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from text_dump_quality import DEFAULT_SET, dumps, half  # noqa: E402

from newsclean.clean import RULES, default_lexicon  # noqa: E402
from newsclean.clean.chain import apply_rules  # noqa: E402
from newsclean.clean.line_model import FEATURES, LineModel, Shape, features  # noqa: E402
from newsclean.clean.rules.drop_outside_article import outside_lines  # noqa: E402
from newsclean.clean.view import PageLines  # noqa: E402

ROOT = HERE.parent
# Chosen on the halves (train on one, score the other with text_dump_quality.py):
# 4 knots of degree 2 and C=0.5 were as good as gradient-boosted trees of 200 splits.
KNOTS, DEGREE, C = 4, 2, 0.5
POINTS = 17  # of each continuous fact's shape


def labelled_lines(data: Path, cache: Path | None, part: int | None) -> tuple[list, list]:
    """Facts and labels (1 article, 0 chrome) of the labelled lines of both dump kinds."""
    before = RULES[: [r.name for r in RULES].index("drop_outside_article")]
    lexicon = default_lexicon()
    rows: list[list[float]] = []
    labels: list[int] = []
    for tool in ("html-text", "inscriptis"):
        for item, text in dumps(data, tool, cache):
            if part is not None and half(str(item["file"])) != part:
                continue
            view, _, _ = apply_rules(PageLines.from_text(text), before, lexicon)
            kept = view.kept()
            run = set(kept).difference(outside_lines(view))
            must = [str(s) for s in item["with"]]  # type: ignore[attr-defined]
            must_not = [str(s) for s in item["without"]]  # type: ignore[attr-defined]
            for i, facts in features(view.lines, kept, run).items():
                line = " ".join(view.lines[i].split())
                article = any(s in line for s in must)
                chrome = any(s in line for s in must_not)
                if article != chrome:
                    rows.append(facts)
                    labels.append(int(article))
    return rows, labels


def fit(rows: list[list[float]], labels: list[int]) -> LineModel:
    """The additive model of the labelled lines, as piecewise-linear shapes."""
    x = np.array(rows)
    splines = SplineTransformer(n_knots=KNOTS, degree=DEGREE).fit(x)
    regression = LogisticRegression(C=C, max_iter=5000).fit(splines.transform(x), labels)
    width = splines.n_features_out_ // x.shape[1]
    weights = regression.coef_[0]
    shapes = []
    for j in range(x.shape[1]):
        values = np.unique(x[:, j])
        points = values if len(values) <= 2 else np.linspace(values[0], values[-1], POINTS)
        grid = np.tile(x.mean(axis=0), (len(points), 1))
        grid[:, j] = points
        basis = splines.transform(grid)[:, j * width : (j + 1) * width]
        ys = basis @ weights[j * width : (j + 1) * width]
        # Four decimals: a ten-thousandth of log-odds changes no decision worth a test.
        shapes.append(
            Shape(tuple(round(float(p), 4) for p in points), tuple(round(float(y), 4) for y in ys))
        )
    return LineModel(round(float(regression.intercept_[0]), 4), tuple(shapes))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_SET, help="evaluation set folder")
    parser.add_argument("--cache", type=Path, default=None, help="folder to cache dumps in")
    parser.add_argument("--part", type=int, choices=[0, 1], default=None, help="one half only")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "newsclean" / "clean" / "line_model.json"
    )
    args = parser.parse_args()
    rows, labels = labelled_lines(args.data, args.cache, args.part)
    model = fit(rows, labels)
    document = {
        "trained_on": "trafilatura-eval full-page dumps (html-text, inscriptis)"
        + ("" if args.part is None else f", half {args.part}"),
        "lines": {"article": sum(labels), "chrome": len(labels) - sum(labels)},
        **model.to_json(),
    }
    args.out.write_text(json.dumps(document, indent=1) + "\n", "utf-8")
    print(f"{len(labels)} labelled lines ({sum(labels)} article); model written to {args.out}")
    print(f"facts: {len(FEATURES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
