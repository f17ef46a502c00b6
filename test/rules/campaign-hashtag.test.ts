import { describeRuleDocs, tester } from '../helpers/rule-docs.js';
import { rules } from '../../src/index.js';

// Edge cases beyond the docs examples, through the same tester.
const campaign = { name: 'World Cancer Day', hashtags: ['#WorldCancerDay'], keyMessages: [{ id: 'act', text: 'Everyone can act.' }] };

tester.run('campaign-hashtag', rules['campaign-hashtag']!, {
  valid: [
    { text: 'Everyone can act. #WorldCancerDay', channel: 'x', campaign },
    { text: 'Everyone can act.', channel: 'x' },
  ],
  invalid: [
    { text: 'Everyone can act. #WORLDCANCERDAY', channel: 'x', campaign, errors: [{ message: 'Campaign hashtag spelled #WORLDCANCERDAY: write #WorldCancerDay, the same on every channel', range: [18, 33] }], output: 'Everyone can act. #WorldCancerDay' },
  ],
});

describeRuleDocs('campaign-hashtag');
