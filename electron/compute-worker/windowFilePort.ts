/**
 * The file port of a recipe run in the window's compute worker: host file calls relayed by the
 * window (the host confines every path to the run's folders).
 */
import { RecForgeError } from '../../core/errors';
import type { ComputeFileCall, ComputeFileReply } from '../../core/protocol/computeFiles';
import type { FilePort } from '../../core/recipes/llm/filePort';
import { hostFilePort } from '../../core/recipes/llm/hostFilePort';
import { callWindow } from './windowCalls';
import { scope } from './workerScope';

async function viaWindow(call: ComputeFileCall): Promise<ComputeFileReply> {
  const reply = await callWindow((callId) => scope.postMessage({ type: 'file', callId, call }));
  if (reply.type !== 'fileReply') throw new RecForgeError('internal', `${call.channel}: the window answered with a checkpoint reply`);
  return reply.value;
}

/** The port for run `runId`. */
export function windowFilePort(runId: string): FilePort {
  return hostFilePort(runId, viaWindow);
}
