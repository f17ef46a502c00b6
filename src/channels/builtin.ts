import type { BuiltinChannelId, Channel, Purpose } from '../core/types.js';
import { graphemeCounter, mastodonCounter, utf16Counter } from './counters.js';
import { smsCounter } from './sms.js';
import { twitterCounter } from './twitter.js';
import { threadsCounter } from './threads.js';

const SHORT: Purpose[] = ['news', 'campaigns', 'fundraising', 'events', 'conversation'];
const LONG_FORM: Purpose[] = ['detailed-answers', 'personal-questions', 'articles'];
// U+FFFE, U+FEFF and U+FFFF make X reject a post (twitter-text's invalid characters).
const X_INVALID = ['\uFFFE', '\uFEFF', '\uFFFF'];

/** The built-in profiles. Sources for every number are in the README's channel table. */
export const channels: Record<BuiltinChannelId, Channel> = {
  x: {
    id: 'x',
    name: 'X',
    counter: twitterCounter('version3'),
    limit: 280,
    rendersMarkdown: false,
    purposes: SHORT,
    invalidCharacters: X_INVALID,
    source: 'twitter-text 3.1.0 config version3: 280 weighted, URLs 23, emoji 2, CJK 2',
  },
  'x-140': {
    id: 'x-140',
    name: 'X (140)',
    counter: twitterCounter('version1'),
    limit: 140,
    rendersMarkdown: false,
    purposes: SHORT,
    invalidCharacters: X_INVALID,
    source: 'twitter-text 3.1.0 config version1: the classic 140-character limit',
  },
  bluesky: {
    id: 'bluesky',
    name: 'Bluesky',
    counter: graphemeCounter,
    limit: 300,
    maxBytes: 3000,
    rendersMarkdown: false,
    purposes: SHORT,
    source: 'AT Protocol app.bsky.feed.post lexicon: text maxGraphemes 300, maxLength 3000 bytes',
  },
  mastodon: {
    id: 'mastodon',
    name: 'Mastodon',
    counter: mastodonCounter,
    limit: 500,
    rendersMarkdown: false,
    purposes: SHORT,
    source: "Mastodon StatusLengthValidator and Extractor: 500 by default, http(s) URLs 23, mentions as @user, content warning included",
  },
  threads: {
    id: 'threads',
    name: 'Threads',
    counter: threadsCounter,
    limit: 500,
    maxLinks: 5,
    rendersMarkdown: false,
    purposes: SHORT,
    source: 'Meta Threads API, Posts: 500 characters, emoji counted as their UTF-8 bytes; up to 5 links',
  },
  linkedin: {
    id: 'linkedin',
    name: 'LinkedIn',
    counter: utf16Counter,
    limit: 3000,
    fold: 210,
    rendersMarkdown: false,
    purposes: [...SHORT, 'articles'],
    source: 'LinkedIn help: posts up to 3,000 characters; "see more" after about 210 (varies by device)',
  },
  instagram: {
    id: 'instagram',
    name: 'Instagram',
    counter: utf16Counter,
    limit: 2200,
    fold: 125,
    maxHashtags: 30,
    maxMentions: 20,
    rendersMarkdown: false,
    purposes: SHORT,
    source: 'Instagram help: captions 2,200 characters, 30 hashtags (lower caps being tested), 20 @mentions; fold about 125',
  },
  facebook: {
    id: 'facebook',
    name: 'Facebook',
    counter: utf16Counter,
    limit: 63206,
    fold: 477,
    rendersMarkdown: false,
    purposes: [...SHORT, 'articles'],
    source: 'Facebook posts: 63,206 characters; "see more" after about 477 on desktop (not published)',
  },
  sms: {
    id: 'sms',
    name: 'SMS',
    counter: smsCounter,
    limit: 1,
    rendersMarkdown: false,
    purposes: ['news', 'campaigns', 'fundraising', 'events'],
    source: '3GPP TS 23.038/23.040 via sms-segments-calculator: GSM-7 160/153, UCS-2 70/67; 1 part by default',
  },
  email: {
    id: 'email',
    name: 'Email',
    counter: utf16Counter,
    limit: Infinity,
    rendersMarkdown: true,
    purposes: [...SHORT, ...LONG_FORM],
  },
  web: {
    id: 'web',
    name: 'Web article',
    counter: utf16Counter,
    limit: Infinity,
    rendersMarkdown: true,
    purposes: [...SHORT, ...LONG_FORM],
  },
  helpline: {
    id: 'helpline',
    name: 'Helpline',
    counter: utf16Counter,
    limit: Infinity,
    rendersMarkdown: false,
    purposes: ['conversation', ...LONG_FORM],
  },
};
