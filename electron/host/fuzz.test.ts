import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../core/protocol/channels';
import { startHarness, type Harness } from '../testing/hostHarness';
import { junkFactory } from '../testing/junk';
import { createDispatch } from './api';
import { validateRequest } from './validate';

describe('every protocol call under malformed payloads', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(true);
  });
  afterAll(async () => harness.dispose());

  it('answers a validation error, never crashes and never writes', async () => {
    const dispatch = createDispatch(harness.ctx);
    const before = await harness.ctx.workspace.tableCounts();
    const junk = junkFactory(99);
    let rejected = 0;
    for (const channel of INVOKE_CHANNELS) {
      for (let i = 0; i < 150; i++) {
        const payload = junk();
        try {
          validateRequest(channel, payload);
          continue; // a valid payload is a legitimate call, not part of this test
        } catch {
          rejected++;
        }
        const result = await dispatch(channel, payload);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('validation');
      }
    }
    expect(rejected).toBeGreaterThan(INVOKE_CHANNELS.length * 100);
    expect(await harness.ctx.workspace.tableCounts()).toEqual(before);
  });
});
