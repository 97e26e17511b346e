import { describe, expect, it } from 'vitest';
import { formatTenths, meanTenths, percent } from './numbers';

describe('arithmetic', () => {
  it('percent rounds halves up and has no answer for nothing', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(1, 8)).toBe(13); // 12.5
    expect(percent(1, 200)).toBe(1); // 0.5
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });

  it('mean in tenths rounds halves up', () => {
    expect(meanTenths(9, 2)).toBe(45);
    expect(meanTenths(13, 3)).toBe(43); // 4.333
    expect(meanTenths(29, 6)).toBe(48); // 4.8333
    expect(meanTenths(1, 20)).toBe(1); // 0.05
    expect(meanTenths(0, 0)).toBeNull();
    expect(formatTenths(43)).toBe('4.3');
    expect(formatTenths(50)).toBe('5.0');
    expect(formatTenths(7)).toBe('0.7');
  });
});
