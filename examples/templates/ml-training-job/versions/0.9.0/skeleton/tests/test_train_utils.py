import pytest

from train_utils import (
    DistEnv,
    TrainConfig,
    checkpoint_due,
    checkpoint_name,
    latest_checkpoint,
    load_config,
    resolve_backend,
)


def test_a_single_process_is_not_distributed():
    env = DistEnv.from_environ({})

    assert (env.rank, env.world_size, env.distributed, env.is_main) == (0, 1, False, True)


def test_the_operator_variables_make_a_worker():
    env = DistEnv.from_environ({"WORLD_SIZE": "3", "RANK": "2"})

    assert env.distributed and not env.is_main
    assert env.local_rank == 0


def test_a_rank_outside_the_world_is_an_error():
    with pytest.raises(ValueError, match="RANK 3"):
        DistEnv.from_environ({"WORLD_SIZE": "3", "RANK": "3"})


def test_checkpoints_are_due_every_n_steps_but_not_at_zero():
    assert [step for step in range(0, 1501) if checkpoint_due(step, 500)] == [500, 1000, 1500]


def test_the_latest_checkpoint_is_the_highest_step_not_the_last_listed():
    names = [
        "bucket/run/" + checkpoint_name(1000),
        "bucket/run/" + checkpoint_name(500),
        "bucket/run/notes.txt",
    ]

    assert latest_checkpoint(names) == "bucket/run/step-000001000.pt"
    assert latest_checkpoint([]) is None


def test_backend_follows_the_hardware():
    assert resolve_backend(None, cuda_available=True) == "nccl"
    assert resolve_backend(None, cuda_available=False) == "gloo"
    with pytest.raises(ValueError, match="CUDA"):
        resolve_backend("nccl", cuda_available=False)


def test_the_shipped_configs_load():
    assert load_config("configs/train.yaml").checkpoint_every == 500
    assert load_config("configs/smoke.yaml").max_steps == 40


def test_unknown_config_keys_are_rejected():
    with pytest.raises(ValueError, match="epochs"):
        TrainConfig.from_mapping({"epochs": 3})
