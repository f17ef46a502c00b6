// punycode 2.x ships no types; postlint imports its CommonJS file by path (Node's built-in
// `punycode` is deprecated and absent in browsers) and uses only these two functions.
declare module 'punycode/punycode.js' {
  const punycode: {
    toUnicode(domain: string): string;
    toASCII(domain: string): string;
  };
  export default punycode;
}
