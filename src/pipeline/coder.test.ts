import { describe, expect, it } from 'vitest';
import { createCoder, STAGES, type Stage } from './coder.js';

describe('createCoder', () => {
  const seen: (Stage | null)[] = [];
  const coder = createCoder({ onStage: (s) => seen.push(s) });
  const doc = { id: 'd1', date: '2011-12-01', text: 'Kim Jong Il sent a congratulatory message to Choummaly Sayasone, president of Laos, on the national day.' };

  it('announces each stage of an English document in order, then the end', () => {
    seen.length = 0;
    coder.code(doc);
    expect(seen).toEqual([...STAGES, null]);
    seen.length = 0;
    coder.code({ ...doc, id: 'd2', language: 'es' });
    expect(seen).toEqual([]);
  });

  it('codes the same with or without the hook', () => {
    const plain = createCoder().code(doc);
    expect(coder.code(doc)).toEqual(plain);
    expect(plain.signals.map((s) => [s.kind, s.sender.name, s.recipient.name])).toEqual([['congratulations', 'Kim Jong Il', 'Choummaly Sayasone']]);
  });
});
