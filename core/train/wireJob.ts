/**
 * A SASRec TrainJob to and from its JSON-safe wire form (typed arrays as base64), for the window
 * compute host: the host encodes the job it would post to the Node worker, the window's Web
 * Worker decodes it back into the same TrainJob and runs it with runTrainJob.
 */
import { decodeInt32s, encodeInt32s } from '../protocol/base64';
import type { WireTrainJob } from '../protocol/compute';
import type { TrainJob } from '../protocol/worker';

/** The job as the host sends it in compute.onRequest. */
export function toWireJob(job: TrainJob): WireTrainJob {
  const { data } = job;
  return {
    runId: job.runId,
    model: job.model,
    modelConfig: job.modelConfig,
    train: job.train,
    eval: job.eval,
    resume: job.resume === true,
    data: {
      numItems: data.numItems,
      trainOffsets: encodeInt32s(data.train.offsets),
      trainValues: encodeInt32s(data.train.values),
      validTarget: encodeInt32s(data.validTarget),
      testTarget: encodeInt32s(data.testTarget),
    },
  };
}

/**
 * The TrainJob back; `checkpointDir` names the checkpoints' place for messages only (the window
 * writes them through the host). Throws a located 'validation' error on malformed arrays.
 */
export function fromWireJob(wire: WireTrainJob, checkpointDir: string): TrainJob {
  const { data } = wire;
  const where = (field: string): string => `job ${wire.runId} data.${field}`;
  return {
    runId: wire.runId,
    model: wire.model,
    modelConfig: wire.modelConfig,
    train: wire.train,
    eval: wire.eval,
    resume: wire.resume,
    checkpointDir,
    data: {
      numItems: data.numItems,
      train: { offsets: decodeInt32s(data.trainOffsets, where('trainOffsets')), values: decodeInt32s(data.trainValues, where('trainValues')) },
      validTarget: decodeInt32s(data.validTarget, where('validTarget')),
      testTarget: decodeInt32s(data.testTarget, where('testTarget')),
    },
  };
}
