import math

import pytest

torch = pytest.importorskip("torch")

import train  # noqa: E402
from train_utils import DistEnv, TrainConfig  # noqa: E402


def test_trains_on_cpu_and_resumes_from_its_checkpoint(tmp_path):
    config = TrainConfig(
        max_steps=30,
        batch_size=16,
        learning_rate=0.01,
        checkpoint_every=10,
        checkpoint_dir=str(tmp_path),
        log_every=10,
        dataset_size=256,
        hidden_size=8,
    )

    loss = train.train(config, DistEnv(), "gloo", str(tmp_path))

    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "step-000000010.pt",
        "step-000000020.pt",
        "step-000000030.pt",
    ]
    assert math.isfinite(loss)

    # A restarted pod picks up at step 30 and has nothing left to do.
    longer = TrainConfig(**{**vars(config), "max_steps": 40})
    train.train(longer, DistEnv(), "gloo", str(tmp_path))
    assert (tmp_path / "step-000000040.pt").exists()
