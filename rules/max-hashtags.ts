import { entityCapRule } from '../src/rule/index.js';

const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i + 1}`).join(' ');

export default entityCapRule({
  id: 'max-hashtags',
  entity: 'hashtag',
  cap: 'maxHashtags',
  noun: 'hashtags',
  why: 'Instagram rejects a caption with more than 30 hashtags (and is testing lower caps); set `max` to follow a lower one.',
  sources: ['Instagram Help Centre: up to 30 hashtags per post'],
  correct: [{ text: `Thank you! ${tags(5)}`, channel: 'instagram' }],
  incorrect: [
    { text: `Thank you! ${tags(31)}`, channel: 'instagram', messages: ['31 hashtags, but Instagram allows 30: remove 1'], ranges: [[212, 218]] },
    { text: 'Walk with us #walk #bowelcancer #april', channel: 'bluesky', options: { max: 2 }, messages: ['3 hashtags, over your limit of 2: remove 1'], ranges: [[32, 38]] },
  ],
});
