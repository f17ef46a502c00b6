import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayText, parseCampaignFile, parsePlan, scanPlan, type CampaignFile, type DraftBlock } from '../../src/text/campaign-file.js';
import { readFrontMatter } from '../../src/text/front-matter.js';
import { parseDirectives } from '../../src/text/directives.js';
import { withoutDirectives } from '../../src/text/draft.js';
import { markdownWork } from '../../src/text/markdown.js';
import { lintCampaign } from '../../src/index.js';

// The line scanner must read every plan it accepts exactly as remark does: the same drafts, with
// the same headings, channels, labels and languages, and the same text at the same offsets.
const FRONT = '---\nname: Plan\nlang: en\nkeyMessages:\n  - id: early\n    text: Cancer found early is easier to treat\n---\n';
const LINES = [
  '## x: launch', '## bluesky', '## linkedin: day {lang=fr}', '## x {lang=de}', '##', '## ', '##\tthreads', '## x: a ##', '## x: **b**', '## x: [l](u)', '## x: a &amp; b', '## x: \\#',
  '# Plan', '#', '### sub', '#### deep', '  ## x', ' # t', '#hashtag first', '#######',
  'Plain text.', 'Text with *emphasis* and `code`.', 'trailing  ', 'tab\tinside', '  indented two', '   three', '    four', '\tcode',
  '- item', '  - nested', '* star', '1. one', '2) two', '-', '- ', '> quote', '>', '> ## q', '***', '---', '- - -', '===', '=', '--',
  '<!-- postlint-disable no-markdown -->', '<!-- postlint-disable-next-line -->', '<!-- note -->', '<!-- a', '-->', '<!---->', '<!-->', '<div>', '  <span>', 'a <b> c', '> <!-- q -->',
  '```', '~~~', '[a]: https://example.org', '[a] ref', 'x]: y', '', '', '', '  ', '\t', '\u00a0', 'cr\r', 'nul\u0000', '&amp; &#35;', '\\# escaped', 'http://example.org',
];
const lines = fc.array(fc.constantFrom(...LINES), { minLength: 0, maxLength: 14 });
const plan = fc.tuple(fc.boolean(), lines, fc.boolean()).map(([front, body, newline]) => (front ? FRONT : '') + body.join('\n') + (newline ? '\n' : ''));
// Adversarial: short strings over the characters Markdown blocks are made of.
const noise = fc.string({ unit: fc.constantFrom('#', '#', ' ', '\n', '\n', '-', '=', '>', '<', '!', '*', '`', '~', '[', ']', ':', '\t', 'a', 'x', '{', '}', '\r'), maxLength: 40 }).map((s) => FRONT + s);

function isDirectiveBlock(html: string): boolean {
  const directives = parseDirectives(html);
  return directives.length > 0 && withoutDirectives(html, directives).body.trim() === '';
}

/** What lintCampaign reads of a plan: each draft's heading, channel, label, language and display text with its offsets. */
function reading(markdown: string, file: CampaignFile) {
  const display = (nodes: readonly DraftBlock[]) => displayText(markdown, nodes.filter((n) => !(n.type === 'html' && isDirectiveBlock(n.value ?? ''))));
  return {
    sections: file.sections.map(({ nodes, ...section }) => ({ ...section, display: display(nodes) })),
    body: file.isCampaign ? undefined : display(file.body),
  };
}

function check(markdown: string): boolean {
  const frontMatter = readFrontMatter(markdown);
  const data = frontMatter?.data;
  const isCampaign = typeof data === 'object' && data !== null && 'keyMessages' in data;
  const scanned = scanPlan(markdown, frontMatter?.end ?? 0, isCampaign);
  if (!scanned) return false;
  expect(reading(markdown, scanned)).toEqual(reading(markdown, parsePlan(markdown, frontMatter, isCampaign)));
  return true;
}

describe('reading a campaign plan line by line', () => {
  it('reads every plan it accepts exactly as remark does', () => {
    let accepted = 0;
    fc.assert(fc.property(plan, (markdown) => void (check(markdown) && accepted++)), { numRuns: 4000 });
    fc.assert(fc.property(noise, (markdown) => void (check(markdown) && accepted++)), { numRuns: 3000 });
    // Most generated plans hold a construct the scanner leaves to remark; enough must be scanned to mean something.
    expect(accepted).toBeGreaterThan(1000);
  });

  it('leaves code, HTML, definitions, setext headings and indented headings to remark', () => {
    for (const construct of ['```\n## x\n```', '<div>\n## x\n</div>', '<!-- a\n## x\n-->', '[a]: https://example.org', 'Title\n---', '- item\n\n  ## x', '    code', 'a\r\nb', '## x: **bold**'])
      expect(scanPlan(`${FRONT}## x\n${construct}\n`, FRONT.length, true)).toBeUndefined();
    expect(scanPlan(`${FRONT}# Plan\n\n## x: launch {lang=fr}\n<!-- postlint-disable -->\nHello *there*\n\n- a\n> b\n`, FRONT.length, true)?.sections).toHaveLength(1);
  });

  it('parses a plan of plain drafts with no whole-file parse, and each draft at most once', () => {
    const drafts = Array.from({ length: 20 }, (_, i) => `## ${i % 2 ? 'bluesky' : 'x'}: draft ${i}\n\nFound *early*, cancer is easier to treat. [Guide](https://example.org/g) #WorldCancerDay\n`);
    const markdown = `${FRONT}\n# Plan\n\n${drafts.join('\n')}`;
    const before = markdownWork.parses;
    parseCampaignFile(markdown);
    expect(markdownWork.parses - before).toBe(0);
    // Each draft is read once, by remark or by the scanner (these simple drafts: the scanner).
    const linted = markdownWork.parses + markdownWork.scans;
    lintCampaign(markdown);
    expect(markdownWork.parses + markdownWork.scans - linted).toBeLessThanOrEqual(20);
    expect(markdownWork.parses + markdownWork.scans - linted).toBeGreaterThan(0);
  });
});
