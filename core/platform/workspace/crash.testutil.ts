/**
 * Child-process body for crash.test.ts: opens a workspace, writes to it, and dies by SIGKILL
 * before any clean close — as a host does when the machine or the user kills it.
 */
import { Workspace } from './workspace';

const dir = process.argv[2] ?? '';
const ws = await Workspace.open(dir);
await ws.importDemo();
await ws.createRun({
  id: 'run_crash', datasetId: 'ds_x', datasetName: 'demo', model: 'sasrec', status: 'running', createdAt: new Date().toISOString(),
  finishedAt: null, config: { train: { epochs: 1 } }, metrics: [], error: null, notes: '', tags: ['crash'],
});
process.stdout.write('written\n');
process.kill(process.pid, 'SIGKILL');
