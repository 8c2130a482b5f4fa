"""Pure helpers of train.py: no torch, so they test in milliseconds."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

_CHECKPOINT = re.compile(r"(?:^|/)step-(\d{9})\.pt$")


@dataclass(frozen=True)
class DistEnv:
    """Where this process sits in the job, from the variables the PyTorchJob
    operator (or torchrun) sets: WORLD_SIZE, RANK and LOCAL_RANK."""

    rank: int = 0
    local_rank: int = 0
    world_size: int = 1

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> DistEnv:
        world_size = int(environ.get("WORLD_SIZE", "1"))
        rank = int(environ.get("RANK", "0"))
        local_rank = int(environ.get("LOCAL_RANK", "0"))
        if world_size < 1 or not 0 <= rank < world_size:
            raise ValueError(f"RANK {rank} is not within WORLD_SIZE {world_size}")
        return cls(rank=rank, local_rank=local_rank, world_size=world_size)

    @property
    def distributed(self) -> bool:
        return self.world_size > 1

    @property
    def is_main(self) -> bool:
        """Rank 0 alone logs to MLflow and writes checkpoints."""
        return self.rank == 0


@dataclass(frozen=True)
class TrainConfig:
    max_steps: int = 5000
    batch_size: int = 64
    learning_rate: float = 1e-3
    checkpoint_every: int = 500
    checkpoint_dir: str = "/tmp/checkpoints"
    log_every: int = 50
    dataset_size: int = 4096
    in_features: int = 8
    hidden_size: int = 32
    seed: int = 42

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> TrainConfig:
        known = {field.name: field.type for field in fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ValueError(f"unknown config keys: {', '.join(unknown)}")
        config = cls(**values)  # type: ignore[arg-type]
        for name in ("max_steps", "batch_size", "checkpoint_every", "log_every", "dataset_size"):
            if int(getattr(config, name)) < 1:
                raise ValueError(f"{name} must be at least 1")
        return config


def load_config(path: str | Path) -> TrainConfig:
    with open(path, encoding="utf-8") as file:
        return TrainConfig.from_mapping(yaml.safe_load(file) or {})


def resolve_backend(requested: str | None, cuda_available: bool) -> str:
    """NCCL on GPUs, Gloo on CPUs (a laptop, or CI without GPUs)."""
    if requested:
        if requested == "nccl" and not cuda_available:
            raise ValueError("the nccl backend needs CUDA; use --backend gloo on CPUs")
        return requested
    return "nccl" if cuda_available else "gloo"


def checkpoint_due(step: int, every: int) -> bool:
    return step > 0 and step % every == 0


def checkpoint_name(step: int) -> str:
    return f"step-{step:09d}.pt"


def latest_checkpoint(names: Iterable[str]) -> str | None:
    """The checkpoint with the highest step among the names, or None."""
    best: tuple[int, str] | None = None
    for name in names:
        match = _CHECKPOINT.search(name)
        if match and (best is None or int(match.group(1)) > best[0]):
            best = (int(match.group(1)), name)
    return best[1] if best else None
