import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };

/** Every sentence by its dotted key. */
function sentences(tree: object, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null) sentences(value, path, out);
  }
  return out;
}

/** The `{{names}}` a sentence fills in, sorted. */
function placeholders(sentence: string): string[] {
  return [...sentence.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

test('Spanish has exactly the sentences English has', () => {
  assert.deepEqual([...sentences(es).keys()].sort(), [...sentences(en).keys()].sort());
});

test('each Spanish sentence fills in the same placeholders as its English one', () => {
  const spanish = sentences(es);
  const mismatched = [...sentences(en)].filter(([key, english]) => placeholders(english).join() !== placeholders(spanish.get(key) ?? '').join()).map(([key]) => key);
  assert.deepEqual(mismatched, []);
});

test('rewards’ counted sentences have the form Spanish uses for millions ("1.000.000 de puntos")', () => {
  // i18next asks for `_many` there; without it a Spanish reader would get the English sentence.
  const spanish = sentences(es);
  const missing = [...spanish.keys()].filter((key) => /^(rewards|partnerRewards)\..*_other$/.test(key) && !spanish.has(key.replace(/_other$/, '_many')));
  assert.deepEqual(missing, []);
});
