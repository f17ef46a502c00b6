import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lint, lintCampaign, PostlintConfigError, type Campaign, type Diagnostic } from '../../src/index.js';
import { displayText, parseCampaignFile, sourceOffset } from '../../src/text/campaign-file.js';

/** 1-based line and column of the n-th occurrence of `needle` in `source`, counted independently of the library. */
function at(source: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = source.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" not in source`);
  }
  const before = source.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const where = (m: Diagnostic) => ({ line: m.start.line, column: m.start.column });
const only = (...ids: string[]) => ({ preset: 'none', rules: Object.fromEntries(ids.map((id) => [id, 'error' as const])) });

const FRONT = `---
name: World Cancer Day
hashtags: ["#WorldCancerDay"]
link: https://example.org/wcd
keyMessages:
  - id: early-diagnosis
    text: Cancer found early is more likely to be treated successfully.
  - id: see-your-gp
    text: If you notice a change that isn't normal for you, book an appointment with your GP.
    channels: [linkedin]
---
`;

describe('campaign file parsing and display text', () => {
  it('splits a plan into drafts by "## channel: label" headings, ignoring notes before the first draft', () => {
    const md = `${FRONT}# Plan\n\nNotes for reviewers.\n\n## x: launch day\nHello\n\n## linkedin\nWorld\n`;
    const file = parseCampaignFile(md);
    expect(file.isCampaign).toBe(true);
    expect(file.sections.map((s) => [s.channel, s.label])).toEqual([
      ['x', 'launch day'],
      ['linkedin', undefined],
    ]);
  });

  it('takes each draft as written, Markdown and all, mapping every character to its source', () => {
    const md = `${FRONT}## x\nSpot it **early** &amp; read [our guide](https://example.org/g)\n\n- one *item*\n- two\n`;
    const file = parseCampaignFile(md);
    const display = displayText(md, file.sections[0]!.nodes);
    expect(display.text).toBe('Spot it **early** &amp; read [our guide](https://example.org/g)\n\n- one *item*\n- two');
    for (let i = 0; i < display.text.length; i++) expect(md[sourceOffset(display, i)]).toBe(display.text[i]);
    expect(sourceOffset(display, display.text.length, true)).toBe(md.trimEnd().length);
  });

  it('reports Markdown in a draft for a channel that does not render it, as for a single draft, with a fix in place', () => {
    const md = `${FRONT}## bluesky\nDo the test *before* you notice anything.\n\n## email\nDo the test *before* you notice anything.\n`;
    const result = lintCampaign(md, only('no-markdown'));
    const [bluesky, email] = result.posts;
    expect(bluesky!.result.messages.map((m) => [m.message, where(m)])).toEqual([['Bluesky does not show italics: readers will see "*before*" as typed; write "before"', at(md, '*before*')]]);
    expect(bluesky!.result.measure.count).toBe('Do the test *before* you notice anything.'.length);
    expect(email!.result.messages).toEqual([]);
    const fix = bluesky!.result.messages[0]!.fix!.edits[0]!;
    expect(md.slice(fix.range[0], fix.range[1])).toBe('*before*');
    expect(fix.text).toBe('before');
  });
});

