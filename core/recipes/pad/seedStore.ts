/**
 * Finished seeds of a PAD run, one file each under the run's checkpoints folder, so a resumed run
 * (cancelled or crashed after some seeds) skips them instead of retraining for minutes. A file is
 * reused only when it was written under the same effective settings and domain; anything else is
 * retrained, since a seed's numbers are only comparable under one protocol.
 */
import { decodeUtf8, encodeUtf8 } from '../../tensor/utf8';
import { readWholeFile, type FilePort } from '../llm/filePort';
import { parseFinite, stringifyFinite } from '../finiteJson';
import { joinPath } from '../llm/recipeFiles';
import type { SeedResult } from './padCompare';
import type { PadSettings } from './settings';

const VERSION = 1;

/** What a seed file holds. */
interface StoredSeed {
  readonly version: number;
  readonly domain: string;
  readonly settings: PadSettings;
  readonly result: SeedResult;
}


/** The file's content, or null when it is not JSON (then the seed is simply retrained). */
function parseStored(bytes: Uint8Array): StoredSeed | null {
  try {
    return parseFinite(decodeUtf8(bytes)) as StoredSeed;
  } catch {
    return null;
  }
}

/** Saves and loads finished seeds of one run. */
export class PadSeedStore {
  constructor(
    private readonly port: FilePort,
    private readonly runDir: string,
    private readonly domain: string,
    private readonly settings: PadSettings,
  ) {}

  /** `checkpoints/pad-seed-<seed>.json` in the run folder. */
  fileOf(seed: number): string {
    return joinPath(this.runDir, 'checkpoints', `pad-seed-${seed}.json`);
  }

  /** Writes a finished seed atomically (a crash leaves the old file or the new one). */
  async save(result: SeedResult): Promise<void> {
    const stored: StoredSeed = { version: VERSION, domain: this.domain, settings: this.settings, result };
    await this.port.writeBytes(this.fileOf(result.seed), encodeUtf8(stringifyFinite(stored)));
  }

  /** The stored result of `seed`, or null when there is none or it was made under other settings. */
  async load(seed: number): Promise<SeedResult | null> {
    const file = this.fileOf(seed);
    if ((await this.port.fileSize(file)) === null) return null;
    const stored = parseStored(await readWholeFile(this.port, file));
    if (stored === null) return null;
    const same = stored.version === VERSION && stored.domain === this.domain && JSON.stringify(stored.settings) === JSON.stringify(this.settings);
    return same && stored.result.seed === seed ? stored.result : null;
  }
}
