/** Session key under which the web-host access token survives reloads of this tab. */
export const TOKEN_STORAGE_KEY = 'recforge.token';

type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The `token` parameter of a `?a=b` query or a `#a=b` hash, or null. */
export function tokenFromUrlPart(part: string): string | null {
  const trimmed = part.replace(/^[?#]/, '');
  if (trimmed === '') return null;
  const value = new URLSearchParams(trimmed).get('token');
  return value === null || value === '' ? null : value;
}

/** Token from the URL (query first, then hash), else the one kept in session storage; URL tokens are stored. */
export function resolveToken(search: string, hash: string, storage: TokenStorage | null): string | null {
  const fromUrl = tokenFromUrlPart(search) ?? tokenFromUrlPart(hash);
  if (fromUrl !== null) {
    storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
}

/** The same URL part without its `token` parameter ('' when nothing else is left). */
export function withoutToken(part: string): string {
  const prefix = part.startsWith('#') ? '#' : '?';
  const params = new URLSearchParams(part.replace(/^[?#]/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest === '' ? '' : `${prefix}${rest}`;
}
