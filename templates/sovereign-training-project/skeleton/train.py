"""Distributed training of the ${{ values.name }} model.

Started by torchrun on every node of the Kubeflow Trainer TrainJob
(manifests/trainjob.yaml). Each process reads its share of the labelled
entity rows, gets their features from Feast through the FeatureService, and
trains a binary classifier with PyTorch DistributedDataParallel. Rank 0
evaluates the model on the held-out rows of every process, stores it in the
organisation's object store and registers the version in the Kubeflow Model
Registry with the lineage join keys.
"""

import io
import json
import logging
import os
import sys
import time

import boto3
import pandas as pd
import requests
import torch
import torch.distributed as dist
from feast import FeatureStore
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset

MODEL_NAME = ${{ values.name | dump }}
MODEL_DESCRIPTION = ${{ values.description | dump }}
FEAST_PROJECT = ${{ values.feastProject | dump }}
FEATURE_SERVICE = ${{ values.featureService | dump }}
# "<project>/<name>": Feast's own key for the FeatureService of a model version.
FEATURE_SERVICE_KEY = ${{ values.featureServiceKey | dump }}
JOIN_KEYS = ${{ values.joinKeys | dump }}
JURISDICTION = ${{ values.jurisdiction | dump }}
TIMESTAMP_COLUMN = "event_timestamp"
LABEL_COLUMN = "label"

EPOCHS = int(os.environ.get("EPOCHS", "10"))
BATCH_SIZE = int(os.environ.get("BATCH_SIZE", "1024"))
LEARNING_RATE = float(os.environ.get("LEARNING_RATE", "0.001"))
VALIDATION_SHARE = 0.2
SEED = 42

log = logging.getLogger(MODEL_NAME)


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        sys.exit(f"Environment variable {name} is not set (see manifests/trainjob.yaml)")
    return value


def init_distributed():
    """Joins the process group torchrun set up; NCCL on GPUs, Gloo on CPUs."""
    backend = "nccl" if torch.cuda.is_available() else "gloo"
    dist.init_process_group(backend=backend)
    if torch.cuda.is_available():
        local_rank = int(os.environ["LOCAL_RANK"])
        torch.cuda.set_device(local_rank)
        return torch.device("cuda", local_rank)
    return torch.device("cpu")


def read_entity_rows(uri, rank, world_size):
    """This process's share of the labelled entity rows (Parquet)."""
    frame = pd.read_parquet(
        uri,
        storage_options={"client_kwargs": {"endpoint_url": os.environ.get("AWS_ENDPOINT_URL")}}
        if uri.startswith("s3://")
        else None,
    )
    missing = {*JOIN_KEYS, TIMESTAMP_COLUMN, LABEL_COLUMN} - set(frame.columns)
    if missing:
        sys.exit(f"{uri} lacks the columns {sorted(missing)}")
    frame = frame.sort_values([TIMESTAMP_COLUMN, *JOIN_KEYS]).reset_index(drop=True)
    return frame.iloc[rank::world_size].reset_index(drop=True)


def historical_features(entity_rows):
    """Point-in-time correct features of the FeatureService for each row."""
    store = FeatureStore(repo_path=os.environ.get("FEAST_REPO_PATH", "."))
    service = store.get_feature_service(FEATURE_SERVICE)
    job = store.get_historical_features(entity_df=entity_rows, features=service)
    return job.to_df()


def to_tensors(frame, feature_columns):
    features = frame[feature_columns].astype("float32").fillna(0.0)
    labels = frame[LABEL_COLUMN].astype("float32")
    return torch.tensor(features.values), torch.tensor(labels.values).unsqueeze(1)


def global_standardisation(x, device):
    """Mean and standard deviation of every feature over all processes."""
    stats = torch.stack([x.sum(0), (x * x).sum(0)]).to(device)
    count = torch.tensor([float(len(x))], device=device)
    dist.all_reduce(stats)
    dist.all_reduce(count)
    mean = stats[0] / count
    std = torch.sqrt(torch.clamp(stats[1] / count - mean * mean, min=1e-12))
    return mean.cpu(), std.cpu()


