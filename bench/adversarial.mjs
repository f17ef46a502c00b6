// The adversarial drafts both linear-time checks read: test/engine/linear-time.test.ts counts the
// work lint() does on each family at two sizes, and bench/fuzz-time.mjs (`npm run fuzz:time`)
// times it. One list, so a family found for one is checked by both.

const repeat = (unit) => (size) => unit.repeat(Math.ceil(size / unit.length));

// Runs of one unit (the shape that makes a backtracking regex quadratic); then the shapes issue 13
// found slow: NFD text, emphasis and other inline Markdown, mentions of remote servers.
const RUNS_OF = {
  hashes: '#',
  'at signs': '@',
  dots: '.',
  'colon slashes': ':/',
  'open brackets': '(',
  'square brackets': '[',
  'angle brackets': '<',
  stars: '*',
  spaces: ' ',
  'emoji modifiers': '👍🏽',
  'bare modifiers': '🏽',
  'zero-width joiners': '\u200D',
  'domain-like': 'a.',
  'mention-like': '@a',
  'email-like': 'a@b.',
  'hashtag-like': '#a',
  'url-like': 'http://a.',
  'digits and spaces': '1 ',
  'phone-like': '0808 800 4040 ',
  'fancy letters': '𝗙',
  'lone surrogates': '\uD800',
  'words and a health detail': 'Hi Sam, your biopsy ',
  'NFD letters and dots': 'e\u0301.',
  emphasis: '*a* ',
  strong: '**a** ',
  'underscore emphasis': '_a_ ',
  'closing stars': 'a* ',
  'opening stars': '*a ',
  'emphasis without spaces': 'a*b*',
  links: '[a](b) ',
  'code spans': '`a` ',
  'remote mentions': '@a@b.c ',
  'unicode remote mentions': '@a@grå.org ',
  'text without spaces': 'Bowelcancer',
};
// Runs that end in a character that makes a pattern fail at the last moment.
const ENDINGS = {
  'dots before a letter': ['.', 'x'],
  'question marks and brackets before a letter': ['?)', 'x'],
  'dashes before a letter': ['-', 'x'],
  'letters before an at sign': ['a', '@'],
  'remote-mention-like before a letter': ['@a.', '@b'],
  'spaces before a letter': [' ', 'x'],
  'digits before a letter': ['9', 'x'],
};

/** A line of everything at once: a health detail, a phone number, look-alike and http links, a tag, a mention, emoji, a hidden character, fancy letters, an email, a date of birth. */
export const MIXED = 'Hi Sam, your biopsy results 0808 800 4040 https://exаmple.org/a?b=c #Health @jane_d http://bit.ly/y 👩‍⚕️\u200B𝗙𝗿𝗲𝗲 jane@example.org DOB 12/03/1985\n';
/** A plain sentence, for the splitter and the sentence scanner. */
export const SENTENCES = 'Our breast screening clinic is open late on Thursdays this month, and a nurse can answer your questions. ';

/** Each family by name: a draft of about `size` characters (at least `size`). */
export const ADVERSARIAL = {
  ...Object.fromEntries(Object.entries(RUNS_OF).map(([name, unit]) => [`runs of ${name}`, repeat(unit)])),
  ...Object.fromEntries(Object.entries(ENDINGS).map(([name, [unit, end]]) => [name, (size) => repeat(unit)(size) + end])),
  'one NFD character then "a." runs': (size) => 'e\u0301' + repeat('a.')(size),
  sentences: repeat(SENTENCES),
};

export { repeat };
