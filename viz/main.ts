/**
 * The page: wires controls, the parameters panel and the charts to a live run in a web worker. No model code
 * runs here; this file draws and reacts.
 */
import { agentCsvHeader, agentCsvRows } from '../src/metrics/agents.ts';
import { LiveRun, type Speed } from './live.ts';
import { catalog, load, loadText, shipped } from './scenarios.ts';
import { checkScenario, checkShared, warmValidator } from './validator.ts';
import { OrgForm } from './org-form.ts';
import { changeWords, describeOrganization, parseSets, runName } from '../src/run-name.ts';
import { compact } from '../src/compare/words.ts';
import { axisNumber } from './charts/day-axes.ts';

/** The stable paths the "Your organization" form writes. */
const FORM_PATHS = ['organization.employees', 'organization.teamSize', 'organization.teamsPerDepartment', 'smm.count', 'smm.sourcing', 'cm.present', 'cm.sourcing', 'external.customers', 'external.emceeEffort', 'ticks'];
import { buildPanel } from './panel.ts';
import { TimeChart, type View } from './charts/time-chart.ts';
import { LorenzChart } from './charts/lorenz.ts';
import { OrgView } from './charts/org-view.ts';
import { LINE_COLOURS, OKABE_ITO, STATE_COLOURS } from './palette.ts';
import { download, runCsv, runJson } from './export.ts';
import { encodeShared, type Shared } from '../src/share.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { ParamInfo } from '../src/scenario/paths.ts';
import type { Manifest } from '../src/research/manifest.ts';
import * as d3 from './d3.ts';
import { LIVE_EVENTS } from './interventions.ts';
import type { CompareView } from './compare/view.ts';
import type { StoryMode } from './story.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// --- Where the current scenario comes from: a shipped id or a file, plus overrides applied at the start.
interface Source {
  id?: string;
  /** A scenario read from a file or a link (already validated once). */
  object?: Record<string, unknown>;
  label: string;
  /** The scenario itself, before the page's day-0 changes: what the "Your organization" form compares with. */
  base: Scenario;
}
let source: Source = { id: 'baseline', label: 'baseline', base: shipped('baseline')! };
let sets: string[] = [];
let pendingSets: string[] = [];
let seed = 1;
/** Every intervention of a shared link (the scenario's own and the recorded live changes): kept on reset. */
let linkInterventions: Scenario['interventions'] = [];

const run = new LiveRun();
let dirty = true;
/** Longest redraw so far, in ms (shown to tests; a redraw must stay well under a frame). */
let longestDraw = 0;

// --- Messages.
function showError(message: string): void {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
}
function clearError(): void {
  $('error').hidden = true;
}
function notice(message: string): void {
  const box = $('notice');
  box.textContent = message;
  box.hidden = false;
  setTimeout(() => (box.hidden = true), 6000);
}
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

// --- Charts.
const P = (key: string, label: string, colour: string) => ({ key, label, colour });
/** The top of a stack: everyone who took part (contributed or read). */
const takingPart = (c: string, r: string) => (get: (k: string) => Float64Array, t: number) => get(c)[t]! + get(r)[t]!;
const one = (key: string) => (get: (k: string) => Float64Array, t: number) => get(key)[t]!;
const participationViews: Record<string, View> = {
  people: { stacked: true, yLabel: 'employees', ghost: takingPart('contributors', 'readers'), lines: [P('contributors', 'contributed', STATE_COLOURS.contributed), P('readers', 'read only', STATE_COLOURS.read), P('absent', 'absent', STATE_COLOURS.absent)] },
  team: { stacked: true, yLabel: 'memberships', ghost: takingPart('contributors_team', 'readers_team'), lines: [P('contributors_team', 'contributed', STATE_COLOURS.contributed), P('readers_team', 'read only', STATE_COLOURS.read), P('absent_team', 'absent', STATE_COLOURS.absent)] },
  open: { stacked: true, yLabel: 'memberships', ghost: takingPart('contributors_open', 'readers_open'), lines: [P('contributors_open', 'contributed', STATE_COLOURS.contributed), P('readers_open', 'read only', STATE_COLOURS.read), P('absent_open', 'absent', STATE_COLOURS.absent)] },
  external: { stacked: true, yLabel: 'memberships', ghost: takingPart('contributors_external', 'readers_external'), lines: [P('contributors_external', 'contributed', STATE_COLOURS.contributed), P('readers_external', 'read only', STATE_COLOURS.read), P('absent_external', 'absent', STATE_COLOURS.absent)] },
  roles: { yLabel: 'share taking part', yMax: 1, format: (n) => `${Math.round(n * 100)}%`, lines: [P('active_member', 'members', LINE_COLOURS[0]!), P('active_manager', 'managers', LINE_COLOURS[1]!), P('active_owner', 'community owners', LINE_COLOURS[2]!)] },
  risk: { yLabel: 'share taking part', yMax: 1, format: (n) => `${Math.round(n * 100)}%`, lines: [P('active_riskAverse', 'most risk-averse third', LINE_COLOURS[1]!), P('active_riskTolerant', 'least risk-averse third', LINE_COLOURS[0]!)] },
};
const valueViews: Record<string, View> = {
  hours: { yLabel: 'hours (cumulative)', ghost: one('valueCum'), lines: [P('valueCum', 'value created', OKABE_ITO.green), P('costCum', 'cost of the roles', OKABE_ITO.vermillion)] },
  fte: { yLabel: 'FTE', format: (n) => n.toFixed(1), lines: [P('costFte', 'cost of the roles', OKABE_ITO.vermillion)] },
  ratio: { yLabel: 'hours of value per hour of cost', ghost: one('valuePerCost'), format: (n) => n.toFixed(2), lines: [P('valuePerCost', 'value per cost (cumulative)', OKABE_ITO.blue)] },
};

