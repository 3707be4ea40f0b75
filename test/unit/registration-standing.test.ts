import { describe, expect, it } from 'vitest';
import { pointOfSaleStanding, standingChangeAllowed, type Standing } from '../../src/domain/registration-standing';

const ALL: Standing[] = ['open', 'suspended', 'closed'];

describe('a point of sale’s standing', () => {
  it.each([
    ['open', 'open', 'open'],
    ['open', 'suspended', 'suspended'],
    ['open', 'closed', 'closed'],
    ['suspended', 'open', 'suspended'],
    ['suspended', 'closed', 'closed'],
    ['closed', 'open', 'closed'],
    ['closed', 'suspended', 'closed'],
  ] as const)('shop %s, organisation %s: reads %s', (point, organisation, expected) => {
    expect(pointOfSaleStanding(point, organisation)).toBe(expected);
  });

  it('allows every change but to the same standing, and none out of closed', () => {
    const allowed = ALL.flatMap((from) =>
      ALL.filter((to) => standingChangeAllowed(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed).toEqual(['open>suspended', 'open>closed', 'suspended>open', 'suspended>closed']);
  });
});
