import { describe, expect, it } from 'vitest';
import { requestProblem } from '../testing/requestProblem';
import { validateRequest } from './validate';

const progress = { step: 1, totalSteps: 10, epoch: 1, epochs: 2, etaSeconds: 3.5, phase: 'train' };
const point = { step: 1, epoch: 1, loss: 0.69, lr: 1e-3 };
const metric = { name: 'HR', k: 10, value: 0.4, protocol: { split: 'leave-one-out', target: 'test', candidates: { kind: 'sampled', negatives: 20, sampler: 'uniform', seed: 3 }, excludeHistory: true, users: 600 } };


describe('compute.* payload validation', () => {
  it('accepts what the window compute worker sends', () => {
    expect(() => validateRequest('compute.attach', { backend: { name: 'webgpu', detail: 'webgpu (SwiftShader)', patches: ['reduction gradients'] } })).not.toThrow();
    expect(() => validateRequest('compute.event', { event: { type: 'progress', runId: 'run_1', points: [point], progress } })).not.toThrow();
    expect(() => validateRequest('compute.event', { event: { type: 'done', runId: 'run_1', metrics: [metric] } })).not.toThrow();
    expect(() => validateRequest('compute.writeCheckpoint', { runId: 'run_1', name: 'last.safetensors', bytes: 'AAECAw==' })).not.toThrow();
    expect(() => validateRequest('compute.readCheckpoint', { runId: 'run_1', name: 'last.safetensors' })).not.toThrow();
  });

  it.each([
    ['../escape', /name/],
    ['.last.safetensors.abc.tmp', /name: a plain file name/],
    ['a/b', /name/],
    ['last.safetensors.sha256', /not a \.sha256 checksum file/],
  ])('refuses the checkpoint name %s, naming the field', (name, message) => {
    expect(requestProblem('compute.readCheckpoint', { runId: 'run_1', name })).toMatch(message);
  });

  it('refuses bytes that are not base64, and unknown fields', () => {
    expect(requestProblem('compute.writeCheckpoint', { runId: 'run_1', name: 'x', bytes: 'not base64!' })).toMatch(/bytes: base64/);
    expect(requestProblem('compute.readCheckpoint', { runId: 'run_1', name: 'x', path: '/etc/passwd' })).toMatch(/invalid compute.readCheckpoint request/);
  });

  it('refuses events that would corrupt a run: non-finite loss, unknown types, a run id with a path', () => {
    expect(requestProblem('compute.event', { event: { type: 'progress', runId: 'run_1', points: [{ ...point, loss: null }], progress } })).toMatch(/event.points.0.loss/);
    expect(requestProblem('compute.event', { event: { type: 'ready', backend: {} } })).toMatch(/event.type/);
    expect(requestProblem('compute.event', { event: { type: 'cancelled', runId: '../run' } })).toMatch(/event.runId/);
    expect(requestProblem('compute.event', { event: { type: 'done', runId: 'run_1', metrics: [{ ...metric, protocol: { ...metric.protocol, split: 'future' } }] } })).toMatch(/event.metrics.0.protocol.split/);
  });

  it('refuses an attach without a backend', () => {
    expect(requestProblem('compute.attach', {})).toMatch(/backend/);
  });
});
