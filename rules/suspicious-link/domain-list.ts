import { stripWww } from '../../src/rule/index.js';

export interface DomainList {
  /** Whether `host` is one of the domains or a subdomain of one, as `isWithin` reads it. */
  within(host: string): boolean;
  /** The first domain (as listed) that `host` is within, as `options.list.find(d => isWithin(host, d))`. */
  find(host: string): string | undefined;
}

// A list's domains in lower case without "www." (as isWithin reads them), kept per options array: the
// shortener list (~50 hosts) was lower-cased again for every link of every draft.
const domainLists = new WeakMap<readonly string[], DomainList>();

export function domainList(domains: readonly string[]): DomainList {
  let list = domainLists.get(domains);
  if (list) return list;
  const read = domains.map((domain) => stripWww(domain.toLowerCase()));
  const at = (host: string) => {
    const h = stripWww(host.toLowerCase());
    return read.findIndex((d) => h === d || h.endsWith('.' + d));
  };
  list = {
    within: (host) => read.length > 0 && at(host) >= 0,
    find: (host) => (read.length > 0 ? domains[at(host)] : undefined),
  };
  domainLists.set(domains, list);
  return list;
}