const participation = new TimeChart($('chart-participation'), 'Participation', 'participation', participationViews.people!);
participation.frame.addSelect('Participation view', [
  { value: 'people', text: 'employees' },
  { value: 'team', text: 'team groups' },
  { value: 'open', text: 'open communities' },
  { value: 'external', text: 'external community' },
  { value: 'roles', text: 'by role' },
  { value: 'risk', text: 'by risk aversion' },
], (v) => { participation.setView(participationViews[v]!); dirty = true; });
const value = new TimeChart($('chart-value'), 'Value and cost', 'value', valueViews.hours!);
value.frame.addSelect('Value view', [
  { value: 'hours', text: 'hours' },
  { value: 'fte', text: 'cost in FTE' },
  { value: 'ratio', text: 'value per cost' },
], (v) => { value.setView(valueViews[v]!); dirty = true; });
const roles = new TimeChart($('chart-roles'), 'Animators and governance', 'roles', {
  yLabel: '0 to 1', yMax: 1, format: (n) => n.toFixed(1),
  lines: [P('legitimacy', 'mean legitimacy of animators', LINE_COLOURS[0]!), P('cmShare', "CM's share of posts", LINE_COLOURS[1]!), P('managerEngagement', "managers' animation effort", LINE_COLOURS[2]!), P('framework', 'framework in place', LINE_COLOURS[3]!)],
});
const conflicts = new TimeChart($('chart-conflicts'), 'Conflicts', 'conflicts', {
  yLabel: 'count', format: axisNumber,
  lines: [P('competition', 'team groups where an SMM competes', LINE_COLOURS[1]!), P('overlap', 'duplicate communities', LINE_COLOURS[3]!), P('quarrels', 'quarrels between departments (per day)', LINE_COLOURS[4]!)],
});
const lorenz = new LorenzChart($('chart-lorenz'));
const org = new OrgView($('chart-org'));

/**
 * What is drawn, one component at a time. A frame draws components round-robin until about 4 ms are spent,
 * so no frame turns into a long task even when every chart has new data.
 */
const components: { name: string; draw: () => void }[] = [
  { name: 'participation', draw: () => {
    const b = run.bound();
    participation.update(b.get, run.tick, run.horizon, run.markers, b.ghost);
    participation.frame.setCaption((run.tick ? `Day ${run.tick}: ${Math.round(run.get('activeShare')[last()]! * 100)}% of employees took part.` : '') + unlabelled(participation));
  } },
  { name: 'value', draw: () => {
    const b = run.bound();
    value.update(b.get, run.tick, run.horizon, run.markers, b.ghost);
    value.frame.setCaption((run.tick ? `Value per cost so far: ${run.get('valuePerCost')[last()]!.toFixed(2)} hours per hour.` : '') + unlabelled(value));
  } },
  { name: 'roles', draw: () => {
    roles.update(run.bound().get, run.tick, run.horizon, run.markers);
    roles.frame.setCaption(unlabelled(roles).trim());
  } },
  { name: 'conflicts', draw: () => {
    conflicts.update(run.bound().get, run.tick, run.horizon, run.markers);
    conflicts.frame.setCaption(unlabelled(conflicts).trim());
  } },
  { name: 'monitors', draw: drawMonitors },
  { name: 'lorenz', draw: () => lorenz.update(run.agents?.contributions, run.get('gini')[last()] ?? 0) },
  { name: 'org', draw: () => org.draw(run.agents) },
];
const last = () => Math.max(0, run.tick - 1);
/** Interventions whose label had no room above a chart: said in its caption instead. */
function unlabelled(chart: TimeChart): string {
  const u = chart.unlabelled;
  if (!u.length) return '';
  return ` Changes: ${u.slice(0, 8).map((m) => `day ${m.tick}: ${m.label}`).join('; ')}${u.length > 8 ? `; and ${u.length - 8} more` : ''}.`;
}