describe('lintCampaign positions point at the Markdown source', () => {
  it('after front matter, inside lists, after links and emphasis', () => {
    const md = `${FRONT}## x\nSpot it **early**: see [our guide](https://example.org/wcd) and _share_ #worldcancerday\n\n## bluesky: list\n- **Early** [guide](https://example.org/wcd)\n- Found *early*, cancer is easier to treat #WORLDCANCERDAY\n`;
    const result = lintCampaign(md, only('campaign-hashtag'));
    expect(result.posts.map((p) => p.result.messages.map(where))).toEqual([[at(md, '#worldcancerday')], [at(md, '#WORLDCANCERDAY')]]);
    expect(result.posts[1]!.result.messages[0]!.message).toBe('Campaign hashtag spelled #WORLDCANCERDAY: write #WorldCancerDay, the same on every channel');
    expect(result.posts[1]!.result.messages[0]!.end.column).toBe(at(md, '#WORLDCANCERDAY').column + '#WORLDCANCERDAY'.length);
  });

  it('maps fixes into the source, so applying them fixes the file', () => {
    const md = `${FRONT}## x\n**Found early**, cancer is easier to treat. #worldcancerday\n`;
    const [message] = lintCampaign(md, only('campaign-hashtag')).posts[0]!.result.messages;
    const [edit] = message!.fix!.edits;
    const fixed = md.slice(0, edit!.range[0]) + edit!.text + md.slice(edit!.range[1]);
    expect(fixed).toBe(md.replace('#worldcancerday', '#WorldCancerDay'));
  });

  it('points a too-long draft at the first character past the limit, counting its Markdown as written', () => {
    const words = 'Cancer found early is more likely to be treated successfully. '.repeat(5);
    const md = `${FRONT}## x\n**Note:** \\*${words}end\n`;
    const result = lintCampaign(md, only('max-length'));
    const [message] = result.posts[0]!.result.messages;
    const post = result.posts[0]!;
    const overflow = post.result.measure.overflowStart!;
    expect(overflow).toBeGreaterThan(0);
    // The draft is the source as written: the overflow is that many characters after the draft starts.
    expect(message!.start.offset).toBe(md.indexOf('**Note:**') + overflow);
    expect(md.slice(message!.start.offset, message!.start.offset + 20)).toBe(post.text.slice(overflow, overflow + 20));
    expect(post.start).toEqual({ ...at(md, '**Note:**'), offset: md.indexOf('**Note:**') });
  });

  it('reports each campaign mistake at its key in the front matter', () => {
    const md = `---\nname: Test\nkeyMessages:\n  - id: a\n    text: One thing.\n  - id: a\n    text: ""\n---\n## x\nHello\n`;
    const result = lintCampaign(md);
    expect(result.campaign).toBeUndefined();
    expect(result.messages.map((m) => [m.message, where(m)])).toEqual([
      ['Campaign keyMessages.1.text: the key message text is empty; write it out', at(md, '""')],
    ]);
    const duplicate = lintCampaign(md.replace('text: ""', 'text: Two'));
    expect(duplicate.messages.map((m) => [m.message, where(m)])).toEqual([
      ['Campaign keyMessages.1.id: duplicate id "a" (also key message 1); give each key message its own id', { line: at(md, 'id: a', 2).line, column: at(md, 'id: a', 2).column + 4 }],
    ]);
  });

  it('reports YAML errors and unknown channels where they are', () => {
    const bad = lintCampaign(`---\nname: [unclosed\nkeyMessages: []\n---\n## x\nHi\n`);
    expect(bad.messages[0]!.ruleId).toBe('front-matter');
    expect(bad.messages[0]!.start.line).toBeGreaterThanOrEqual(2);
    const md = `${FRONT}## tiktok: launch\nHello\n`;
    const unknown = lintCampaign(md);
    expect(unknown.messages.map((m) => [m.messageId, where(m)])).toEqual([
      ['uncovered', at(md, 'early-diagnosis')],
      ['uncovered', at(md, 'see-your-gp')],
      ['unknown-channel', at(md, '## tiktok')],
    ]);
    expect(unknown.posts).toEqual([]);
  });

  it('points plan-level messages at the draft or the front matter key they are about', () => {
    const md = `${FRONT.replace('channels: [linkedin]', 'channels: [linkedin, tiktok]')}## x\nFound early, cancer is easier to treat. #CancerCare\n\n## bluesky\n- Found *early*, cancer is easier to treat #cancercare\n`;
    const result = lintCampaign(md, only('campaign-hashtag'));
    expect(result.messages.map((m) => [m.message, where(m)])).toEqual([
      ['Unknown channel "tiktok" in keyMessages.1.channels; use one of x, x-140, bluesky, mastodon, threads, linkedin, instagram, facebook, sms, email, web, helpline', at(md, 'tiktok')],
      ['#cancercare is spelled #CancerCare in the other drafts of this plan: write #CancerCare', at(md, '#cancercare')],
    ]);
  });

  it('lints a plain Markdown file as one post for the given channel, with positions mapped', () => {
    const campaign: Campaign = { name: 'WCD', hashtags: ['#WorldCancerDay'], keyMessages: [{ id: 'a', text: 'Cancer found early is easier to treat.' }] };
    const md = `# Heading\n\nFound **early**, cancer is easier to treat. #worldcancerday\n`;
    const result = lintCampaign(md, { ...only('campaign-hashtag'), campaign, channel: 'bluesky' });
    expect(result.posts).toHaveLength(1);
    expect(result.posts[0]!.channel).toBe('bluesky');
    expect(result.posts[0]!.text).toBe('# Heading\n\nFound **early**, cancer is easier to treat. #worldcancerday');
    expect(result.posts[0]!.result.messages.map(where)).toEqual([at(md, '#worldcancerday')]);
    const { phrases, ...coverage } = result.posts[0]!.result.keyMessages!;
    expect(coverage).toEqual({ carried: ['a'], missing: [] });
    // The carrying phrase points into the source; a draft is linted as written, so its text is the source's, emphasis and all.
    expect(phrases.map((p) => [p.id, p.text, md.slice(p.start.offset, p.end.offset)])).toEqual([['a', 'Found **early**, cancer is easier to treat', 'Found **early**, cancer is easier to treat']]);
    expect(phrases[0]!.start).toEqual({ ...at(md, 'Found'), offset: md.indexOf('Found') });
  });
  it("points a thread draft's carrying phrase at its own post in the source", () => {
    const md = `${FRONT}## x: thread\nJoin us on World Cancer Day. #WorldCancerDay 1/2\n\n---\n\nFound early, cancer is more likely to be treated successfully. 2/2\n`;
    const [post] = lintCampaign(md, only('key-messages')).posts;
    expect(post!.thread).toHaveLength(2);
    const { phrases, carried } = post!.result.keyMessages!;
    expect(carried).toEqual(['early-diagnosis']);
    expect(phrases.map((p) => [p.id, md.slice(p.start.offset, p.end.offset), p.start.line])).toEqual([
      ['early-diagnosis', 'Found early, cancer is more likely to be treated successfully', at(md, 'Found early').line],
    ]);
  });
});

