/**
 * The organization, drawn on a canvas so that thousands of agents animate smoothly: on the left, employees
 * as dots clustered by team inside their department; on the right, the open communities and the external
 * community as circles sized by their candidate members and shaded by how many took part this tick.
 * Positions are computed once per layout; each frame only repaints colours.
 */
import * as d3 from '../d3.ts';
import type { AgentSnapshot, Layout } from '../../workers/api.ts';
import { STATE_COLOURS } from '../palette.ts';
import { exportCanvasPng } from '../export.ts';

interface Positions {
  agentX: Float32Array;
  agentY: Float32Array;
  dot: number;
  groups: { g: number; x: number; y: number; r: number; kind: number }[];
}

export class OrgView {
  private readonly canvas: HTMLCanvasElement;
  private positions: Positions | undefined;
  private layout: Layout | undefined;
  private height = 380;
  private snapshot: AgentSnapshot | undefined;
  private readonly box: HTMLElement;

  constructor(root: HTMLElement) {
    root.replaceChildren();
    const h = document.createElement('h2');
    const t = document.createElement('span');
    t.textContent = 'The organization this working day';
    const tools = document.createElement('span');
    tools.className = 'tools';
    const png = document.createElement('button');
    png.type = 'button';
    png.textContent = 'PNG';
    png.setAttribute('aria-label', 'Download the organization view as PNG');
    png.addEventListener('click', () => exportCanvasPng(this.canvas, 'organization.png'));
    tools.append(png);
    h.append(t, tools);
    const legend = document.createElement('div');
    legend.className = 'legend';
    for (const [label, colour] of [
      ['contributed', STATE_COLOURS.contributed],
      ['read only', STATE_COLOURS.read],
      ['absent', STATE_COLOURS.absent],
      ['community: share of members taking part (darker = more)', d3.interpolateBlues(0.8)],
    ] as const) {
      const s = document.createElement('span');
      s.textContent = label;
      s.style.setProperty('--swatch', colour);
      legend.append(s);
    }
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute(
      'aria-label',
      'Employees by team and department, coloured by what they did this working day; communities shaded by ' +
        'participation',
    );
    this.box = document.createElement('div');
    this.box.className = 'org-box';
    this.box.append(this.canvas);
    // Laid out again when its box changes size (presenter mode, a resized window).
    let size = '';
    new ResizeObserver(() => {
      const now = `${this.box.clientWidth}x${this.box.clientHeight}`;
      if (now === size || !this.layout) return;
      size = now;
      this.setLayout(this.layout);
      this.draw(this.snapshot);
    }).observe(this.box);
    const cap = document.createElement('figcaption');
    cap.textContent =
      'Left: each dot is an employee, teams grouped by department; managers have a dark ring. Right: open ' +
      'communities (one circle each; inactive duplicates are not drawn) and the external community (thick ' +
      'outline).';
    root.append(h, legend, this.box, cap);
  }