/** Big numbers for a room (presenter mode), with the ghost's figure when there is one. */
function drawMonitors(): void {
  const t = last();
  const set = (id: string, text: string) => {
    const e = $(id);
    if (e.textContent !== text) e.textContent = text;
  };
  set('mon-day', `${run.tick} of ${run.horizon}`);
  if (!run.tick) {
    for (const id of ['mon-active', 'mon-value', 'mon-ratio', 'mon-smm']) set(id, '–');
    for (const id of ['mon-active-delta', 'mon-value-delta']) set(id, '');
    return;
  }
  set('mon-active', `${Math.round(run.get('activeShare')[t]! * 100)}%`);
  set('mon-value', compact(run.get('valueCum')[t]!));
  set('mon-ratio', run.get('valuePerCost')[t]!.toFixed(2));
  set('mon-smm', String(run.get('smmCount')[t]!));
  // The run without its latest live change, as far as it has followed.
  const g = run.bound().ghost;
  const gt = g ? Math.min(g.tick, run.tick) - 1 : -1;
  set('mon-active-delta', g && gt >= 0 ? `without “${g.label}”: ${Math.round(g.get('activeShare')[gt]! * 100)}%` : '');
  set('mon-value-delta', g && gt >= 0 ? `without “${g.label}”: ${compact(g.get('valueCum')[gt]!)}` : '');
}
const stale = new Set<number>();
const drawnAt = components.map(() => -Infinity);
let next = 0;
const timing: Record<string, number> = {};

function draw(budgetMs: number): void {
  $('clock').textContent = `day ${run.tick} of ${run.horizon}${run.done ? ' (done)' : ''}`;
  $('play').textContent = run.playing && !run.done ? 'Pause' : 'Play';
  const start = performance.now();
  // While the run goes fast, each chart redraws at most 5 times a second: the eye cannot follow more,
  // and every redraw also costs the browser layout, paint and compositing.
  const minInterval = run.playing && (run.speed === 'max' || run.speed >= 60) ? 200 : 0;
  for (let k = 0; k < components.length && stale.size > 0; k++) {
    const i = (next + k) % components.length;
    if (!stale.has(i) || start - drawnAt[i]! < minInterval) continue;
    const t0 = performance.now();
    drawnAt[i] = t0;
    components[i]!.draw();
    const took = performance.now() - t0;
    timing[components[i]!.name] = Math.max(timing[components[i]!.name] ?? 0, took);
    stale.delete(i);
    next = (i + 1) % components.length;
    // One component a frame is enough to keep every chart fresh; more only while the budget allows.
    if (performance.now() - start > budgetMs) break;
  }
}

// The header wraps on a narrow screen (84 px at 1366): the panel sticks under its real height, not a guess.
const bar = document.querySelector<HTMLElement>('header.bar')!;
new ResizeObserver(() => document.documentElement.style.setProperty('--bar-h', `${Math.ceil(bar.getBoundingClientRect().height)}px`)).observe(bar);

// --- Scenario and run.
const panel = buildPanel($('params'), onParameter);
const orgForm = new OrgForm($('org-form-root'), (formChanges) => void applyDay0(formChanges), saveScenario, clearError);

/** The form's day-0 settings replace the earlier ones on the same paths; the run starts again from day 0. */
async function applyDay0(formChanges: string[]): Promise<void> {
  const paths = new Set(FORM_PATHS);
  const before = sets;
  sets = [...sets.filter((x) => !paths.has(x.slice(0, x.indexOf('=')))), ...formChanges];
  try {
    await build();
  } catch (e) {
    sets = before;
    // At the field it concerns, marked invalid (or under the form's buttons): where the user is looking.
    orgForm.showError(messageOf(e));
    return;
  }
  await requestReset();
  if (sets !== before) notice(`From day 0: ${currentName()}`);
}

