/**
 * The page: wires controls, the parameters panel and the charts to a live run in a web worker. No model code
 * runs here; this file reacts. Its state is one object (viz/page-state.ts); the run's scenario and changes are
 * viz/run-control.ts's, the charts viz/live-charts.ts's.
 */
import { agentCsvHeader, agentCsvRows } from '../src/metrics/agents.ts';
import { LiveRun, type Speed } from './live.ts';
import { catalog, shipped } from './scenarios.ts';
import { checkShared, warmValidator } from './validator.ts';
import { download, runCsv, runJson } from './export.ts';
import type { Manifest } from '../src/research/manifest.ts';
import * as d3 from './d3.ts';
import { LIVE_EVENTS } from './interventions.ts';
import { LiveCharts } from './live-charts.ts';
import { RunControl } from './run-control.ts';
import { clearError, messageOf, notice, showError } from './messages.ts';
import { initialPage, type Mode } from './page-state.ts';
import type { CompareView } from './compare/view.ts';
import type { StoryMode } from './story.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Everything the page holds, in one object. */
const page = initialPage();
const run = new LiveRun();
const charts = new LiveCharts(run);
const control = new RunControl(page, run, charts);

// The header wraps on a narrow screen (84 px at 1366): the panel sticks under its real height, not a guess.
const bar = document.querySelector<HTMLElement>('header.bar')!;
new ResizeObserver(() =>
  document.documentElement.style.setProperty('--bar-h', `${Math.ceil(bar.getBoundingClientRect().height)}px`),
).observe(bar);

