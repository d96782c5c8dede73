"""The matrix-multiply backend: chosen by env or a cached per-machine calibration, applied to
every layer, recorded in runs and the export, and never changing an annotation."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info, threadpool_limits

from storyledger import backend
from storyledger.errors import StoryledgerError
from storyledger.export.build import build_export
from storyledger.model import RunInfo
from storyledger.nlp import build_model
from storyledger.parse_equality import differences
from storyledger.store import Store
from tests.conftest import MEANTIME, SEEDS, need, read_articles

pytestmark = pytest.mark.issue(21)


@pytest.fixture(scope="module")
def models():
    """One pipeline per backend, as `analyze` loads it; BLAS threads restored afterwards."""
    before = _threads()
    built = {name: build_model(ops=name) for name in backend.BACKENDS}
    yield built
    threadpool_limits(limits=before)


def _threads() -> dict[str, int]:
    return {i["user_api"]: i["num_threads"] for i in threadpool_info()}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(backend.OPS_ENV, raising=False)
    return tmp_path / "storyledger" / backend.CACHE_FILE


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", "auto"), ("auto", "auto"), ("blis", "blis"), (" NumPy ", "numpy")],
)
def test_the_environment_names_the_backend(monkeypatch, value, expected):
    monkeypatch.setenv(backend.OPS_ENV, value)
    assert backend.requested() == expected


@pytest.mark.parametrize("value", ["openblas", "gpu", "1"])
def test_an_unknown_backend_is_refused_by_name(monkeypatch, value):
    monkeypatch.setenv(backend.OPS_ENV, value)
    with pytest.raises(StoryledgerError, match=f"{backend.OPS_ENV}=.*blis, numpy or auto"):
        backend.requested()


def test_a_named_backend_skips_the_calibration(cache, monkeypatch, models):
    monkeypatch.setenv(backend.OPS_ENV, "numpy")
    monkeypatch.setattr(backend, "calibrate", pytest.fail)
    assert backend.choose(models["blis"]) == "numpy"
    assert not cache.exists()


@pytest.mark.parametrize(
    ("seconds", "chosen"),
    [
        ({"blis": 1.0, "numpy": 0.5}, "numpy"),
        ({"blis": 1.0, "numpy": 0.95}, "blis"),  # within the margin: blis stays
        ({"blis": 0.5, "numpy": 1.0}, "blis"),
    ],
)
def test_auto_keeps_blis_unless_numpy_is_clearly_faster(
    cache, monkeypatch, models, seconds, chosen
):
    monkeypatch.setattr(backend, "calibrate", lambda nlp: seconds)
    assert backend.choose(models["blis"]) == chosen
    stored = json.loads(cache.read_text())
    assert stored[backend.cache_key(models["blis"])]["seconds"] == seconds


def test_the_calibration_is_cached_per_machine_and_versions(cache, monkeypatch, models):
    calls = []
    monkeypatch.setattr(
        backend, "calibrate", lambda nlp: calls.append(1) or {"blis": 2, "numpy": 1}
    )
    assert backend.choose(models["blis"]) == backend.choose(models["blis"]) == "numpy"
    assert len(calls) == 1
    key = backend.cache_key(models["blis"])
    assert all(f"{name}=" in key for name in ("spacy", "thinc", "blis", "numpy"))
    monkeypatch.setattr(backend, "_version", lambda name: "other")
    backend.choose(models["blis"])
    assert len(calls) == 2  # another library version: measured again


def test_an_unwritable_cache_still_chooses(tmp_path, monkeypatch, models, caplog):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    monkeypatch.delenv(backend.OPS_ENV, raising=False)
    monkeypatch.setattr(backend, "calibrate", lambda nlp: {"blis": 1.0, "numpy": 2.0})
    assert backend.choose(models["blis"]) == "blis"
    assert "not cached" in caplog.text


def test_a_broken_cache_file_is_measured_again(cache, monkeypatch, models):
    cache.parent.mkdir(parents=True)
    cache.write_text("{half")
    monkeypatch.setattr(backend, "calibrate", lambda nlp: {"blis": 1.0, "numpy": 2.0})
    assert backend.choose(models["blis"]) == "blis"
    assert json.loads(cache.read_text())


def test_the_real_calibration_times_both_and_leaves_blis(models):
    nlp = build_model(ops="blis")
    seconds = backend.calibrate(nlp, rounds=1)
    assert set(seconds) == {"blis", "numpy"} and all(value > 0 for value in seconds.values())
    assert backend.current(nlp) == "blis"


def test_every_layer_runs_on_the_chosen_backend(models):
    for name, nlp in models.items():
        assert backend.current(nlp) == name
        for _pipe, component in nlp.pipeline:
            if isinstance(getattr(component, "model", None), Model):
                for node in component.model.walk():
                    assert isinstance(node.ops, NumpyOps)
                    assert node.ops.use_blis is (name == "blis")


@pytest.mark.parametrize(("env", "threads"), [(None, 1), ("2", 2)])
def test_numpy_keeps_its_blas_to_one_thread_unless_the_user_says(models, monkeypatch, env, threads):
    for name in backend._THREAD_ENVS:
        monkeypatch.delenv(name, raising=False)
    if env:
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", env)
    before = _threads()
    try:
        threadpool_limits(limits=2, user_api="blas")  # as a user's setting would leave it
        backend.use(models["numpy"], "numpy")
        blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
        assert blas and all(i["num_threads"] == threads for i in blas)
    finally:
        threadpool_limits(limits=before)


def test_runs_and_the_export_record_the_backend(tmp_path):
    info = RunInfo(pipeline_version="t", model_name="m", model_version="0", ops="numpy")
    with Store(tmp_path / "s.db") as store:
        store.begin_run(info, "analyze x")
        assert store.runs()[-1]["ops"] == "numpy"
        assert build_export(store)["generator"]["ops"] == "numpy"


def test_a_run_of_the_pipeline_says_its_backend(models):
    from storyledger.pipeline import run_info

    assert run_info(models["numpy"]).ops == "numpy"
    assert run_info(models["blis"]).ops == "blis"


def _parsed(nlp, articles):
    from storyledger.pipeline import analyse

    return [analysis.doc for analysis in analyse(articles, nlp, only=("layout",))]


def test_the_backends_annotate_real_news_alike(models):
    """A smoke of scripts/check_backends.py (which runs every shared corpus in full)."""
    articles = read_articles(need(SEEDS), SEEDS / "meta.json")
    articles += read_articles(need(MEANTIME))[::30]
    pairs = zip(_parsed(models["blis"], articles), _parsed(models["numpy"], articles), strict=True)
    assert [d for first, second in pairs for d in differences(first, second)] == []


_WORDS = st.sampled_from(
    "the police said on Monday that 3 men , Ms. Lopez and Acme Corp. had $ 4.5 million in "
    'Paris " quoted " ( about ) 1,200 workers voted to strike ; it was n\'t clear .'.split()
)


@settings(max_examples=25)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=40), min_size=1, max_size=4))
def test_the_backends_annotate_generated_text_alike(models, paragraphs):
    text = "\n\n".join(" ".join(words) for words in paragraphs)
    first, second = (models[name](text) for name in backend.BACKENDS)
    assert differences(first, second) == []


def test_a_difference_names_the_token_and_attribute(models):
    first = models["blis"]("Ms. Lopez said the police arrested three men.")
    second = models["blis"]("Ms. Lopez said the police arrested three men.")
    second[1].dep_ = "dobj"
    found = differences(first, second)
    assert [(d.token, d.text, d.attribute, d.second) for d in found] == [
        (1, "Lopez", "dep", "dobj")
    ]