/** The run's scenario as a file that opens again: its name says how it was modified; live changes are not in it. */
function saveScenario(): void {
  if (!run.scenario) return;
  const name = currentName().slice(0, 120);
  const { extends: _e, ...scenario } = { ...run.scenario, name, description: currentDescription(run.scenario) };
  const file = `${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'scenario'}.json`;
  download(file, new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' }));
  notice(`Saved ${file}: open it again with “Open file…”.${run.liveChanges.length ? ' Live changes are not in it (the JSON export of the run has them).' : ''}`);
}

/** The scenario to (re)start: the source with its changes, checked in the scenario worker when there are any. */
async function build(): Promise<Scenario> {
  const all = [...sets, ...pendingSets];
  if (source.id && !all.length && !linkInterventions.length) return shipped(source.id)!;
  return checkScenario({
    ...(source.id ? { id: source.id } : { object: source.object! }),
    source: source.label,
    sets: all,
    // A link's list is complete: the scenario's own interventions and the live changes it recorded.
    ...(linkInterventions.length ? { interventions: linkInterventions } : {}),
  });
}

/** The run's name: the scenario's, or "Baseline, modified: 3,000 employees, 5 SMMs" after day-0 changes. */
const currentName = () => runName(source.base.name, sets);
/** The scenario's own words, or after day-0 changes the run's settings (the scenario's text would be stale). */
const currentDescription = (scenario: Scenario) => (sets.length ? describeOrganization(scenario, source.base.name) : scenario.description || scenario.name);

/**
 * The picker names the run shown: a shipped scenario as it is, or an entry of its own for a modified run or a
 * file (choosing the shipped scenario again opens it as it is).
 */
function showInPicker(): void {
  const picker = $<HTMLSelectElement>('scenario');
  let own = picker.querySelector<HTMLOptionElement>('option[value="__run"]');
  if (source.id && !sets.length && !linkInterventions.length) {
    own?.remove();
    picker.value = source.id;
    return;
  }
  if (!own) {
    own = new Option('', '__run');
    picker.prepend(own);
  }
  // Changes scheduled beyond the scenario's own (a link's, or live changes kept by Reset) are said too.
  const extra = linkInterventions.length - source.base.interventions.length;
  own.text = currentName() + (extra > 0 ? ` + ${extra} scheduled change${extra > 1 ? 's' : ''}` : '');
  own.title = 'The run shown: choose a scenario to open it as it is';
  picker.value = '__run';
}

async function start(scenario: Scenario): Promise<void> {
  // The run described and named as it is: after day-0 changes, from its own settings.
  $('scenario-description').textContent = currentDescription(scenario);
  showInPicker();
  ($('seed') as HTMLInputElement).value = String(seed);
  $('reset-needed').hidden = true;
  panel.sync(scenario);
  orgForm.sync(scenario, source.base);
  run.playing = true;
  await run.open(scenario, seed);
  org.setLayout(run.layout!);
  showChanges();
  dirty = true;
}

/** What differs from the scenario, in two lists: day-0 settings (kept by Reset) and live changes of this run. */
function showChanges(): void {
  const live = run.liveChanges.length;
  $('run-name').textContent = currentName() + (live ? ` + ${live} live change${live > 1 ? 's' : ''}` : '');
  const day0 = [...parseSets(sets)].map(([p, v]) => changeWords(p, v, parseSets(sets))).filter(Boolean);
  $('changes-day0').textContent = day0.length ? day0.join('; ') : 'none: as in the scenario';
  $('changes-day0-undo').hidden = !sets.length;
  const scheduled = run.scenario?.interventions.length ?? 0;
  $('changes-scheduled').textContent = scheduled ? `${scheduled} scheduled change${scheduled > 1 ? 's' : ''} (${run.scenario!.interventions.slice(0, 3).map((i) => `day ${i.at}: ${i.label}`).join('; ')}${scheduled > 3 ? '; …' : ''})` : '';
  $('changes-scheduled').hidden = !scheduled;
  $('changes-live').textContent = live ? run.liveChanges.map((m) => `day ${m.tick}: ${m.label}`).join('; ') : 'none yet: the buttons above the charts and the panel\'s live parameters act now';
  $('changes-pending').hidden = !pendingSets.length;
  $('changes-pending').textContent = pendingSets.length ? `Waiting for a reset: ${pendingSets.map((x) => x.replace('=', ' = ')).join('; ')}` : '';
}

/**
 * Reset starts again from day 0 with the day-0 settings. Live changes are not thrown away silently: the user
 * keeps them as scheduled changes (same days, same values) or discards them.
 */
async function requestReset(): Promise<void> {
  if (run.liveChanges.length) {
    const choice = await askAboutLiveChanges();
    if (choice === 'cancel') return;
    if (choice === 'keep') linkInterventions = run.reproducible().interventions;
  }
  await reset();
}

function askAboutLiveChanges(): Promise<'keep' | 'discard' | 'cancel'> {
  const dialog = $('reset-dialog') as HTMLDialogElement;
  $('reset-what').textContent = run.liveChanges.map((m) => `day ${m.tick}: ${m.label}`).join('; ');
  dialog.returnValue = 'cancel';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve((dialog.returnValue || 'cancel') as 'keep' | 'discard' | 'cancel'), { once: true }));
}

