import { entityCapRule } from '../src/rule/index.js';

const people = (n: number) => Array.from({ length: n }, (_, i) => `@friend${i + 1}`).join(' ');

export default entityCapRule({
  id: 'max-mentions',
  entity: 'mention',
  cap: 'maxMentions',
  noun: '@mentions',
  why: 'Instagram allows at most 20 @mentions in a caption; beyond that the post fails.',
  sources: ['Instagram Help Centre: up to 20 @mentions per post'],
  correct: [{ text: `Thanks to our runners ${people(3)}`, channel: 'instagram' }],
  incorrect: [{ text: `Thanks to ${people(22)}`, channel: 'instagram', messages: ['22 @mentions, but Instagram allows 20: remove 2'], ranges: [[201, 220]] }],
});