class Classifier(nn.Module):
    def __init__(self, inputs, mean, std):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.layers = nn.Sequential(
            nn.Linear(inputs, 64),
            nn.ReLU(),
            nn.Dropout(0.1),
            nn.Linear(64, 32),
            nn.ReLU(),
            nn.Linear(32, 1),
        )

    def forward(self, x):
        return self.layers((x - self.mean) / self.std)


def auc(scores, labels):
    """Area under the ROC curve (Mann-Whitney U), without extra libraries."""
    frame = pd.DataFrame({"score": scores, "label": labels})
    positives = int(frame["label"].sum())
    negatives = len(frame) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    ranks = frame["score"].rank(method="average")
    rank_sum = ranks[frame["label"] == 1].sum()
    return float((rank_sum - positives * (positives + 1) / 2) / (positives * negatives))


def evaluate(model, x, y, device):
    """Scores of this process's held-out rows, gathered on every process."""
    model.eval()
    with torch.no_grad():
        scores = torch.sigmoid(model(x.to(device))).squeeze(1).cpu().tolist()
    gathered = [None] * dist.get_world_size()
    dist.all_gather_object(gathered, (scores, y.squeeze(1).tolist()))
    all_scores = [s for part, _ in gathered for s in part]
    all_labels = [label for _, part in gathered for label in part]
    predicted = [1.0 if s >= 0.5 else 0.0 for s in all_scores]
    true_positives = sum(1 for p, t in zip(predicted, all_labels) if p == 1 and t == 1)
    precision = true_positives / max(1, sum(predicted))
    recall = true_positives / max(1, sum(all_labels))
    return {"auc": auc(all_scores, all_labels), "precision": precision, "recall": recall}


def split_storage_uri(uri):
    if not uri.startswith("s3://"):
        sys.exit(f"MODEL_STORAGE_URI must be an s3:// URI, not {uri}")
    bucket, _, prefix = uri[len("s3://"):].partition("/")
    return bucket, prefix.strip("/")


