import punycode from 'punycode/punycode.js';
import type { Link as MarkdownLink, Nodes, Parents, Root } from 'mdast';
import type { Entity } from '../core/types.js';
import { toPlainText } from '../text/plain-text.js';
import trackingData from './data/tracking-parameters.json';
import { shippedLexicon, type LexiconFileEntry } from './lexicon.js';

const tracking = shippedLexicon<LexiconFileEntry & { hosts?: string[]; removable?: boolean }>(trackingData, 'tracking-parameters.json');

/** An address as the browser reads it (WHATWG URL: IDNA to punycode, IPv4 forms), with its Unicode host. */
export interface Address {
  protocol: string;
  /** ASCII (punycode) host name, lower case, without port. */
  hostname: string;
  /** `hostname` with its port, if any. */
  host: string;
  /** The Unicode form of `hostname` (the punycode decoded); `hostname` itself when it does not decode. */
  unicodeHost: string;
  pathname: string;
  /** Host without "www." and path without trailing slashes: where the link goes, query aside. */
  hostPath: string;
  /**
   * What names the page: host without "www.", path without trailing slashes, then the query's
   * parameters other than tracking ones, sorted. Two links to the same page compare equal.
   */
  page: string;
}

export interface QueryParameter {
  /** The parameter's name, decoded; undefined for an empty piece ("a=1&&b=2"). */
  name: string | undefined;
  /** The piece as written, "utm_source=x". */
  raw: string;
  /** Whether the built-in list (src/facts/data/tracking-parameters.json) names it as tracking on this host. */
  tracking: boolean;
  /** Whether it is tracking that link-tracking may remove (the list marks some names as only ignored). */
  removable: boolean;
}

/** A link of the draft: a URL twitter-text finds, parsed once for every rule that reads links. */
export interface Link {
  entity: Entity;
  /** The address as written, from `writtenStart` to `end`. */
  text: string;
  start: number;
  end: number;
  /**
   * Where the address starts as written: before `start` when twitter-text left out look-alike
   * letters of another script at the start of a link without protocol ("exаmple.org" -> "mple.org").
   */
  writtenStart: number;
  /** Undefined when the address does not parse. */
  address?: Address;
  /** Offset in the draft of the path's first character (after the host), or undefined when it has none. */
  pathStart?: number;
  /** Offsets in the draft of the query's "?" and of its end (the "#" or the link's end); undefined without a query. */
  query?: { start: number; end: number; parameters: QueryParameter[] };
}

/** A Markdown link `[text](url)` or autolink, for channels that render Markdown and drafts written in it. */
export interface MarkdownLinkFact {
  node: MarkdownLink;
  start: number;
  end: number;
  /** The target as written in the source. */
  url: string;
  /** Where `url` is written in the draft, or -1 when it is not written as is (a reference link). */
  urlAt: number;
  address?: Address;
  /** The link's text, and its address when the text reads as one ("nhs.uk"). */
  shownText: string;
  shown?: Address;
}

interface WhatwgUrl {
  protocol: string;
  hostname: string;
  host: string;
  pathname: string;
  search: string;
}

// The WHATWG URL class and URLSearchParams exist in every runtime postlint supports (Node, browsers,
// editors), but the pure core compiles without DOM or Node types, so they are typed here.
const { URL: WhatwgUrlClass, URLSearchParams: SearchParams } = globalThis as unknown as {
  URL: new (address: string) => WhatwgUrl;
  URLSearchParams: new (query: string) => { keys(): IterableIterator<string> };
};

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Parses an address the way every link rule reads it; undefined when the browser would not open it. */
export function parseAddress(address: string): Address | undefined {
  let url: WhatwgUrl;
  try {
    url = new WhatwgUrlClass(SCHEME.test(address) ? address : 'https://' + address);
  } catch {
    return undefined;
  }
  const host = url.host;
  const kept = queryPieces(url.search.slice(1))
    .filter((piece) => piece !== '' && !trackingOf(nameOf(piece), url.hostname).tracking)
    .sort();
  const hostPath = stripWww(host) + url.pathname.replace(/\/+$/u, '');
  const page = hostPath + (kept.length ? '?' + kept.join('&') : '');
  return { protocol: url.protocol, hostname: url.hostname, host, unicodeHost: unicodeHost(url.hostname), pathname: url.pathname, hostPath, page };
}

const MAY_DECODE = /xn--|[@\u3002\uFF0E\uFF61]/i;

/** The Unicode form of an ASCII (punycode) host; the host itself when it does not decode. */
export function unicodeHost(host: string): string {
  // punycode decodes only labels that start "xn--", after reading "@" and the ideographic dots: a host
  // with none of them (nearly every host) comes back as it is.
  if (!MAY_DECODE.test(host)) return host;
  try {
    return punycode.toUnicode(host);
  } catch {
    return host;
  }
}

export function stripWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** `host` is `domain` or one of its subdomains; a leading "www." is ignored on both. */
export function isWithin(host: string, domain: string): boolean {
  const h = stripWww(host.toLowerCase());
  const d = stripWww(domain.toLowerCase());
  return h === d || h.endsWith('.' + d);
}

export function isIpHost(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
}

/** Names and prefixes (a trailing `*`), optionally only on some hosts, compared in lower case. */
export interface ParameterMatcher {
  test(name: string, host: string): boolean;
}

