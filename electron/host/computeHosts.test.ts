import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../core/protocol/base64';
import type { WorkerEvent, TrainJob } from '../../core/protocol/worker';
import { fromWireJob } from '../../core/train/wireJob';
import { fakeCaller } from '../testing/fakeCaller';
import { ComputeHosts } from './computeHosts';
import type { RemoteWorkerHost } from './remoteWorkerHost';

const GPU = { name: 'webgpu', detail: 'webgpu (test adapter)', patches: [] };

function tinyJob(runId: string, checkpointDir: string): TrainJob {
  return {
    runId,
    model: 'sasrec',
    modelConfig: { hidden: 8, blocks: 1, heads: 1, maxLen: 4, dropout: 0 },
    train: { epochs: 1, batchSize: 2, learningRate: 1e-3, seed: 1 },
    eval: { negatives: 2, seed: 1, fullRanking: false },
    data: { numItems: 3, train: { offsets: new Int32Array([0, 3]), values: new Int32Array([1, 2, 3]) }, validTarget: new Int32Array([2]), testTarget: new Int32Array([3]) },
    checkpointDir,
  };
}

describe('window compute hosts', () => {
  let dir: string;
  let events: WorkerEvent[];
  let lost: { message: string; host: RemoteWorkerHost }[];
  let changes: number;
  let hosts: ComputeHosts;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recforge-compute-'));
    events = [];
    lost = [];
    changes = 0;
    hosts = new ComputeHosts({ onEvent: (e) => void events.push(e), onLost: (message, host) => void lost.push({ message, host }), onChange: () => void changes++ });
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('sends the job to the attached window only, as a wire job that decodes to the same data', () => {
    const a = fakeCaller();
    const b = fakeCaller();
    hosts.attach(a, GPU);
    const host = hosts.attach(b, GPU);
    expect(hosts.current).toBe(host);
    host.train(tinyJob('run_1', dir));
    expect(a.sent).toEqual([]);
    const [request] = b.payloads('compute.onRequest');
    if (request?.type !== 'train') throw new Error('expected a train request');
    const decoded = fromWireJob(request.job, 'x');
    expect(Array.from(decoded.data.train.values)).toEqual([1, 2, 3]);
    expect(Array.from(decoded.data.testTarget)).toEqual([3]);
    expect(JSON.parse(JSON.stringify(request))).toEqual(request); // JSON-safe for the web socket
    expect(changes).toBe(2);
  });

  it('accepts events and checkpoints only for the run it was given', async () => {
    const caller = fakeCaller();
    const host = hosts.attach(caller, GPU);
    host.train(tinyJob('run_1', join(dir, 'checkpoints')));
    expect(() => host.receive({ type: 'cancelled', runId: 'run_other' })).toThrow(/does not train run run_other/);
    await expect(host.writeCheckpoint({ runId: 'run_other', name: 'last.safetensors', bytes: 'AAAA' })).rejects.toThrow(/does not train/);
    host.receive({ type: 'progress', runId: 'run_1', points: [{ step: 1, epoch: 1, loss: 0.7, lr: 1e-3 }], progress: { step: 1, totalSteps: 1, epoch: 1, epochs: 1, etaSeconds: null, phase: 'train' } });
    expect(events.map((e) => e.type)).toEqual(['progress']);
  });

  it('writes checkpoints atomically with a checksum and reads them back verified', async () => {
    const host = hosts.attach(fakeCaller(), GPU);
    const checkpoints = join(dir, 'runs', 'run_1', 'checkpoints');
    host.train(tinyJob('run_1', checkpoints));
    const bytes = Uint8Array.from([1, 2, 3, 4, 5]);
    await host.writeCheckpoint({ runId: 'run_1', name: 'last.safetensors', bytes: encodeBase64(bytes) });
    expect(new Uint8Array(await readFile(join(checkpoints, 'last.safetensors')))).toEqual(bytes);
    expect(await readFile(join(checkpoints, 'last.safetensors.sha256'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}last\.safetensors\n$/);
    expect(await host.readCheckpoint({ runId: 'run_1', name: 'last.safetensors' })).toEqual({ bytes: encodeBase64(bytes) });
    expect(await host.readCheckpoint({ runId: 'run_1', name: 'none.safetensors' })).toEqual({ bytes: null });
    await writeFile(join(checkpoints, 'last.safetensors'), Uint8Array.from([9]));
    await expect(host.readCheckpoint({ runId: 'run_1', name: 'last.safetensors' })).rejects.toThrow(/does not match its \.sha256 checksum/);
  });

  it('interrupts the run in flight when its window goes, and forgets the window', () => {
    const caller = fakeCaller();
    const host = hosts.attach(caller, GPU);
    host.train(tinyJob('run_1', dir));
    caller.close();
    expect(lost).toEqual([{ message: expect.stringMatching(/^interrupted: the window training it on WebGPU closed/), host }]);
    expect(hosts.current).toBeNull();
    expect(() => hosts.of(caller)).toThrow(/no attached compute host/);
  });

  it('re-attaching a window keeps one "gone" listener on its connection, not one per attach', () => {
    const caller = fakeCaller();
    for (let i = 0; i < 50; i++) hosts.attach(caller, GPU);
    expect(caller.goneListeners()).toBe(1);
    caller.close();
    expect(hosts.current).toBeNull();
  });

  it('a job routed to a window that went away in the meantime fails as interrupted', () => {
    const caller = fakeCaller();
    const host = hosts.attach(caller, GPU);
    caller.close();
    expect(() => host.train(tinyJob('run_1', dir))).toThrow(/^interrupted: the window training it on WebGPU closed before the run started/);
    expect(caller.sent).toEqual([]);
  });

  it('a finished run is not interrupted by a later close', () => {
    const caller = fakeCaller();
    const host = hosts.attach(caller, GPU);
    host.train(tinyJob('run_1', dir));
    host.receive({ type: 'done', runId: 'run_1', metrics: [] });
    caller.close();
    expect(lost).toEqual([]);
  });
});