def save_model(model, feature_columns, metrics, version):
    """Writes model.pt and metadata.json under MODEL_STORAGE_URI/<version>/."""
    bucket, prefix = split_storage_uri(required_env("MODEL_STORAGE_URI"))
    key_prefix = "/".join(p for p in (prefix, version) if p)
    buffer = io.BytesIO()
    torch.save({"state_dict": model.state_dict(), "features": feature_columns}, buffer)
    s3 = boto3.client("s3", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
    s3.put_object(Bucket=bucket, Key=f"{key_prefix}/model.pt", Body=buffer.getvalue())
    metadata = {"feature_service": FEATURE_SERVICE_KEY, "features": feature_columns, "metrics": metrics}
    s3.put_object(Bucket=bucket, Key=f"{key_prefix}/metadata.json", Body=json.dumps(metadata).encode())
    return f"s3://{bucket}/{key_prefix}/"


class ModelRegistry:
    """The Kubeflow Model Registry REST API (v1alpha3), as the job's service account."""

    def __init__(self, base_url):
        self.base = base_url.rstrip("/") + "/api/model_registry/v1alpha3"
        self.session = requests.Session()
        token_file = "/var/run/secrets/kubernetes.io/serviceaccount/token"
        if os.path.exists(token_file):
            with open(token_file, encoding="utf-8") as handle:
                self.session.headers["Authorization"] = "Bearer " + handle.read().strip()

    def call(self, method, path, **kwargs):
        response = self.session.request(method, self.base + path, timeout=30, **kwargs)
        if response.status_code == 404 and method == "GET":
            return None
        response.raise_for_status()
        return response.json()

    def registered_model(self, name, owner):
        found = self.call("GET", "/registered_model", params={"name": name})
        if found:
            return found
        return self.call(
            "POST", "/registered_models", json={"name": name, "owner": owner, "description": MODEL_DESCRIPTION}
        )

    def register_version(self, name, version, artifact_uri, metrics, trainjob):
        model = self.registered_model(name, os.environ.get("MODEL_OWNER", ""))

        def string(value):
            return {"string_value": value, "metadataType": "MetadataStringValue"}

        properties = {
            "feast.feature_service": string(FEATURE_SERVICE_KEY),
            "sovereign-ai.io/trainjob": string(trainjob),
            "sovereign-ai.io/jurisdiction": string(JURISDICTION),
        }
        for metric, value in metrics.items():
            if value == value:  # NaN is not valid JSON
                properties[metric] = {"double_value": value, "metadataType": "MetadataDoubleValue"}
        created = self.call(
            "POST",
            f"/registered_models/{model['id']}/versions",
            json={
                "name": version,
                "registeredModelId": model["id"],
                "author": os.environ.get("MODEL_OWNER", ""),
                "customProperties": properties,
            },
        )
        self.call(
            "POST",
            f"/model_versions/{created['id']}/artifacts",
            json={
                "artifactType": "model-artifact",
                "name": f"{name}-{version}",
                "uri": artifact_uri,
                "modelFormatName": "pytorch",
                "modelFormatVersion": torch.__version__.split("+")[0],
            },
        )
        return created


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    torch.manual_seed(SEED)
    device = init_distributed()
    rank, world_size = dist.get_rank(), dist.get_world_size()

    rows = read_entity_rows(required_env("TRAINING_ENTITIES_URI"), rank, world_size)
    frame = historical_features(rows)
    excluded = {*JOIN_KEYS, TIMESTAMP_COLUMN, LABEL_COLUMN}
    numeric = frame.select_dtypes(include="number").columns
    feature_columns = sorted(c for c in numeric if c not in excluded)
    if not feature_columns:
        sys.exit(f"Feature service {FEATURE_SERVICE} returned no numeric feature")
    log.info("rank %d: %d rows, %d features", rank, len(frame), len(feature_columns))

    holdout = frame.sample(frac=VALIDATION_SHARE, random_state=SEED + rank)
    train_x, train_y = to_tensors(frame.drop(holdout.index), feature_columns)
    valid_x, valid_y = to_tensors(holdout, feature_columns)
    mean, std = global_standardisation(train_x, device)

    model = Classifier(len(feature_columns), mean, std).to(device)
    ddp_model = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = torch.optim.Adam(ddp_model.parameters(), lr=LEARNING_RATE)
    positive_share = float(train_y.mean()) if len(train_y) else 0.5
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([(1 - positive_share) / max(positive_share, 1e-6)], device=device))
    loader = DataLoader(TensorDataset(train_x, train_y), batch_size=BATCH_SIZE, shuffle=True)

    for epoch in range(EPOCHS):
        ddp_model.train()
        total = 0.0
        # Shards differ in size: join() keeps the all-reduces of DDP in step.
        with ddp_model.join():
            for x, y in loader:
                optimizer.zero_grad()
                loss = loss_fn(ddp_model(x.to(device)), y.to(device))
                loss.backward()
                optimizer.step()
                total += loss.item() * len(x)
        log.info("rank %d epoch %d loss %.4f", rank, epoch + 1, total / max(1, len(train_x)))

    metrics = evaluate(model, valid_x, valid_y, device)
    if rank == 0:
        version = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        trainjob = "/".join(
            [
                required_env("CLUSTER_NAME"),
                required_env("TRAINJOB_NAMESPACE"),
                required_env("TRAINJOB_NAME"),
            ]
        )
        artifact_uri = save_model(model.cpu(), feature_columns, metrics, version)
        ModelRegistry(required_env("MODEL_REGISTRY_URL")).register_version(
            MODEL_NAME, version, artifact_uri, metrics, trainjob
        )
        log.info("registered %s version %s at %s: %s", MODEL_NAME, version, artifact_uri, metrics)
    dist.barrier()
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
