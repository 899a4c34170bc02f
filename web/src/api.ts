/**
 * The JSON API client. Servers bound beyond loopback need a bearer token: on a 401 the dashboard asks for
 * it once and keeps it for the browser session.
 */
import { useEffect, useState } from 'preact/hooks';
import { qs } from './router';

const TOKEN_KEY = 'attache-token';
export const getToken = () => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (t: string) => sessionStorage.setItem(TOKEN_KEY, t);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

export const apiUrl = (path: string, params: Params = {}) => `/api/${path}${qs(params)}`;

export async function apiFetch(url: string): Promise<Response> {
  const token = getToken();
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (!res.ok) {
    const body = await res.json().catch(() => ({ error: res.statusText }));
    throw new ApiError(res.status, (body as { error?: string }).error ?? res.statusText);
  }
  return res;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

/** Fetch `path` with `params` whenever the URL they make changes. */
export function useApi<T>(path: string | null, params: Params = {}): Loaded<T> {
  const url = path === null ? null : apiUrl(path, params);
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    if (url === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    apiFetch(url)
      .then((r) => r.json() as Promise<T>)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: ApiError) => live && setState({ data: null, error, loading: false }));
    return () => void (live = false);
  }, [url]);
  return state;
}
