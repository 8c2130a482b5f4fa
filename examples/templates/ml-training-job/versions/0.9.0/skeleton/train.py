"""Distributed data-parallel training of a tiny model on synthetic data.

One process per pod: the PyTorchJob operator starts a Master and N Workers
and sets MASTER_ADDR, MASTER_PORT, WORLD_SIZE and RANK in the container named
`pytorch`; torchrun does the same on a laptop. Replace TinyRegressor and
synthetic_dataset with your model and data; keep the checkpointing.

    torchrun --nproc-per-node=2 train.py --config configs/smoke.yaml --backend gloo
"""

from __future__ import annotations

import argparse
import os
import sys

import fsspec
import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from train_utils import (
    DistEnv,
    TrainConfig,
    checkpoint_due,
    checkpoint_name,
    latest_checkpoint,
    load_config,
    resolve_backend,
)


class TinyRegressor(nn.Module):
    def __init__(self, in_features: int, hidden_size: int) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_features, hidden_size),
            nn.ReLU(),
            nn.Linear(hidden_size, 1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def synthetic_dataset(config: TrainConfig) -> TensorDataset:
    """y = x·w + noise with a fixed w, so every rank sees the same problem."""
    generator = torch.Generator().manual_seed(config.seed)
    x = torch.randn(config.dataset_size, config.in_features, generator=generator)
    w = torch.randn(config.in_features, 1, generator=generator)
    y = x @ w + 0.01 * torch.randn(config.dataset_size, 1, generator=generator)
    return TensorDataset(x, y)


def save_checkpoint(directory: str, step: int, model: nn.Module, optimizer) -> str:
    fs, root = fsspec.core.url_to_fs(directory)
    fs.makedirs(root, exist_ok=True)
    path = f"{root.rstrip('/')}/{checkpoint_name(step)}"
    state = {"step": step, "model": model.state_dict(), "optimizer": optimizer.state_dict()}
    with fs.open(path, "wb") as file:
        torch.save(state, file)
    return path


def load_latest_checkpoint(directory: str, model: nn.Module, optimizer, device) -> int:
    """Restores the newest checkpoint, if any; returns the step to go on from."""
    fs, root = fsspec.core.url_to_fs(directory)
    if not fs.exists(root):
        return 0
    latest = latest_checkpoint(fs.ls(root, detail=False))
    if latest is None:
        return 0
    with fs.open(latest, "rb") as file:
        state = torch.load(file, map_location=device, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return int(state["step"])


class Tracker:
    """Logs to MLflow from rank 0 when MLFLOW_TRACKING_URI is set."""

    def __init__(self, env: DistEnv, config: TrainConfig) -> None:
        self._mlflow = None
        if env.is_main and os.environ.get("MLFLOW_TRACKING_URI"):
            import mlflow  # only rank 0 with a tracking server needs it

            mlflow.set_experiment("${{ values.name }}")
            mlflow.start_run()
            mlflow.log_params({**vars(config), "world_size": env.world_size})
            self._mlflow = mlflow

    def metric(self, name: str, value: float, step: int) -> None:
        if self._mlflow:
            self._mlflow.log_metric(name, value, step=step)

    def close(self) -> None:
        if self._mlflow:
            self._mlflow.end_run()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="configs/train.yaml")
    parser.add_argument("--backend", choices=["nccl", "gloo"], help="default: nccl on GPUs")
    parser.add_argument(
        "--checkpoint-dir",
        default=os.environ.get("CHECKPOINT_DIR"),
        help="overrides the config; local path or s3://... (default: $CHECKPOINT_DIR)",
    )
    return parser.parse_args(argv)


def train(config: TrainConfig, env: DistEnv, backend: str, checkpoint_dir: str) -> float:
    """Runs until config.max_steps and returns the last loss."""
    use_cuda = backend == "nccl"
    device = torch.device("cuda", env.local_rank) if use_cuda else torch.device("cpu")
    if use_cuda:
        torch.cuda.set_device(device)
    torch.manual_seed(config.seed)

    model = TinyRegressor(config.in_features, config.hidden_size).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.learning_rate)
    # Resume before wrapping in DDP: every rank loads the same checkpoint.
    step = load_latest_checkpoint(checkpoint_dir, model, optimizer, device)
    if env.distributed:
        model = DistributedDataParallel(model, device_ids=[device.index] if use_cuda else None)

    dataset = synthetic_dataset(config)
    sampler = (
        DistributedSampler(dataset, num_replicas=env.world_size, rank=env.rank, seed=config.seed)
        if env.distributed
        else None
    )
    loader = DataLoader(
        dataset, batch_size=config.batch_size, sampler=sampler, shuffle=sampler is None
    )
    loss_fn = nn.MSELoss()
    tracker = Tracker(env, config)
    unwrapped = model.module if isinstance(model, DistributedDataParallel) else model

    loss_value = float("nan")
    epoch = 0
    try:
        while step < config.max_steps:
            if sampler is not None:
                sampler.set_epoch(epoch)
            for x, y in loader:
                x, y = x.to(device), y.to(device)
                optimizer.zero_grad(set_to_none=True)
                loss = loss_fn(model(x), y)
                loss.backward()
                optimizer.step()
                step += 1
                loss_value = loss.item()
                if env.is_main and step % config.log_every == 0:
                    print(f"step {step} loss {loss_value:.5f}", flush=True)
                    tracker.metric("loss", loss_value, step)
                if env.is_main and checkpoint_due(step, config.checkpoint_every):
                    save_checkpoint(checkpoint_dir, step, unwrapped, optimizer)
                if step >= config.max_steps:
                    break
            epoch += 1
        if env.is_main and not checkpoint_due(step, config.checkpoint_every):
            save_checkpoint(checkpoint_dir, step, unwrapped, optimizer)
    finally:
        tracker.close()
    return loss_value


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    config = load_config(args.config)
    env = DistEnv.from_environ(os.environ)
    backend = resolve_backend(args.backend, torch.cuda.is_available())
    checkpoint_dir = args.checkpoint_dir or config.checkpoint_dir

    if env.distributed:
        # env:// reads MASTER_ADDR, MASTER_PORT, WORLD_SIZE and RANK.
        dist.init_process_group(backend)
    try:
        train(config, env, backend, checkpoint_dir)
        if env.distributed:
            dist.barrier()
    finally:
        if env.distributed:
            dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
