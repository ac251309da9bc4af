import { describe, expect, it } from 'vitest';
import { servingNodeFlags } from '../../bench/common/servingFlags';

describe('servingNodeFlags', () => {
  it("are the Node options of `npm start`, which the scale benchmark's processes get too", () => {
    const flags = servingNodeFlags();
    expect(flags).toContain('--max-semi-space-size=64');
    for (const flag of flags) expect(flag).toMatch(/^--[a-z-]+(?:=\S+)?$/u);
    expect(flags.some((flag) => flag.endsWith('.js'))).toBe(false);
  });
});