async function reset(): Promise<void> {
  try {
    const scenario = await build();
    sets = [...sets, ...pendingSets];
    pendingSets = [];
    clearError();
    await start(scenario);
  } catch (e) {
    showError(messageOf(e));
  }
}

async function openId(id: string): Promise<void> {
  try {
    const scenario = await load(id);
    source = { id, label: id, base: scenario };
    linkInterventions = [];
    sets = [];
    pendingSets = [];
    seed = scenario.seed;
    clearError();
    ($('scenario') as HTMLSelectElement).value = id;
    await start(scenario);
  } catch (e) {
    showError(messageOf(e));
  }
}

/** A file from disk: untrusted. Validation errors are shown inline; the current run goes on untouched. */
async function openFile(file: File): Promise<void> {
  try {
    if (file.size > 5_000_000) throw new Error(`${file.name}: too large for a scenario (${Math.round(file.size / 1e6)} MB); the limit is 5 MB`);
    const text = await file.text();
    const scenario = await loadText(text, file.name);
    source = { object: JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>, label: file.name, base: scenario };
    linkInterventions = [];
    sets = [];
    pendingSets = [];
    seed = scenario.seed;
    clearError();
    notice(`Opened ${file.name}`);
    await start(scenario);
  } catch (e) {
    showError(messageOf(e));
  }
}

function onParameter(p: ParamInfo, v: number | boolean | string, day0: boolean): void {
  if (!day0) {
    run.intervene({ [p.path]: v }, `${p.path} = ${String(v)}`).then(() => {
      clearError();
      showChanges();
    }, (e: unknown) => showError(messageOf(e)));
    return;
  }
  pendingSets = [...pendingSets.filter((s) => !s.startsWith(`${p.path}=`)), `${p.path}=${JSON.stringify(v)}`];
  build().then(
    () => {
      clearError();
      $('reset-needed').hidden = false;
      showChanges();
    },
    (e: unknown) => {
      pendingSets = pendingSets.filter((s) => !s.startsWith(`${p.path}=`));
      showError(messageOf(e));
    },
  );
}

function shareLink(): string {
  const repro = run.reproducible();
  const shared: Shared = source.id
    ? { scenario: source.id, sets, seed: run.seed, interventions: repro.interventions }
    : { scenario: { ...repro, interventions: [] } as unknown as Record<string, unknown>, sets: [], seed: run.seed, interventions: repro.interventions };
  return `${location.origin}${location.pathname}${encodeShared(shared)}`;
}

function openShared(shared: Shared, scenario: Scenario): Promise<void> {
  source = typeof shared.scenario === 'string'
    ? { id: shared.scenario, label: shared.scenario, base: shipped(shared.scenario) ?? scenario }
    : { object: { ...(scenario as unknown as Record<string, unknown>), interventions: [] }, label: 'shared link', base: { ...scenario, interventions: [] } };
  linkInterventions = scenario.interventions;
  if (source.id) ($('scenario') as HTMLSelectElement).value = source.id;
  // The link's interventions are part of the scenario now; its overrides stay overrides of a shipped one.
  sets = source.id ? shared.sets : [];
  seed = shared.seed;
  return start(scenario);
}

