/**
 * A link to the API's CSV for a table. With a bearer token the browser cannot send the header on a plain link,
 * so the click fetches the file with the header and hands it over as a blob.
 */
import { apiFetch, apiUrl, getToken } from '../api';

export function Download({ path, params, label }: { path: string; params: Record<string, string | undefined>; label: string }) {
  const { offset: _o, limit: _l, ...rest } = params;
  const href = apiUrl(path, { ...rest, format: 'csv' });
  const name = `${path.replace(/\W+/g, '-')}.csv`;
  const onClick = async (e: MouseEvent) => {
    if (!getToken()) return;
    e.preventDefault();
    const blob = await (await apiFetch(href)).blob();
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <a class="download" href={href} download={name} onClick={onClick} aria-label={label}>
      ⤓ CSV
    </a>
  );
}
