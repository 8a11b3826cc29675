/**
 * HTML character references, decoded in ONE pass so "&amp;lt;" becomes the text "&lt;" and not
 * "<" (double decoding would turn escaped markup in a description into real markup). The named
 * table covers what shows up in Amazon/MovieLens metadata; unknown names are left as written.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', bull: '\u2022', middot: '\u00b7',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', times: '\u00d7', divide: '\u00f7',
  frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2',
  iexcl: '\u00a1', iquest: '\u00bf', szlig: '\u00df',
  aacute: '\u00e1', agrave: '\u00e0', acirc: '\u00e2', auml: '\u00e4', atilde: '\u00e3', aring: '\u00e5',
  eacute: '\u00e9', egrave: '\u00e8', ecirc: '\u00ea', euml: '\u00eb',
  iacute: '\u00ed', igrave: '\u00ec', icirc: '\u00ee', iuml: '\u00ef',
  oacute: '\u00f3', ograve: '\u00f2', ocirc: '\u00f4', ouml: '\u00f6', otilde: '\u00f5', oslash: '\u00f8',
  uacute: '\u00fa', ugrave: '\u00f9', ucirc: '\u00fb', uuml: '\u00fc',
  ccedil: '\u00e7', ntilde: '\u00f1', Eacute: '\u00c9', Auml: '\u00c4', Ouml: '\u00d6', Uuml: '\u00dc',
};

const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Decodes named and numeric character references; invalid code points become U+FFFD. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(REFERENCE, (whole, body: string) => {
    if (body.startsWith('#')) return fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
    return NAMED[body] ?? whole;
  });
}

function fromCodePoint(cp: number): string {
  const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return valid ? String.fromCodePoint(cp) : '\ufffd';
}
