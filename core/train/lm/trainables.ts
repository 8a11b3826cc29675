/**
 * What the optimizer updates, and how those tensors enter the forward pass. Full training: the
 * parameters are the decoder weights themselves. LoRA: the decoder is frozen and the parameters
 * are the adapter's A/B matrices (PEFT names), applied through lmForward's ProjectionDelta hook —
 * with LoRA dropout on the adapter input while training, drawn from a seeded stream.
 */
import * as tf from '@tensorflow/tfjs';
import type { ProjectionDelta } from '../../models/lm/layers';
import { dropout } from '../../models/nn/dropout';
import { loraDelta, loraPair } from '../../models/lora/adapter';
import { loraScaling } from '../../models/lora/config';
import type { LoraConfig } from '../../models/lora/config';
import type { Rng } from '../rng';

/** Weights and delta of one forward pass. */
export interface ForwardInputs {
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  readonly delta?: ProjectionDelta;
}

/** A trainable model: frozen tensors (owned) and a way to combine them with the parameters. */
export interface TrainableModel {
  readonly kind: 'full' | 'lora';
  /** LoRA: the frozen decoder and the adapter's config (what a replica rebuilds the model from). */
  readonly frozen: { readonly base: ReadonlyMap<string, tf.Tensor>; readonly lora: LoraConfig } | null;
  /**
   * Forward inputs for parameter tensors `params` (the live ones, or stand-ins inside a gradient
   * tape). `dropoutRng` null = no dropout (evaluation).
   */
  forwardInputs(params: ReadonlyMap<string, tf.Tensor>, dropoutRng: Rng | null): ForwardInputs;
  /** Frees the frozen tensors. */
  dispose(): void;
}

/** Every decoder weight is a parameter; nothing is frozen. */
export function fullModel(): TrainableModel {
  return { kind: 'full', frozen: null, forwardInputs: (params) => ({ weights: params }), dispose: () => undefined };
}

/** scaling·(dropout(x)·Aᵀ)·Bᵀ: PEFT's LoRA forward in training mode. */
export function loraTrainingDelta(config: LoraConfig, tensors: ReadonlyMap<string, tf.Tensor>, dropoutRng: Rng | null): ProjectionDelta {
  const adapter = { config, tensors: tensors as Map<string, tf.Tensor> };
  if (dropoutRng === null || config.lora_dropout === 0) return loraDelta(adapter);
  const scaling = loraScaling(config);
  return (modulePath, x) => {
    const pair = loraPair(adapter, modulePath);
    if (pair === null) return null;
    return tf.tidy(() => {
      const dropped = dropout(x, config.lora_dropout, dropoutRng);
      return tf.mul(tf.matMul(tf.matMul(dropped, pair.a, false, true), pair.b, false, true), scaling);
    });
  };
}

/** The frozen decoder `base` (owned from now on) with a LoRA adapter as the parameters. */
export function loraModel(base: Map<string, tf.Tensor>, config: LoraConfig): TrainableModel {
  return {
    kind: 'lora',
    frozen: { base, lora: config },
    forwardInputs: (params, dropoutRng) => ({ weights: base, delta: loraTrainingDelta(config, params, dropoutRng) }),
    dispose: () => {
      tf.dispose([...base.values()]);
      base.clear();
    },
  };
}