describe('lintCampaign results', () => {
  const md = `${FRONT}## x\nFound early, cancer is more likely to be treated successfully. #WorldCancerDay\n\n## linkedin: launch\nOur team ran the 10k for #WorldCancerDay! https://example.org/other\n`;

  it('gives each draft its channel, label, text, span and result, and the coverage across drafts', () => {
    const result = lintCampaign(md);
    expect(result.campaign?.name).toBe('World Cancer Day');
    expect(result.posts.map((p) => [p.channel, p.label, p.result.keyMessages?.carried, p.result.keyMessages?.missing])).toEqual([
      ['x', undefined, ['early-diagnosis'], []],
      ['linkedin', 'launch', [], ['early-diagnosis', 'see-your-gp']],
    ]);
    expect(result.coverage).toEqual([
      { id: 'early-diagnosis', carriedBy: [0], missingOn: [] },
      { id: 'see-your-gp', carriedBy: [], missingOn: ['linkedin'] },
    ]);
    expect(result.posts[1]!.start).toEqual({ ...at(md, 'Our team'), offset: md.indexOf('Our team') });
  });

  it('runs the plan rules once per file, pointing at the key message in the front matter', () => {
    const result = lintCampaign(md);
    expect(result.messages.map((m) => [m.ruleId, m.message, where(m)])).toEqual([
      ['campaign-coverage', "No draft carries key message 'see-your-gp': add it to at least one draft", at(md, 'see-your-gp')],
    ]);
    const linkedin = result.posts[1]!.result.messages.map((m) => [m.ruleId, m.message, where(m)]);
    expect(linkedin).toEqual([
      ['key-messages', "Carries 0 of the campaign's key messages, needs 1; none is even partly said", at(md, 'Our team')],
      ['key-messages', "Key message 'see-your-gp' is listed for LinkedIn but this draft does not carry it", at(md, 'Our team')],
      ['campaign-link', "This link goes to https://example.org/other, not the campaign's page: link to https://example.org/wcd", at(md, 'https://example.org/other')],
    ]);
  });

  it('throws a PostlintConfigError naming the key for a bad campaign in lint options', () => {
    const campaign = { name: 'X', keyMessages: [{ id: 'a', text: 'One.' }, { id: 'a', text: 'Two.' }] };
    expect(() => lint({ text: 'Hi' }, { campaign })).toThrow(PostlintConfigError);
    expect(() => lint({ text: 'Hi' }, { campaign })).toThrow('campaign.keyMessages.1.id: duplicate id "a"');
    expect(() => lint({ text: 'Hi' }, { campaign: { name: 'X', keyMessages: [] } })).toThrow('campaign.keyMessages: a campaign needs at least one key message');
  });

  it('lints the README example file: every draft for its own channel', () => {
    const example = readFileSync('examples/bowel-cancer-awareness.md', 'utf8');
    const result = lintCampaign(example);
    expect(result.posts.map((p) => p.channel)).toEqual(['x', 'bluesky', 'linkedin', 'instagram', 'facebook', 'sms']);
    const hashtag = result.posts[1]!.result.messages.find((m) => m.ruleId === 'campaign-hashtag')!;
    expect(where(hashtag)).toEqual(at(example, '#bowelcancerawareness'));
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('', FRONT, '---\nkeyMessages: 3\n---\n', '---\n: : :\n---\n'), (text, prefix) => {
        const result = lintCampaign(prefix + text);
        expect(Array.isArray(result.posts)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lintCampaign applies directives and fixes itself', () => {
  const plan = `${FRONT}## x\n\n<!-- postlint-disable-next-line whitespace -->\nSee your GP   today #WorldCancerDay https://example.org/wcd\n\n## sms\n\nSee your GP   today https://example.org/wcd\n`;

  it('drops what a comment disables, and never measures the comment', () => {
    const result = lintCampaign(plan);
    expect(result.posts[0]!.text).toBe('See your GP   today #WorldCancerDay https://example.org/wcd');
    expect(result.posts[0]!.result.messages.map((m) => m.ruleId)).not.toContain('whitespace');
    expect(result.posts[1]!.result.messages.map((m) => m.ruleId)).toContain('whitespace');
    const unused = lintCampaign(plan.replace('GP   today #', 'GP today #'), { reportUnusedDisableDirectives: 'error' });
    expect(unused.messages.map((m) => [m.ruleId, m.start.line])).toContainEqual(['unused-disable-directive', plan.split('\n').indexOf('<!-- postlint-disable-next-line whitespace -->') + 1]);
  });

  it('fixes the file until stable with fix: true, as --fix does, leaving what a comment disables', () => {
    const result = lintCampaign(plan, { fix: true });
    expect(result.output).toBe(plan.replace('\nSee your GP   today https', '\nSee your GP today https'));
    expect(result.fixed).toBe(1);
    expect(lintCampaign(result.output!, { fix: true }).output).toBeUndefined();
  });
});