// --- Controls.
const picker = $('scenario') as HTMLSelectElement;
for (const entry of catalog()) {
  const o = new Option(`${entry.name}`, entry.id);
  o.title = entry.description;
  picker.add(o);
}
picker.addEventListener('change', () => picker.value !== '__run' && void openId(picker.value));
const togglePlay = () => {
  dirty = true;
  // At the horizon, Play plays the run again from day 0 (its live changes scheduled on the same days).
  if (run.done) {
    run.playing = true;
    void start(run.reproducible());
    return;
  }
  run.playing = !run.playing;
};
const step = () => {
  run.playing = false;
  void run.advance(1);
  dirty = true;
};
$('play').addEventListener('click', togglePlay);
$('step').addEventListener('click', step);
$('reset').addEventListener('click', () => void requestReset());
$('apply-reset').addEventListener('click', () => void requestReset());
$('changes-day0-undo').addEventListener('click', () => {
  sets = [];
  void requestReset();
});
$('loop').addEventListener('change', () => (run.loop = ($('loop') as HTMLInputElement).checked));
$('more-toggle').addEventListener('click', () => {
  const open = document.querySelector('.bar')!.classList.toggle('more-open');
  $('more-toggle').setAttribute('aria-expanded', String(open));
});
$('speed').addEventListener('change', () => {
  const v = ($('speed') as HTMLSelectElement).value;
  run.speed = (v === 'max' ? 'max' : Number(v)) as Speed;
});
$('seed').addEventListener('change', () => {
  const v = Number(($('seed') as HTMLInputElement).value);
  if (Number.isInteger(v) && v >= 0 && v < 2 ** 31) {
    seed = v;
    void requestReset();
  } else showError(`seed = ${($('seed') as HTMLInputElement).value} is not allowed; expected a whole number from 0 to ${2 ** 31 - 1}`);
});
$('file').addEventListener('change', () => {
  const f = ($('file') as HTMLInputElement).files?.[0];
  if (f) void openFile(f);
  ($('file') as HTMLInputElement).value = '';
});
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer?.files[0];
  if (f) void openFile(f);
});
/** A sweep's files (manifest.json, runs.csv, indices.csv), shown with the charts of `orgsim report`. */
$('sweep-files').addEventListener('change', async () => {
  const input = $('sweep-files') as HTMLInputElement;
  const files = Array.from(input.files ?? []);
  input.value = '';
  const byName = (name: string) => files.find((f) => f.name === name);
  try {
    const manifest = byName('manifest.json');
    const runs = byName('runs.csv');
    if (!manifest || !runs) throw new Error(`choose a sweep folder's manifest.json and runs.csv together (and indices.csv after a sensitivity analysis); got ${files.map((f) => f.name).join(', ') || 'nothing'}`);
    const m = JSON.parse(await manifest.text()) as Manifest;
    if (!m || !Array.isArray(m.parameters) || !Array.isArray(m.outcomes) || !m.design || !m.scenario) throw new Error('manifest.json: not the manifest of an orgsim sweep');
    const [{ reportData }, { drawReport }, { REPORT_CSS }, { scopeCss }] = await Promise.all([import('../src/research/report/data.ts'), import('./research/charts.ts'), import('../src/research/report/page.ts'), import('./research/scope-css.ts')]);
    // The report's own styles, scoped to the view: it looks like orgsim report.
    if (!document.getElementById('sweep-style')) {
      const style = document.createElement('style');
      style.id = 'sweep-style';
      style.textContent = scopeCss(REPORT_CSS, '#sweep-report');
      document.head.append(style);
    }
    const data = reportData(m, await runs.text(), (await byName('indices.csv')?.text()) ?? '');
    drawReport(d3, $('sweep-report'), data);
    $('sweep-view').hidden = false;
    clearError();
  } catch (e) {
    showError(messageOf(e));
  }
});
$('sweep-close').addEventListener('click', () => ($('sweep-view').hidden = true));
$('share').addEventListener('click', () => {
  const link = shareLink();
  history.replaceState(null, '', link);
  navigator.clipboard?.writeText(link).then(() => notice('Link copied: it reproduces this run exactly.'), () => notice(`Link: ${link}`));
});
$('export-csv').addEventListener('click', () => download('orgsim-run.csv', new Blob([runCsv(run)], { type: 'text/csv' })));
$('export-json').addEventListener('click', () => download('orgsim-run.json', new Blob([runJson(run, currentName())], { type: 'application/json' })));
$('export-agents').addEventListener('click', async () => {
  const columns = await run.agentTable();
  download(`orgsim-agents-${source.label.replace(/\.json$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}${sets.length ? '-modified' : ''}-day-${run.tick}.csv`, new Blob([agentCsvHeader(columns), agentCsvRows(0, run.seed, columns)], { type: 'text/csv' }));
});
for (const ev of LIVE_EVENTS) {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = `event-${ev.id}`;
  b.textContent = ev.label;
  b.title = `“${ev.seed}”`;
  b.addEventListener('click', () => {
    run.intervene(ev.change(run.params), ev.label).then(() => {
      notice(`${ev.label}: from day ${run.tick}`);
      showChanges();
    }, (e: unknown) => showError(messageOf(e)));
  });
  $('events').append(b);
}
const togglePresenter = () => {
  // A phone is not a projector: presenter mode is offered from 701 px wide (as the button, by CSS).
  if (!document.body.classList.contains('presenter') && matchMedia('(max-width: 700px)').matches) {
    notice('Presenter mode is for a projector or a laptop screen.');
    return;
  }
  const on = document.body.classList.toggle('presenter');
  $('presenter').setAttribute('aria-pressed', String(on));
  // Charts keep their viewBox: they scale with the wider grid.
};
$('presenter').addEventListener('click', togglePresenter);
const toggleFullScreen = () => {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => notice('Full screen is not allowed here.'));
};
// --- Compare view and story mode, loaded on first use (the live run pauses while a comparison runs: the
// cores go to it, and it plays again when the room comes back to it).
let compare: CompareView | undefined;
let story: StoryMode | undefined;
let playingBeforeCompare = false;
let views: Promise<{ compare: CompareView; story: StoryMode }> | undefined;
function loadViews(): Promise<{ compare: CompareView; story: StoryMode }> {
  views ??= Promise.all([import('./compare/view.ts'), import('./story.ts')]).then(([c, st]) => {
    compare = new c.CompareView(
      () => ({ scenario: run.scenario ? run.reproducible() : shipped('baseline')!, name: currentName() + (run.liveChanges.length ? ` + ${run.liveChanges.length} live change${run.liveChanges.length > 1 ? 's' : ''}` : '') }),
      () => {
        run.playing = false;
        dirty = true;
      },
    );
    story = new st.StoryMode(compare, () => setMode('compare'), showError);
    return { compare, story };
  });
  return views;
}
type Mode = 'live' | 'compare';
let mode: Mode = 'live';
function setMode(m: Mode): void {
  if (m === mode && m === 'live') return;
  const leaving = mode === 'compare' && m === 'live';
  if (m === 'compare' && mode === 'live') playingBeforeCompare = run.playing && !run.done;
  mode = m;
  const comparing = m === 'compare';
  $('compare-view').hidden = !comparing;
  document.querySelector<HTMLElement>('main.layout')!.hidden = comparing;
  document.querySelector<HTMLElement>('nav.events')!.hidden = comparing;
  $('monitors').hidden = comparing;
  $('compare-open').setAttribute('aria-pressed', String(comparing));
  $('story-open').setAttribute('aria-pressed', String(!!story?.active));
  for (const id of ['play', 'step', 'reset', 'speed', 'seed']) ($(id) as HTMLButtonElement).disabled = comparing;
  // A view opens at its top, not at the scroll position of the one it replaces.
  window.scrollTo(0, 0);
  if (comparing) compare?.show();
  if (leaving && playingBeforeCompare) {
    run.playing = true;
    dirty = true;
  }
}
async function toggleCompare(): Promise<void> {
  const v = await loadViews();
  if (mode === 'compare') {
    await v.story.close();
    setMode('live');
  } else setMode('compare');
}
async function toggleStory(): Promise<void> {
  const v = await loadViews();
  if (v.story.active) {
    await v.story.close();
    setMode('compare');
  } else await v.story.open();
  $('story-open').setAttribute('aria-pressed', String(v.story.active));
}
$('compare-open').addEventListener('click', () => void toggleCompare());
$('story-open').addEventListener('click', () => void toggleStory());
$('story-close').addEventListener('click', () => void story?.close().then(() => setMode('live')));

