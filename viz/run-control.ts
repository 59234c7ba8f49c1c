/**
 * The live run's scenario and its changes: where it comes from (a shipped scenario, a file, a shared link), the
 * day-0 settings of the "Your organization" form and of the panel, live changes, Reset, the shared link. The
 * state is the page's (viz/page-state.ts); this reads and writes it and starts the run.
 */
import type { LiveRun } from './live.ts';
import type { LiveCharts } from './live-charts.ts';
import { load, loadText, shipped } from './scenarios.ts';
import { checkScenario } from './validator.ts';
import { OrgForm } from './org-form.ts';
import { buildPanel } from './panel.ts';
import { download } from './export.ts';
import { changeWords, describeOrganization, parseSets, runName } from '../src/run-name.ts';
import { encodeShared, type Shared } from '../src/share.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import type { ParamInfo } from '../src/scenario/paths.ts';
import { clearError, messageOf, notice, showError } from './messages.ts';
import type { PageState } from './page-state.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The stable paths the "Your organization" form writes. */
const FORM_PATHS = [
  'organization.employees',
  'organization.teamSize',
  'organization.teamsPerDepartment',
  'smm.count',
  'smm.sourcing',
  'cm.present',
  'cm.sourcing',
  'external.customers',
  'external.emceeEffort',
  'ticks',
];

export class RunControl {
  private readonly panel: ReturnType<typeof buildPanel>;
  private readonly orgForm: OrgForm;

  constructor(
    private readonly page: PageState,
    private readonly run: LiveRun,
    private readonly charts: LiveCharts,
  ) {
    this.panel = buildPanel($('params'), (p, v, day0) => this.onParameter(p, v, day0));
    this.orgForm = new OrgForm(
      $('org-form-root'),
      (formChanges) => void this.applyDay0(formChanges),
      () => this.saveScenario(),
      clearError,
    );
  }

  /** The form's day-0 settings replace the earlier ones on the same paths; the run starts again from day 0. */
  async applyDay0(formChanges: string[]): Promise<void> {
    const paths = new Set(FORM_PATHS);
    const before = this.page.sets;
    this.page.sets = [...this.page.sets.filter((x) => !paths.has(x.slice(0, x.indexOf('=')))), ...formChanges];
    try {
      await this.build();
    } catch (e) {
      this.page.sets = before;
      // At the field it concerns, marked invalid (or under the form's buttons): where the user is looking.
      this.orgForm.showError(messageOf(e));
      return;
    }
    await this.requestReset();
    if (this.page.sets !== before) notice(`From day 0: ${this.currentName()}`);
  }

