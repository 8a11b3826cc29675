/**
 * The unit of an epoch timestamp, read from its magnitude: seconds since 1973 lie in [1e8, 1e11)
 * (up to the year 5138), milliseconds in [1e11, 1e14), microseconds in [1e14, 1e17), nanoseconds
 * above. Values below 1e8 (sequence numbers, dates before 1973) have no unit. A log mixing units
 * imports without any parse error and then sorts every event of the smaller unit first, so both
 * import paths refuse rows in another unit than the rest.
 */
import { importError, type FieldAt } from './fields';

/** Lower bound of each unit, smallest first (index = unit code). */
export const TIME_UNIT_FLOORS = [1e8, 1e11, 1e14, 1e17] as const;
export const TIME_UNIT_NAMES = ['seconds', 'milliseconds', 'microseconds', 'nanoseconds'] as const;

/** What the user is told a row should be. */
export const ONE_TIME_UNIT = 'times in one unit across the file (seconds, milliseconds, microseconds or nanoseconds, not a mix)';

/** The unit code of an epoch value, or null when it is too small to have one. */
export function timeUnitOf(value: number): number | null {
  for (let unit = TIME_UNIT_FLOORS.length - 1; unit >= 0; unit--) if (value >= (TIME_UNIT_FLOORS[unit] ?? Infinity)) return unit;
  return null;
}

/** Streams a file's timestamps: the first one with a unit sets it, a later one in another unit is a located error. */
export class TimeUnitCheck {
  private first: { unit: number; line: number } | null = null;

  check(value: number, at: FieldAt): void {
    const unit = timeUnitOf(value);
    if (unit === null) return;
    if (this.first === null) this.first = { unit, line: at.line };
    else if (unit !== this.first.unit) {
      importError(`timestamp ${value} is in ${TIME_UNIT_NAMES[unit]}, but line ${this.first.line} is in ${TIME_UNIT_NAMES[this.first.unit]}`, at, ONE_TIME_UNIT);
    }
  }
}
