/**
 * One report: its text with every event and signal span marked (hover or focus shows the rule), the coded
 * events and signals, the versions kept, and the word diff between two versions (chosen in the URL).
 */
import { apiUrl, useApi } from '../api';
import { paramsOf, qs } from '../router';
import { Status } from '../components/Status';
import { Evidence } from '../components/Evidence';
import { Table } from '../components/Table';
import { QUAD_LABELS, actorLabel, party } from '../format';
import type { DiffPart, StoredDocument } from '../types';

interface Version {
  version: number;
  fetchedAt: string;
  contentHash: string;
  title: string | null;
  date: string | null;
  length: number;
}
type DocumentResponse = StoredDocument & { versions: Version[]; diff: { from: number; to: number; parts: DiffPart[] } | null };

interface Span {
  start: number;
  end: number;
  kind: 'event' | 'signal';
  label: string;
}

/** The text with every span marked; where spans overlap, the piece carries each kind and every label. */
function MarkedText({ text, spans }: { text: string; spans: Span[] }) {
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const over = spans.filter((s) => s.start <= from && s.end >= to);
    const piece = text.slice(from, to);
    if (!over.length) parts.push(piece);
    else
      parts.push(
        <mark class={[...new Set(over.map((s) => s.kind))].join(' ')} title={over.map((s) => s.label).join('\n')}>
          {piece}
        </mark>,
      );
  }
  return <div class="doc-text">{parts}</div>;
}

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <div class="diff doc-text">
      {parts.map((p) =>
        p.op === 'equal' ? p.text : p.op === 'insert' ? <ins>{p.text}</ins> : <del>{p.text}</del>,
      )}
    </div>
  );
}

export function DocumentView({ url, match }: { url: URL; match: string[] }) {
  const id = match[0];
  const params = paramsOf(url);
  const state = useApi<DocumentResponse>(`documents/${id}`, params);
  const d = state.data;
  if (!d)
    return (
      <section>
        <h1>Document {id}</h1>
        <Status state={state} />
      </section>
    );
  const c = d.coded;
  const spans: Span[] = [
    ...c.events.map((e) => ({ start: e.span[0], end: e.span[1], kind: 'event' as const, label: `${e.plover.event} ${e.cameo}: ${e.rule}` })),
    ...c.signals.map((s) => ({ start: s.span[0], end: s.span[1], kind: 'signal' as const, label: `${s.kind}: ${s.rule}` })),
  ];
  return (
    <article>
      <h1>{d.title ?? `Document ${d.id}`}</h1>
      <Status state={state} />
      <p class="meta">
        {d.date ?? 'date unknown'} · {d.source ?? 'outlet unknown'} · version {d.version} · story of {d.story.mentions} report
        {d.story.mentions === 1 ? '' : 's'} from {d.story.sources} source{d.story.sources === 1 ? '' : 's'} · tone {d.tone.toFixed(1)}
        {d.url && (
          <>
            {' · '}
            <a href={d.url} rel="noreferrer noopener">
              original
            </a>
          </>
        )}
        {d.missingSince && <strong class="bad"> · gone from its feed since {d.missingSince.slice(0, 10)}</strong>}
        {' · '}
        <a href={apiUrl(`documents/${d.id}`, params)} download={`document-${d.id}.json`}>
          ⤓ the document and its coding as JSON
        </a>
      </p>
      <p class="legend">
        <mark class="event">event evidence</mark> <mark class="signal">signal evidence</mark> <mark class="event signal">both</mark> (the events and signals are listed below)
      </p>
      <MarkedText text={d.text} spans={spans} />

      <h2>Events ({c.events.length})</h2>
      <ol class="coded">
        {c.events.map((e, i) => (
          <li id={`event-${i}`}>
            <strong>
              {actorLabel(e.source)} → {actorLabel(e.target)}
            </strong>{' '}
            {e.plover.event} · CAMEO {e.cameo} · Goldstein {e.goldstein} · {QUAD_LABELS[e.quad_class]} · {e.modality}
            {e.date ? ` · ${e.date}` : ''}
            <Evidence text={d.text.slice(e.span[0], e.span[1])} source={e.source.text} target={e.target?.text} rule={e.rule} />
          </li>
        ))}
      </ol>
      <h2>Signals ({c.signals.length})</h2>
      <ol class="coded">
        {c.signals.map((s) => (
          <li>
            <strong>
              {party(s.sender)} → {party(s.recipient)}
            </strong>{' '}
            {s.kind}
            {s.channel ? ` by ${s.channel}` : ''}
            {s.occasion ? ` · ${s.occasion} (${s.occasion_type})` : ''}
            <Evidence text={d.text.slice(s.span[0], s.span[1])} rule={s.rule} />
          </li>
        ))}
      </ol>
      {c.markers.length > 0 && (
        <p>
          <strong>Markers:</strong> {c.markers.map((m) => `${m.marker} ×${m.count}`).join(', ')} · <strong>Domains:</strong> {c.domains.join(', ') || '—'}
        </p>
      )}

      <Table<Version>
        caption={`Versions (${d.versions.length})`}
        rows={d.versions}
        columns={[
          { label: 'Version', render: (v) => v.version },
          { label: 'Fetched', render: (v) => v.fetchedAt.replace('T', ' ').slice(0, 19) },
          { label: 'Title', render: (v) => v.title ?? '—' },
          { label: 'Characters', num: true, render: (v) => v.length },
          { label: 'Diff', render: (v) => (v.version > 1 ? <a href={`/documents/${d.id}${qs({ from: v.version - 1, to: v.version })}`}>changes from v{v.version - 1}</a> : '—') },
        ]}
      />
      {d.diff ? (
        <>
          <h2>
            Changes from version {d.diff.from} to {d.diff.to}
          </h2>
          <p class="legend">
            <del>removed</del> <ins>added</ins>
          </p>
          <Diff parts={d.diff.parts} />
        </>
      ) : (
        <p>Only one version has been seen.</p>
      )}
    </article>
  );
}
