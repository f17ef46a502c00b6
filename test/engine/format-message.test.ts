import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMessage } from '../../src/rule/rule.js';

describe('formatMessage', () => {
  // The scan by hand must fill exactly what the regex it replaced filled.
  const byRegex = (template: string, data: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
  const templates = fc.array(fc.constantFrom('{', '}', 'a', 'text', '_', '9', ' ', '{text}', '{n}', '{x-y}', 'é', '{constructor}', '{{', '}}'), { maxLength: 12 }).map((xs) => xs.join(''));
  const data = fc.dictionary(fc.constantFrom('text', 'n', 'a', '_', 'missing'), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()));

  it('fills {key} from the data and leaves unknown keys and other braces as written', () => {
    expect(formatMessage('Write "{plain}" ({n} of {max})', { plain: 'Free', n: 2 })).toBe('Write "Free" (2 of {max})');
    expect(formatMessage('no braces')).toBe('no braces');
  });

  it('gives what template.replace(/\\{(\\w+)\\}/g, ...) gives', () => {
    fc.assert(
      fc.property(templates, data, (template, values) => {
        expect(formatMessage(template, values)).toBe(byRegex(template, values));
      }),
    );
  });
});