const help = $('help-dialog') as HTMLDialogElement;
$('help').addEventListener('click', () => help.showModal());
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
  // Keys of every mode.
  if (e.key === '?') help.open ? help.close() : help.showModal();
  else if (e.key === 'p') togglePresenter();
  else if (e.key === 'f') toggleFullScreen();
  else if (e.key === 'c') void toggleCompare();
  else if (e.key === 's') void toggleStory();
  else if (e.key === 'Escape' && mode === 'compare' && !help.open) void story?.close().then(() => setMode('live'));
  // A story: next and previous (presentation remotes send Page Down and Page Up).
  else if (story?.active && ['ArrowRight', 'PageDown', 'n'].includes(e.key)) void story.go(story.index + 1);
  else if (story?.active && ['ArrowLeft', 'PageUp', 'b'].includes(e.key)) void story.go(story.index - 1);
  // The live run's keys act only where it is shown.
  else if (mode !== 'live') return;
  else if (e.key === ' ') {
    // Space on a focused button presses it; elsewhere it plays or pauses.
    if (target.tagName === 'BUTTON') return;
    togglePlay();
  }
  else if (e.key === 'ArrowRight') step();
  else if (e.key === 'r') void requestReset();
  else if (/^[1-9]$/.test(e.key) && catalog()[Number(e.key) - 1]) void openId(catalog()[Number(e.key) - 1]!.id);
  else return;
  e.preventDefault();
});