export function compileParameterNames(entries: readonly { names: readonly string[]; hosts?: readonly string[] }[]): ParameterMatcher {
  const exact = new Map<string, readonly string[] | undefined>();
  const prefixes: { prefix: string; hosts?: readonly string[] }[] = [];
  for (const { names, hosts } of entries) {
    for (const name of names) {
      const lower = name.toLowerCase();
      if (lower.endsWith('*')) prefixes.push({ prefix: lower.slice(0, -1), hosts });
      else exact.set(lower, hosts);
    }
  }
  const onHost = (hosts: readonly string[] | undefined, host: string) => !hosts || hosts.includes(host);
  return {
    test(name, host) {
      const lower = name.toLowerCase();
      if (exact.has(lower) && onHost(exact.get(lower), host)) return true;
      return prefixes.some((p) => lower.startsWith(p.prefix) && onHost(p.hosts, host));
    },
  };
}

const names = (e: (typeof tracking.entries)[number]) => (e.hosts ? { names: e.phrases, hosts: e.hosts } : { names: e.phrases });
const REMOVABLE = compileParameterNames(tracking.entries.filter((e) => e.removable !== false).map(names));
const IGNORED = compileParameterNames(tracking.entries.filter((e) => e.removable === false).map(names));

function trackingOf(name: string | undefined, host: string): { tracking: boolean; removable: boolean } {
  if (name === undefined) return { tracking: false, removable: false };
  const removable = REMOVABLE.test(name, host);
  return { tracking: removable || IGNORED.test(name, host), removable };
}

function queryPieces(query: string): string[] {
  return query === '' ? [] : query.split('&');
}

// A piece with no "%", "+" or surrogate, and no leading "?" (which URLSearchParams's constructor drops),
// decodes to itself: its name is what comes before the first "=". Nearly every piece is one of those,
// and building a URLSearchParams for each was most of a link's query reading.
const DECODES = /^\?|[%+\uD800-\uDFFF]/;

/** A query piece's name as URLSearchParams decodes it; undefined for an empty piece. */
export function nameOf(piece: string): string | undefined {
  if (piece === '') return undefined;
  if (DECODES.test(piece)) return new SearchParams(piece).keys().next().value;
  const equals = piece.indexOf('=');
  return equals < 0 ? piece : piece.slice(0, equals);
}

// Letters twitter-text leaves out of a link without protocol ("exаmple.org" gives "mple.org"): those
// of the scripts that imitate Latin. A CJK sentence running into a link ("请访问example.org") stays out.
const LOOKALIKE_CHAR = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}\p{M}\d-]$/u;
const MAX_LABEL = 63;

/** The links of a draft, from its URL entities, each parsed once. */
export function findLinks(text: string, urls: readonly Entity[]): Link[] {
  return urls.map((entity) => {
    let writtenStart = entity.start;
    if (!SCHEME.test(entity.text) && /[^\x00-\x7f]/.test(text[writtenStart - 1] ?? '') && LOOKALIKE_CHAR.test(text[writtenStart - 1]!)) {
      while (writtenStart > 0 && entity.start - writtenStart < MAX_LABEL && LOOKALIKE_CHAR.test(text[writtenStart - 1]!)) writtenStart--;
    }
    const written = text.slice(writtenStart, entity.end);
    const link: Link = { entity, text: written, start: entity.start, end: entity.end, writtenStart };
    const address = parseAddress(written);
    if (address) link.address = address;
    const raw = entity.text;
    const afterScheme = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const slash = afterScheme.indexOf('/');
    if (slash >= 0) link.pathStart = entity.end - afterScheme.length + slash;
    const hash = raw.indexOf('#');
    const question = raw.indexOf('?');
    if (question >= 0 && (hash < 0 || hash > question) && address) {
      const queryEnd = hash >= 0 ? hash : raw.length;
      const parameters = queryPieces(raw.slice(question + 1, queryEnd)).map((piece): QueryParameter => {
        const name = nameOf(piece);
        return { name, raw: piece, ...trackingOf(name, address.hostname) };
      });
      link.query = { start: entity.start + question, end: entity.start + queryEnd, parameters };
    }
    return link;
  });
}

// twitter-text finds no link to an IP address, so those are looked for here; each part is bounded.
const IP_LINK = /\bhttps?:\/\/(?:\d{1,3}(?:\.\d{1,3}){3}|\[[\dA-Fa-f:.]{2,45}\])(?::\d{1,5})?(?:[/?#][^\s<>"'()[\]]*)?/gi;

/** Links to an IP address (twitter-text finds none), with their addresses. */
export function findIpLinks(text: string): { text: string; start: number; end: number; address?: Address }[] {
  const found: { text: string; start: number; end: number; address?: Address }[] = [];
  if (!text.includes('://')) return found;
  for (const match of text.matchAll(IP_LINK)) {
    const start = match.index!;
    const link: (typeof found)[number] = { text: match[0], start, end: start + match[0].length };
    const address = parseAddress(match[0]);
    if (address) link.address = address;
    found.push(link);
  }
  return found;
}

/** Every Markdown link of the tree, in order, with its target and shown text parsed. */
export function findMarkdownLinks(text: string, tree: Root | undefined): MarkdownLinkFact[] {
  const found: MarkdownLinkFact[] = [];
  if (!tree) return found;
  const visit = (node: Nodes) => {
    if (node.type === 'link') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const shownText = node.children.map(toPlainText).join('').trim();
      const urlAt = text.indexOf(node.url, start);
      const fact: MarkdownLinkFact = { node, start, end, url: node.url, urlAt: urlAt >= start && urlAt < end ? urlAt : -1, shownText };
      const address = parseAddress(node.url);
      if (address) fact.address = address;
      const shown = parseAddress(shownText);
      if (shown) fact.shown = shown;
      found.push(fact);
    } else if ('children' in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(tree);
  return found;
}