  setLayout(layout: Layout): void {
    this.layout = layout;
    const width = Math.max(200, Math.floor(this.box.clientWidth || 1000));
    this.height = Math.max(120, Math.floor(this.box.clientHeight || 380));
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    this.canvas.width = width * dpr;
    this.canvas.height = this.height * dpr;
    this.canvas.style.width = '100%';
    this.canvas.style.height = '100%';
    this.canvas.getContext('2d')!.setTransform(dpr, 0, 0, dpr, 0, 0);
    const teamsW = width * 0.62;
    // Departments in a grid; teams in a grid inside; members in a small grid inside the team.
    const depts = layout.departments;
    const cols = Math.ceil(Math.sqrt((depts * teamsW) / this.height));
    const rows = Math.ceil(depts / cols);
    const cellW = teamsW / cols;
    const cellH = this.height / rows;
    const teamsPerDept = Math.ceil(layout.teams / depts);
    const tCols = Math.ceil(Math.sqrt(teamsPerDept * (cellW / cellH)));
    const tRows = Math.ceil(teamsPerDept / tCols);
    const teamW = (cellW - 6) / tCols;
    const teamH = (cellH - 6) / tRows;
    const size = new Int32Array(layout.teams);
    for (let i = 0; i < layout.employees; i++) size[layout.team[i]!]!++;
    const maxTeam = Math.max(1, ...size);
    const mCols = Math.ceil(Math.sqrt(maxTeam * (teamW / teamH)));
    const mRows = Math.ceil(maxTeam / mCols);
    const dot = Math.max(0.8, Math.min(teamW / mCols, teamH / mRows) * 0.4);
    const agentX = new Float32Array(layout.employees);
    const agentY = new Float32Array(layout.employees);
    const seen = new Int32Array(layout.teams);
    const firstTeamOfDept = new Int32Array(depts).fill(-1);
    for (let i = 0; i < layout.employees; i++) {
      const d = layout.department[i]!;
      const team = layout.team[i]!;
      if (firstTeamOfDept[d] === -1 || team < firstTeamOfDept[d]!) firstTeamOfDept[d] = team;
    }
    for (let i = 0; i < layout.employees; i++) {
      const d = layout.department[i]!;
      const team = layout.team[i]!;
      const k = team - firstTeamOfDept[d]!;
      const m = seen[team]!++;
      const x0 = (d % cols) * cellW + 3 + (k % tCols) * teamW;
      const y0 = Math.floor(d / cols) * cellH + 3 + Math.floor(k / tCols) * teamH;
      agentX[i] = x0 + ((m % mCols) + 0.5) * (teamW / mCols);
      agentY[i] = y0 + (Math.floor(m / mCols) + 0.5) * (teamH / mRows);
    }
    // Communities packed by d3.pack on the right.
    const items: { g: number; kind: number; value: number }[] = [];
    for (let g = 0; g < layout.groupKind.length; g++)
      if (layout.groupKind[g] !== 0 && layout.groupSize[g]! > 0)
        items.push({ g, kind: layout.groupKind[g]!, value: layout.groupSize[g]! });
    const root = d3
      .hierarchy<{ children?: typeof items; value?: number; g?: number; kind?: number }>({ children: items })
      .sum((d) => d.value ?? 0);
    const packed = d3
      .pack<{ children?: typeof items; value?: number; g?: number; kind?: number }>()
      .size([width - teamsW - 12, this.height - 8])
      .padding(1.5)(root);
    const groups = packed
      .leaves()
      .map((n) => ({ g: n.data.g!, kind: n.data.kind!, x: teamsW + 8 + n.x, y: 4 + n.y, r: n.r }));
    this.positions = { agentX, agentY, dot, groups };
  }

  draw(snapshot: AgentSnapshot | undefined): void {
    this.snapshot = snapshot;
    const p = this.positions;
    const layout = this.layout;
    if (!p || !layout) return;
    const ctx = this.canvas.getContext('2d')!;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const colours = [STATE_COLOURS.absent, STATE_COLOURS.read, STATE_COLOURS.contributed];
    // One path per colour: three fills instead of one per agent.
    for (let s = 0; s < 3; s++) {
      ctx.beginPath();
      for (let i = 0; i < layout.employees; i++) {
        if ((snapshot ? snapshot.state[i]! : 0) !== s) continue;
        ctx.moveTo(p.agentX[i]! + p.dot, p.agentY[i]!);
        ctx.arc(p.agentX[i]!, p.agentY[i]!, p.dot, 0, 2 * Math.PI);
      }
      ctx.fillStyle = colours[s]!;
      ctx.fill();
    }
    ctx.beginPath();
    for (let i = 0; i < layout.employees; i++) {
      if (layout.role[i] !== 1) continue;
      ctx.moveTo(p.agentX[i]! + p.dot + 0.8, p.agentY[i]!);
      ctx.arc(p.agentX[i]!, p.agentY[i]!, p.dot + 0.8, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 0.8;
    ctx.stroke();
    for (const c of p.groups) {
      const share = snapshot ? snapshot.groupShare[c.g]! : -1;
      if (share < 0) continue; // inactive community (a duplicate not created yet, or merged)
      ctx.beginPath();
      ctx.arc(c.x, c.y, c.r, 0, 2 * Math.PI);
      ctx.fillStyle = d3.interpolateBlues(0.1 + 0.85 * Math.min(1, share * 1.5));
      ctx.fill();
      ctx.strokeStyle = c.kind === 2 ? '#000' : '#555';
      ctx.lineWidth = c.kind === 2 ? 2 : 0.5;
      ctx.stroke();
    }
  }
}
