#!/usr/bin/env python3
"""PyTorch reference for `npm run bench -- sasrec`: the same SASRec training step as RecForge's
(core/models/sasrec: pmixer's SASRec.pytorch layout) on the same shapes, timed on CPU, printed
as one JSON line. bench/sasrec.ts runs it in the same process tree and reports the ratio.

Usage: python3 sasrec_torch.py [--items 1682] [--batch 128] [--max-len 50] [--hidden 64]
       [--blocks 2] [--heads 1] [--dropout 0.2] [--threads 2] [--warmup 3] [--steps 20]
Needs torch (Debian: apt-get install -y python3-torch).
"""
import argparse
import json
import math
import sys
import time

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:
    print(json.dumps({"error": "torch not installed", "hint": "apt-get install -y python3-torch"}))
    sys.exit(3)

MASKED = -1e9  # same additive mask value as core/models/sasrec/attention.ts


class Block(nn.Module):
    """Attention (queries layer-normed, keys/values raw, queries as residual) then the FFN."""

    def __init__(self, d, heads, dropout):
        super().__init__()
        self.attn_norm = nn.LayerNorm(d, eps=1e-8)
        self.attn = nn.MultiheadAttention(d, heads, dropout=dropout, batch_first=True)
        self.ffn_norm = nn.LayerNorm(d, eps=1e-8)
        # pmixer's kernel-1 Conv1d pair, written as Linear (same math, no transposes).
        self.ffn1 = nn.Linear(d, d)
        self.ffn2 = nn.Linear(d, d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, bias, mask):
        q = self.attn_norm(x)
        attended, _ = self.attn(q, x, x, attn_mask=bias, need_weights=False)
        h = self.ffn_norm(q + attended)
        out = self.drop(self.ffn2(F.relu(self.drop(self.ffn1(h))))) + h
        return out * mask


class SASRec(nn.Module):
    def __init__(self, items, max_len, d, blocks, heads, dropout):
        super().__init__()
        self.heads = heads
        self.item_emb = nn.Embedding(items + 1, d, padding_idx=0)
        self.pos_emb = nn.Embedding(max_len, d)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList(Block(d, heads, dropout) for _ in range(blocks))
        self.final_norm = nn.LayerNorm(d, eps=1e-8)
        # pmixer (and core/models/sasrec/params.ts): xavier-normal for every matrix, padding row 0.
        for p in self.parameters():
            if p.dim() > 1:
                nn.init.xavier_normal_(p)
        with torch.no_grad():
            self.item_emb.weight[0].zero_()

    def encode(self, seq):
        b, t = seq.shape
        d = self.item_emb.embedding_dim
        mask = (seq != 0).unsqueeze(-1).float()
        x = self.item_emb(seq) * math.sqrt(d) + self.pos_emb.weight[:t]
        x = self.drop(x) * mask
        # Additive bias [B·heads, T, T]: causal and no padding keys, as attentionBias().
        allowed = torch.tril(torch.ones(t, t)) * (seq != 0).float().unsqueeze(1)
        bias = ((1 - allowed) * MASKED).repeat_interleave(self.heads, dim=0)
        for blk in self.blocks:
            x = blk(x, bias, mask)
        return self.final_norm(x)

    def loss(self, seq, pos, neg):
        h = self.encode(seq)
        pos_logits = (h * self.item_emb(pos)).sum(-1)
        neg_logits = (h * self.item_emb(neg)).sum(-1)
        valid = (pos != 0).float()
        per = F.softplus(-pos_logits) + F.softplus(neg_logits)
        return (per * valid).sum() / valid.sum().clamp(min=1)


def make_batches(count, batch, max_len, items, gen):
    """Left-padded sequences of length 5..max_len with next-item targets and random negatives."""
    out = []
    for _ in range(count):
        lengths = torch.randint(5, max_len + 1, (batch,), generator=gen)
        full = torch.randint(1, items + 1, (batch, max_len + 1), generator=gen)
        seq = torch.zeros(batch, max_len, dtype=torch.long)
        pos = torch.zeros(batch, max_len, dtype=torch.long)
        for i, n in enumerate(lengths.tolist()):
            seq[i, max_len - n:] = full[i, :n]
            pos[i, max_len - n:] = full[i, 1:n + 1]
        neg = torch.randint(1, items + 1, (batch, max_len), generator=gen) * (pos != 0)
        out.append((seq, pos, neg))
    return out


def blas_in_use():
    """The OpenBLAS build torch loaded: Debian's pthread build oversubscribes next to torch's own
    OpenMP threads (slower with 2 threads than with 1), so the reference must use the openmp one."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                if "openblas" in line or "libblas" in line:
                    return line.split()[-1]
    except OSError:
        pass
    return "unknown"


def main():
    p = argparse.ArgumentParser()
    for name, default in [("items", 1682), ("batch", 128), ("max-len", 50), ("hidden", 64), ("blocks", 2),
                          ("heads", 1), ("threads", 2), ("warmup", 3), ("steps", 20)]:
        p.add_argument("--" + name, type=int, default=default)
    p.add_argument("--dropout", type=float, default=0.2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    model = SASRec(a.items, a.max_len, a.hidden, a.blocks, a.heads, a.dropout)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.98), eps=1e-8)
    batches = make_batches(a.warmup + a.steps, a.batch, a.max_len, a.items, torch.Generator().manual_seed(2))

    def step(b):
        opt.zero_grad(set_to_none=True)
        loss = model.loss(*b)
        loss.backward()
        opt.step()
        return loss.item()

    for b in batches[:a.warmup]:
        step(b)
    t0 = time.perf_counter()
    loss = float("nan")
    for b in batches[a.warmup:]:
        loss = step(b)
    seconds = time.perf_counter() - t0
    print(json.dumps({
        "seqPerSec": a.steps * a.batch / seconds,
        "stepMs": 1000 * seconds / a.steps,
        "loss": loss,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": blas_in_use(),
    }))


if __name__ == "__main__":
    main()
