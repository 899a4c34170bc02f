import type { Command } from 'commander';
import { z } from 'zod';
import type { AlertDefinition } from '../analysis/alerts.js';
import { countryCode, csv, dbOption, fail, formatOption, isoDay, json, out, parseOptions, table, wholeNumber, withStore } from '../analysis/cli-support.js';

const AddOptions = z.object({
  name: z.string().regex(/^[\w.-]{1,64}$/, { message: 'letters, digits, _ . - (at most 64)' }),
  dyad: z
    .string()
    .regex(/^[A-Za-z]{3}-[A-Za-z]{3}$/, { message: 'expected two country codes such as PRK-CHN' })
    .transform((s) => ({ a: s.slice(0, 3).toUpperCase(), b: s.slice(4).toUpperCase() }))
    .optional(),
  type: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']))
    .optional(),
  marker: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'expected a marker name such as sovereignty' }).optional(),
  missingRitual: z.boolean().optional(),
  actor: countryCode.optional(),
  tolerance: wholeNumber(0),
  window: wholeNumber(1),
  minYears: wholeNumber(1),
  to: z.string().min(1),
  includeExisting: z.boolean().optional(),
  db: z.string().optional(),
  alerts: z.string().optional(),
});

const FileOptions = z.object({ db: z.string().optional(), alerts: z.string().optional() });

