/**
 * Handlers of the compute.* channels: a window offers its WebGPU worker, reports on the job it was
 * given and reads / writes that run's checkpoints. They act on the calling connection's host only.
 */
import { RecForgeError } from '../../core/errors';
import type { Handlers } from './api';
import type { Caller } from './caller';
import type { HostContext } from './hostContext';

type ComputeChannel = 'compute.attach' | 'compute.detach' | 'compute.event' | 'compute.writeCheckpoint' | 'compute.readCheckpoint' | 'compute.fileSize' | 'compute.readFile' | 'compute.writeFile';

function connection(caller: Caller | undefined): Caller {
  if (caller === undefined) throw new RecForgeError('validation', 'compute hosts attach over a window connection (Electron IPC or the web socket), not from here');
  return caller;
}

export function computeHandlers(ctx: HostContext): Pick<Handlers, ComputeChannel> {
  return {
    'compute.attach': async (req, caller) => {
      ctx.compute.attach(connection(caller), req.backend);
      return ctx.computeRouting();
    },
    'compute.detach': async (_req, caller) => {
      ctx.compute.detach(connection(caller), 'the window withdrew its compute worker');
      return ctx.computeRouting();
    },
    'compute.event': async (req, caller) => {
      ctx.compute.of(caller).receive(req.event);
      return null;
    },
    'compute.writeCheckpoint': async (req, caller) => {
      await ctx.compute.of(caller).writeCheckpoint(req);
      return null;
    },
    'compute.readCheckpoint': (req, caller) => ctx.compute.of(caller).readCheckpoint(req),
    'compute.fileSize': (req, caller) => ctx.compute.of(caller).filesOf(req.runId).size(req.path),
    'compute.readFile': (req, caller) => ctx.compute.of(caller).filesOf(req.runId).read(req),
    'compute.writeFile': (req, caller) => ctx.compute.of(caller).filesOf(req.runId).write(req),
  };
}