run.onData = () => (dirty = true);
// Looping: at the horizon the same run starts again (its live changes scheduled on the same days).
run.onLoop = () => void start(run.reproducible());
run.onError = (e) => showError(messageOf(e));

// Drawing is decoupled from the simulation: at most one redraw per animation frame.
function frame(now: number): void {
  run.pump(now);
  compare?.frame(now);
  if (dirty) {
    dirty = false;
    components.forEach((_, i) => stale.add(i));
  }
  if (stale.size > 0) {
    const t0 = performance.now();
    // At full speed, one component a frame; otherwise as many as fit in 4 ms.
    draw(run.speed === 'max' && run.playing ? 0 : 4);
    longestDraw = Math.max(longestDraw, performance.now() - t0);
  }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

// Test and automation hook: read-only numbers, never code.
Object.assign(window, {
  __orgsim: {
    get tick() { return run.tick; },
    get done() { return run.done; },
    get playing() { return run.playing; },
    get markers() { return run.markers.map((m) => ({ ...m })); },
    get longestDraw() { return longestDraw; },
    get timing() { return { ...timing }; },
    get chunk() { return { ticks: run.chunk, computeMs: run.lastComputeMs }; },
    value: (name: string, t: number) => run.get(name)[t],
    series: (name: string) => Array.from(run.get(name).subarray(0, run.tick)),
    get mode() { return mode; },
    /** Cheap to poll: where the comparison is. */
    get compare() { return compare?.state(); },
    /** The full picture (seeds, every run's outcomes, verdicts): read it once, at the end. */
    compareResults: () => compare?.snapshot(),
    compareBand: (i: number, metric: string) => {
      const b = compare!.band(i, metric);
      return { n: b.n, mean: Array.from(b.mean), lo90: Array.from(b.lo90), hi90: Array.from(b.hi90), lo95: Array.from(b.lo95), hi95: Array.from(b.hi95) };
    },
    get story() { return { active: !!story?.active, index: story?.index ?? 0, length: story?.length ?? 0, title: story?.step?.title, kind: story?.kind }; },
  },
});

/**
 * A shared link that cannot be opened keeps its error on screen, with a way out: the page never silently
 * shows another run than the one the link names.
 */
function linkFailed(message: string): void {
  const box = $('error');
  box.replaceChildren(`This shared link cannot be opened: ${message.replace(/^the shared link /, 'it ').replace(/^shared link: /, '')}.`, ' ');
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = 'Open the baseline instead';
  b.addEventListener('click', () => {
    history.replaceState(null, '', location.pathname + location.search);
    void openId('baseline');
  });
  box.append(b);
  box.hidden = false;
  $('scenario-description').textContent = 'No run: the shared link could not be opened.';
}

// Start: a shared link if there is one, else the baseline (validated at build time: nothing to check).
(async () => {
  if (location.hash.startsWith('#run=')) {
    $('scenario-description').textContent = 'Opening the shared link…';
    try {
      const { shared, scenario } = await checkShared(location.hash);
      await openShared(shared, scenario);
    } catch (e) {
      linkFailed(messageOf(e).replace(/\.$/, ''));
    }
    return;
  }
  await openId('baseline');
  // The scenario worker starts once the page is drawing, ready for the first file or change.
  setTimeout(warmValidator, 1500);
})();