  /** The run's scenario as a file that opens again: its name says how it was modified; live changes are not in it. */
  saveScenario(): void {
    if (!this.run.scenario) return;
    const name = this.currentName().slice(0, 120);
    const { extends: _e, ...scenario } = {
      ...this.run.scenario,
      name,
      description: this.currentDescription(this.run.scenario),
    };
    const file = `${
      name
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase()
        .slice(0, 60) || 'scenario'
    }.json`;
    download(file, new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' }));
    notice(
      `Saved ${file}: open it again with “Open ` +
        `file…”.` +
        `${this.run.liveChanges.length ? ' Live changes are not in it (the JSON export of the run has them).' : ''}`,
    );
  }

  /** The scenario to (re)start: the source with its changes, checked in the scenario worker when there are any. */
  async build(): Promise<Scenario> {
    const all = [...this.page.sets, ...this.page.pendingSets];
    if (this.page.source.id && !all.length && !this.page.linkInterventions.length) return shipped(this.page.source.id)!;
    return checkScenario({
      ...(this.page.source.id ? { id: this.page.source.id } : { object: this.page.source.object! }),
      source: this.page.source.label,
      sets: all,
      // A link's list is complete: the scenario's own interventions and the live changes it recorded.
      ...(this.page.linkInterventions.length ? { interventions: this.page.linkInterventions } : {}),
    });
  }

  /** The run's name: the scenario's, or "Baseline, modified: 3,000 employees, 5 SMMs" after day-0 changes. */
  currentName(): string {
    return runName(this.page.source.base.name, this.page.sets);
  }
  /** The scenario's own words, or after day-0 changes the run's settings (the scenario's text would be stale). */
  currentDescription(scenario: Scenario): string {
    return this.page.sets.length
      ? describeOrganization(scenario, this.page.source.base.name)
      : scenario.description || scenario.name;
  }

  /**
   * The picker names the run shown: a shipped scenario as it is, or an entry of its own for a modified run or a
   * file (choosing the shipped scenario again opens it as it is).
   */
  showInPicker(): void {
    const picker = $<HTMLSelectElement>('scenario');
    let own = picker.querySelector<HTMLOptionElement>('option[value="__run"]');
    if (this.page.source.id && !this.page.sets.length && !this.page.linkInterventions.length) {
      own?.remove();
      picker.value = this.page.source.id;
      return;
    }
    if (!own) {
      own = new Option('', '__run');
      picker.prepend(own);
    }
    // Changes scheduled beyond the scenario's own (a link's, or live changes kept by Reset) are said too.
    const extra = this.page.linkInterventions.length - this.page.source.base.interventions.length;
    own.text = this.currentName() + (extra > 0 ? ` + ${extra} scheduled change${extra > 1 ? 's' : ''}` : '');
    own.title = 'The run shown: choose a scenario to open it as it is';
    picker.value = '__run';
  }

  async start(scenario: Scenario): Promise<void> {
    // The run described and named as it is: after day-0 changes, from its own settings.
    $('scenario-description').textContent = this.currentDescription(scenario);
    this.showInPicker();
    ($('seed') as HTMLInputElement).value = String(this.page.seed);
    $('reset-needed').hidden = true;
    this.panel.sync(scenario);
    this.orgForm.sync(scenario, this.page.source.base);
    this.run.playing = true;
    await this.run.open(scenario, this.page.seed);
    this.charts.org.setLayout(this.run.layout!);
    this.showChanges();
    this.charts.invalidate();
  }

  /** What differs from the scenario, in two lists: day-0 settings (kept by Reset) and live changes of this run. */
  showChanges(): void {
    const live = this.run.liveChanges.length;
    $('run-name').textContent = this.currentName() + (live ? ` + ${live} live change${live > 1 ? 's' : ''}` : '');
    const day0 = [...parseSets(this.page.sets)]
      .map(([p, v]) => changeWords(p, v, parseSets(this.page.sets)))
      .filter(Boolean);
    $('changes-day0').textContent = day0.length ? day0.join('; ') : 'none: as in the scenario';
    $('changes-day0-undo').hidden = !this.page.sets.length;
    const scheduled = this.run.scenario?.interventions.length ?? 0;
    $('changes-scheduled').textContent = scheduled
      ? `${scheduled} scheduled change${scheduled > 1 ? 's' : ''} (${this.run
          .scenario!.interventions.slice(0, 3)
          .map((i) => `day ${i.at}: ${i.label}`)
          .join('; ')}${scheduled > 3 ? '; …' : ''})`
      : '';
    $('changes-scheduled').hidden = !scheduled;
    $('changes-live').textContent = live
      ? this.run.liveChanges.map((m) => `day ${m.tick}: ${m.label}`).join('; ')
      : "none yet: the buttons above the charts and the panel's live parameters act now";
    $('changes-pending').hidden = !this.page.pendingSets.length;
    $('changes-pending').textContent = this.page.pendingSets.length
      ? `Waiting for a reset: ${this.page.pendingSets.map((x) => x.replace('=', ' = ')).join('; ')}`
      : '';
  }

  /**
   * Reset starts again from day 0 with the day-0 settings. Live changes are not thrown away silently: the user
   * keeps them as scheduled changes (same days, same values) or discards them.
   */
  async requestReset(): Promise<void> {
    if (this.run.liveChanges.length) {
      const choice = await this.askAboutLiveChanges();
      if (choice === 'cancel') return;
      if (choice === 'keep') this.page.linkInterventions = this.run.reproducible().interventions;
    }
    await this.reset();
  }

  askAboutLiveChanges(): Promise<'keep' | 'discard' | 'cancel'> {
    const dialog = $('reset-dialog') as HTMLDialogElement;
    $('reset-what').textContent = this.run.liveChanges.map((m) => `day ${m.tick}: ${m.label}`).join('; ');
    dialog.returnValue = 'cancel';
    dialog.showModal();
    return new Promise((resolve) =>
      dialog.addEventListener(
        'close',
        () => resolve((dialog.returnValue || 'cancel') as 'keep' | 'discard' | 'cancel'),
        { once: true },
      ),
    );
  }

  async reset(): Promise<void> {
    try {
      const scenario = await this.build();
      this.page.sets = [...this.page.sets, ...this.page.pendingSets];
      this.page.pendingSets = [];
      clearError();
      await this.start(scenario);
    } catch (e) {
      showError(messageOf(e));
    }
  }

  async openId(id: string): Promise<void> {
    try {
      const scenario = await load(id);
      this.page.source = { id, label: id, base: scenario };
      this.page.linkInterventions = [];
      this.page.sets = [];
      this.page.pendingSets = [];
      this.page.seed = scenario.seed;
      clearError();
      ($('scenario') as HTMLSelectElement).value = id;
      await this.start(scenario);
    } catch (e) {
      showError(messageOf(e));
    }
  }

  /** A file from disk: untrusted. Validation errors are shown inline; the current run goes on untouched. */
  async openFile(file: File): Promise<void> {
    try {
      if (file.size > 5_000_000)
        throw new Error(
          `${file.name}: too large for a scenario (${Math.round(file.size / 1e6)} MB); the limit is 5 MB`,
        );
      const text = await file.text();
      const scenario = await loadText(text, file.name);
      this.page.source = {
        object: JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>,
        label: file.name,
        base: scenario,
      };
      this.page.linkInterventions = [];
      this.page.sets = [];
      this.page.pendingSets = [];
      this.page.seed = scenario.seed;
      clearError();
      notice(`Opened ${file.name}`);
      await this.start(scenario);
    } catch (e) {
      showError(messageOf(e));
    }
  }

  onParameter(p: ParamInfo, v: number | boolean | string, day0: boolean): void {
    if (!day0) {
      this.run.intervene({ [p.path]: v }, `${p.path} = ${String(v)}`).then(
        () => {
          clearError();
          this.showChanges();
        },
        (e: unknown) => showError(messageOf(e)),
      );
      return;
    }
    this.page.pendingSets = [
      ...this.page.pendingSets.filter((s) => !s.startsWith(`${p.path}=`)),
      `${p.path}=${JSON.stringify(v)}`,
    ];
    this.build().then(
      () => {
        clearError();
        $('reset-needed').hidden = false;
        this.showChanges();
      },
      (e: unknown) => {
        this.page.pendingSets = this.page.pendingSets.filter((s) => !s.startsWith(`${p.path}=`));
        showError(messageOf(e));
      },
    );
  }

  shareLink(): string {
    const repro = this.run.reproducible();
    const shared: Shared = this.page.source.id
      ? { scenario: this.page.source.id, sets: this.page.sets, seed: this.run.seed, interventions: repro.interventions }
      : {
          scenario: { ...repro, interventions: [] } as unknown as Record<string, unknown>,
          sets: [],
          seed: this.run.seed,
          interventions: repro.interventions,
        };
    return `${location.origin}${location.pathname}${encodeShared(shared)}`;
  }

  openShared(shared: Shared, scenario: Scenario): Promise<void> {
    this.page.source =
      typeof shared.scenario === 'string'
        ? { id: shared.scenario, label: shared.scenario, base: shipped(shared.scenario) ?? scenario }
        : {
            object: { ...(scenario as unknown as Record<string, unknown>), interventions: [] },
            label: 'shared link',
            base: { ...scenario, interventions: [] },
          };
    this.page.linkInterventions = scenario.interventions;
    if (this.page.source.id) ($('scenario') as HTMLSelectElement).value = this.page.source.id;
    // The link's interventions are part of the scenario now; its overrides stay overrides of a shipped one.
    this.page.sets = this.page.source.id ? shared.sets : [];
    this.page.seed = shared.seed;
    return this.start(scenario);
  }
}
