// The floor under the CLI row: what any one-post lint for X cannot do without, twitter-text loaded
// and asked once for the weighted length and once for the entities. run.mjs bundles it the way
// tsup.config.ts bundles the CLI (one punycode, no core-js) and starts it like the CLI.
import twitter from 'twitter-text';

const post = process.argv[2] ?? '';
const { weightedLength } = twitter.parseTweet(post);
const entities = twitter.extractEntitiesWithIndices(post);
process.stdout.write(`${weightedLength} ${entities.length}\n`);
