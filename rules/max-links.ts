import { entityCapRule } from '../src/rule/index.js';

export default entityCapRule({
  id: 'max-links',
  entity: 'url',
  cap: 'maxLinks',
  noun: 'links',
  why: 'Threads accepts at most 5 links in a post; a draft with more cannot be published there.',
  sources: ['Meta Threads API: a post may contain up to 5 links'],
  correct: [{ text: 'Read more: https://example.org/a', channel: 'threads' }],
  incorrect: [
    {
      text: 'https://example.org/1 https://example.org/2 https://example.org/3 https://example.org/4 https://example.org/5 https://example.org/6',
      channel: 'threads',
      messages: ['6 links, but Threads allows 5: remove 1'],
      ranges: [[110, 131]],
    },
  ],
});
