/** The header: the app's views, the current one marked for assistive technology. */
const VIEWS: [string, string][] = [
  ['/', 'Overview'],
  ['/search', 'Search'],
  ['/events', 'Events'],
  ['/dyads', 'Dyads'],
  ['/rituals', 'Rituals'],
  ['/framing', 'Framing'],
  ['/follow', 'Follow-through'],
  ['/network', 'Network'],
  ['/sources', 'Sources'],
  ['/alerts', 'Alerts'],
];

export function Nav({ path }: { path: string }) {
  const current = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  return (
    <header class="top">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <a class="brand" href="/">
        attaché
      </a>
      <nav aria-label="Views">
        <ul>
          {VIEWS.map(([href, label]) => (
            <li>
              <a href={href} aria-current={current(href) ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
