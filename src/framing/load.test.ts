import { describe, expect, it } from 'vitest';
import { DictSources } from '../dict/files.js';
import { loadFraming } from './load.js';

describe('data/framing', () => {
  const dicts = loadFraming(new DictSources());

  it('loads without a malformed or duplicate line', () => {
    expect(dicts.markers.size).toBeGreaterThan(100);
    expect(dicts.domains.size).toBeGreaterThan(40);
    expect(dicts.tone.size).toBeGreaterThan(60);
  });

  it('has phrases for every marker the project promises', () => {
    const labels = new Set<string>();
    const probe = [
      'peace', 'sovereignty', 'memory', 'sacrifice', 'steadfast', 'solidarity', 'external pressure', 'imperialism',
      'hegemonism', 'reunification', 'denuclearization', 'sanction', 'self-reliance', 'traditional friendship',
      'multipolar', 'independence', 'non-interference', 'development', 'security cooperation',
    ];
    for (const p of probe) for (const e of dicts.markers.get(p)) labels.add(e.label);
    expect([...labels].sort()).toEqual([
      'anti_imperialism', 'denuclearization', 'development', 'friendship_tradition', 'hegemonism', 'historical_memory',
      'independence', 'multipolarity', 'non_interference', 'peace', 'resistance_to_external_pressure', 'reunification',
      'sacrifice', 'sanctions', 'security_cooperation', 'self_reliance', 'solidarity', 'sovereignty', 'steadfastness',
    ]);
  });
});