export function register(program: Command): void {
  const alert = program.command('alert').description('standing queries evaluated after each ingest and watch cycle; each match fires once');
  alert
    .command('add')
    .description('add an alert: exactly one of --dyad, --type, --marker, --missing-ritual')
    .argument('<name>', 'a name for the alert')
    .option('--dyad <A-B>', 'events between two countries, either direction (PRK-CHN)')
    .option('--type <PLOVER>', 'events of a PLOVER type (ASSAULT, SANCTION, …); with --actor, of that country')
    .option('--marker <marker>', 'documents using a framing marker (sovereignty, …)')
    .option('--missing-ritual', 'rituals that did not come this year; with --actor, of that country')
    .option('--actor <code>', 'country for --type and --missing-ritual')
    .option('--tolerance <days>', 'for --missing-ritual: days either side of the usual day', '7')
    .option('--window <years>', 'for --missing-ritual: history years looked at', '3')
    .option('--min-years <n>', 'for --missing-ritual: years of those that make a ritual', '2')
    .option('--to <target>', 'stdout, a FILE.jsonl, or an http(s):// webhook', 'stdout')
    .option('--include-existing', 'fire for matches already in the store too (default: only for what arrives later)')
    .addOption(dbOption())
    .option('--alerts <file>', 'the alerts file (default: $ATTACHE_ALERTS or <db>.alerts.json)')
    .action(async (name: string, raw: Record<string, unknown>) => {
      const o = parseOptions('alert add', AddOptions, { ...raw, name });
      const kinds = [o.dyad, o.type, o.marker, o.missingRitual].filter((x) => x !== undefined);
      if (kinds.length !== 1) fail('alert add', 'give exactly one of --dyad A-B, --type PLOVER, --marker M, --missing-ritual');
      if (o.actor && !o.type && !o.missingRitual) fail('alert add', '--actor goes with --type or --missing-ritual');
      if (o.minYears > o.window) fail('alert add', `--min-years ${o.minYears} is more than --window ${o.window}`);
      const { addAlert, alertMatches, alertsPath, describeQuery } = await import('../analysis/alerts.js');
      const { checkTarget } = await import('../analysis/alert-delivery.js');
      let to = o.to;
      try {
        // a file is kept by its absolute path: ingest and watch may run from another directory
        if (checkTarget(o.to) === 'file') to = (await import('node:path')).resolve(o.to);
      } catch (e) {
        fail('alert add', (e as Error).message);
      }
      const query: AlertDefinition['query'] = o.dyad
        ? { dyad: o.dyad }
        : o.type
          ? { type: o.type }
          : o.marker
            ? { marker: o.marker }
            : { missingRitual: { tolerance: o.tolerance, window: o.window, minYears: o.minYears } };
      const def: AlertDefinition = { name: o.name, query, actor: o.actor ?? null, to, createdAt: new Date().toISOString() };
      await withStore('alert add', o.db, async (store) => {
        try {
          const path = alertsPath(store.location, o.alerts);
          const baseline = o.includeExisting ? [] : await alertMatches(store, def);
          addAlert(path, def, baseline);
          await out(`alert "${o.name}" added to ${path}: ${describeQuery(def)} → ${to}` + (o.includeExisting ? '\n' : ` (${baseline.length} existing matches will not fire)\n`));
        } catch (e) {
          fail('alert add', (e as Error).message);
        }
      });
    });

  alert
    .command('list')
    .description('the alerts, their queries, targets and how many matches each has fired')
    .addOption(formatOption())
    .addOption(dbOption())
    .option('--alerts <file>', 'the alerts file (default: $ATTACHE_ALERTS or <db>.alerts.json)')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions('alert list', FileOptions.extend({ format: z.enum(['table', 'json', 'csv']) }), raw);
      const { alertsPath, describeQuery, readAlerts } = await import('../analysis/alerts.js');
      const location = await storeLocation(o.db);
      const file = readFile('alert list', () => readAlerts(alertsPath(location, o.alerts)));
      if (o.format === 'json') return out(json(file.alerts.map((a) => ({ ...a, fired: file.fired[a.name]?.length ?? 0 }))));
      const rows = file.alerts.map((a) => [a.name, describeQuery(a), a.to, file.fired[a.name]?.length ?? 0, a.createdAt]);
      const head = ['name', 'query', 'to', 'fired', 'created'];
      await out(o.format === 'csv' ? csv(head, rows) : rows.length ? table(head, rows) : '(no alerts)\n');
    });

  alert
    .command('remove')
    .description('remove an alert and the record of what it fired')
    .argument('<name>')
    .addOption(dbOption())
    .option('--alerts <file>', 'the alerts file (default: $ATTACHE_ALERTS or <db>.alerts.json)')
    .action(async (name: string, raw: Record<string, unknown>) => {
      const o = parseOptions('alert remove', FileOptions, raw);
      const { alertsPath, removeAlert } = await import('../analysis/alerts.js');
      const location = await storeLocation(o.db);
      const path = readFile('alert remove', () => alertsPath(location, o.alerts));
      readFile('alert remove', () => removeAlert(path, name));
      await out(`alert "${name}" removed from ${path}\n`);
    });

  alert
    .command('run')
    .description('evaluate every alert now and deliver what has not fired yet (ingest and watch do this after each run)')
    .option('--since <YYYY-MM-DD>', 'only documents published from this day on (event and marker alerts)')
    .option('--timeout <ms>', 'webhook timeout', '10000')
    .addOption(dbOption())
    .option('--alerts <file>', 'the alerts file (default: $ATTACHE_ALERTS or <db>.alerts.json)')
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions('alert run', FileOptions.extend({ since: isoDay.optional(), timeout: wholeNumber(1) }), raw);
      const { evaluateAlerts } = await import('../analysis/alerts.js');
      const r = await withStore('alert run', o.db, (store) =>
        evaluateAlerts(store, { since: o.since, alertsFile: o.alerts, timeoutMs: o.timeout }).catch((e: Error) => fail('alert run', e.message)),
      );
      process.stderr.write(`attache alert run: ${r.fired.length} fired${r.failures.length ? `, ${r.failures.length} deliveries failed` : ''}\n`);
      for (const f of r.failures) process.stderr.write(`attache alert run: alert "${f.alert}": ${f.error} (${f.matches} matches will be retried)\n`);
      if (r.failures.length) process.exitCode = 1;
    });
}

/** The store location (as Store.location reads) for the alerts file, without opening the store: list and remove need none. */
async function storeLocation(db: string | undefined): Promise<string> {
  const { isPostgresSpec, storeSpec } = await import('../store/open.js');
  const spec = storeSpec(db);
  return isPostgresSpec(spec) ? spec : `sqlite:${spec}`;
}

function readFile<T>(cmd: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    return fail(cmd, (e as Error).message);
  }
}