// --- Controls.
const picker = $('scenario') as HTMLSelectElement;
for (const entry of catalog()) {
  const o = new Option(`${entry.name}`, entry.id);
  o.title = entry.description;
  picker.add(o);
}
picker.addEventListener('change', () => picker.value !== '__run' && void control.openId(picker.value));
const togglePlay = () => {
  charts.invalidate();
  // At the horizon, Play plays the run again from day 0 (its live changes scheduled on the same days).
  if (run.done) {
    run.playing = true;
    void control.start(run.reproducible());
    return;
  }
  run.playing = !run.playing;
};
const step = () => {
  run.playing = false;
  void run.advance(1);
  charts.invalidate();
};
$('play').addEventListener('click', togglePlay);
$('step').addEventListener('click', step);
$('reset').addEventListener('click', () => void control.requestReset());
$('apply-reset').addEventListener('click', () => void control.requestReset());
$('changes-day0-undo').addEventListener('click', () => {
  page.sets = [];
  void control.requestReset();
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
    page.seed = v;
    void control.requestReset();
  } else
    showError(
      `seed = ${($('seed') as HTMLInputElement).value} is not allowed; expected a whole number from 0 to ` +
        `${2 ** 31 - 1}`,
    );
});
$('file').addEventListener('change', () => {
  const f = ($('file') as HTMLInputElement).files?.[0];
  if (f) void control.openFile(f);
  ($('file') as HTMLInputElement).value = '';
});
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer?.files[0];
  if (f) void control.openFile(f);
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
    if (!manifest || !runs)
      throw new Error(
        `choose a sweep folder's manifest.json and runs.csv together (and indices.csv after a sensitivity ` +
          `analysis); got ${files.map((f) => f.name).join(', ') || 'nothing'}`,
      );
    const m = JSON.parse(await manifest.text()) as Manifest;
    if (!m || !Array.isArray(m.parameters) || !Array.isArray(m.outcomes) || !m.design || !m.scenario)
      throw new Error('manifest.json: not the manifest of an orgsim sweep');
    const [{ reportData }, { drawReport }, { REPORT_CSS }, { scopeCss }] = await Promise.all([
      import('../src/research/report/data.ts'),
      import('./research/charts.ts'),
      import('../src/research/report/page.ts'),
      import('./research/scope-css.ts'),
    ]);
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
  const link = control.shareLink();
  history.replaceState(null, '', link);
  navigator.clipboard?.writeText(link).then(
    () => notice('Link copied: it reproduces this run exactly.'),
    () => notice(`Link: ${link}`),
  );
});
$('export-csv').addEventListener('click', () =>
  download('orgsim-run.csv', new Blob([runCsv(run)], { type: 'text/csv' })),
);
$('export-json').addEventListener('click', () =>
  download('orgsim-run.json', new Blob([runJson(run, control.currentName())], { type: 'application/json' })),
);
$('export-agents').addEventListener('click', async () => {
  const columns = await run.agentTable();
  download(
    `orgsim-agents-${page.source.label
      .replace(/\.json$/i, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .slice(0, 60)}${page.sets.length ? '-modified' : ''}-day-${run.tick}.csv`,
    new Blob([agentCsvHeader(columns), agentCsvRows(0, run.seed, columns)], { type: 'text/csv' }),
  );
});
for (const ev of LIVE_EVENTS) {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = `event-${ev.id}`;
  b.textContent = ev.label;
  b.title = `“${ev.seed}”`;
  b.addEventListener('click', () => {
    run.intervene(ev.change(run.params), ev.label).then(
      () => {
        notice(`${ev.label}: from day ${run.tick}`);
        control.showChanges();
      },
      (e: unknown) => showError(messageOf(e)),
    );
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
function loadViews(): Promise<{ compare: CompareView; story: StoryMode }> {
  page.views ??= Promise.all([import('./compare/view.ts'), import('./story.ts')]).then(([c, st]) => {
    page.compare = new c.CompareView(
      () => ({
        scenario: run.scenario ? run.reproducible() : shipped('baseline')!,
        name:
          control.currentName() +
          (run.liveChanges.length
            ? ` + ${run.liveChanges.length} live change${run.liveChanges.length > 1 ? 's' : ''}`
            : ''),
      }),
      () => {
        run.playing = false;
        charts.invalidate();
      },
    );
    page.story = new st.StoryMode(page.compare, () => setMode('compare'), showError);
    return { compare: page.compare, story: page.story };
  });
  return page.views;
}
function setMode(m: Mode): void {
  if (m === page.mode && m === 'live') return;
  const leaving = page.mode === 'compare' && m === 'live';
  if (m === 'compare' && page.mode === 'live') page.playingBeforeCompare = run.playing && !run.done;
  page.mode = m;
  const comparing = m === 'compare';
  $('compare-view').hidden = !comparing;
  document.querySelector<HTMLElement>('main.layout')!.hidden = comparing;
  document.querySelector<HTMLElement>('nav.events')!.hidden = comparing;
  $('monitors').hidden = comparing;
  $('compare-open').setAttribute('aria-pressed', String(comparing));
  $('story-open').setAttribute('aria-pressed', String(!!page.story?.active));
  for (const id of ['play', 'step', 'reset', 'speed', 'seed']) ($(id) as HTMLButtonElement).disabled = comparing;
  // A view opens at its top, not at the scroll position of the one it replaces.
  window.scrollTo(0, 0);
  if (comparing) page.compare?.show();
  if (leaving && page.playingBeforeCompare) {
    run.playing = true;
    charts.invalidate();
  }
}
async function toggleCompare(): Promise<void> {
  const v = await loadViews();
  if (page.mode === 'compare') {
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
$('story-close').addEventListener('click', () => void page.story?.close().then(() => setMode('live')));

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
  else if (e.key === 'Escape' && page.mode === 'compare' && !help.open)
    void page.story?.close().then(() => setMode('live'));
  // A story: next and previous (presentation remotes send Page Down and Page Up).
  else if (page.story?.active && ['ArrowRight', 'PageDown', 'n'].includes(e.key))
    void page.story.go(page.story.index + 1);
  else if (page.story?.active && ['ArrowLeft', 'PageUp', 'b'].includes(e.key)) void page.story.go(page.story.index - 1);
  // The live run's keys act only where it is shown.
  else if (page.mode !== 'live') return;
  else if (e.key === ' ') {
    // Space on a focused button presses it; elsewhere it plays or pauses.
    if (target.tagName === 'BUTTON') return;
    togglePlay();
  } else if (e.key === 'ArrowRight') step();
  else if (e.key === 'r') void control.requestReset();
  else if (/^[1-9]$/.test(e.key) && catalog()[Number(e.key) - 1]) void control.openId(catalog()[Number(e.key) - 1]!.id);
  else return;
  e.preventDefault();
});

run.onData = () => charts.invalidate();
// Looping: at the horizon the same run starts again (its live changes scheduled on the same days).
run.onLoop = () => void control.start(run.reproducible());
run.onError = (e) => showError(messageOf(e));

// Drawing is decoupled from the simulation: at most one redraw per animation frame.
function frame(now: number): void {
  run.pump(now);
  page.compare?.frame(now);
  charts.frame();
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

// Test and automation hook: read-only numbers, never code.
Object.assign(window, {
  __orgsim: {
    get tick() {
      return run.tick;
    },
    get done() {
      return run.done;
    },
    get playing() {
      return run.playing;
    },
    get markers() {
      return run.markers.map((m) => ({ ...m }));
    },
    get longestDraw() {
      return charts.longestDraw;
    },
    get timing() {
      return { ...charts.timing };
    },
    get chunk() {
      return { ticks: run.chunk, computeMs: run.lastComputeMs };
    },
    value: (name: string, t: number) => run.get(name)[t],
    series: (name: string) => Array.from(run.get(name).subarray(0, run.tick)),
    get mode() {
      return page.mode;
    },
    /** Cheap to poll: where the comparison is. */
    get compare() {
      return page.compare?.state();
    },
    /** The full picture (seeds, every run's outcomes, verdicts): read it once, at the end. */
    compareResults: () => page.compare?.snapshot(),
    compareBand: (i: number, metric: string) => {
      const b = page.compare!.band(i, metric);
      return {
        n: b.n,
        mean: Array.from(b.mean),
        lo90: Array.from(b.lo90),
        hi90: Array.from(b.hi90),
        lo95: Array.from(b.lo95),
        hi95: Array.from(b.hi95),
      };
    },
    get story() {
      return {
        active: !!page.story?.active,
        index: page.story?.index ?? 0,
        length: page.story?.length ?? 0,
        title: page.story?.step?.title,
        kind: page.story?.kind,
      };
    },
  },
});

/**
 * A shared link that cannot be opened keeps its error on screen, with a way out: the page never silently
 * shows another run than the one the link names.
 */
function linkFailed(message: string): void {
  const box = $('error');
  box.replaceChildren(
    `This shared link cannot be opened: ${message.replace(/^the shared link /, 'it ').replace(/^shared link: /, '')}.`,
    ' ',
  );
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = 'Open the baseline instead';
  b.addEventListener('click', () => {
    history.replaceState(null, '', location.pathname + location.search);
    void control.openId('baseline');
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
      await control.openShared(shared, scenario);
    } catch (e) {
      linkFailed(messageOf(e).replace(/\.$/, ''));
    }
    return;
  }
  await control.openId('baseline');
  // The scenario worker starts once the page is drawing, ready for the first file or change.
  setTimeout(warmValidator, 1500);
})();
