/**
 * The ceiling: the benchmark's hot paths served by a bare node:http server over the same
 * better-sqlite3 database, with the same session check and the same query functions as the app,
 * and plain template-string HTML of about the same size — no React, no Next routing, no middleware.
 * It runs as many worker processes as the app (WEB_CONCURRENCY, node:cluster sharing one port) on
 * the same schema (migrations applied at start, as the app's first worker does), so the ratio
 * compares like with like. What the app reaches is reported as a ratio of this.
 *
 * Run by bench/run.ts:  node --conditions=react-server --import tsx bench/bare.ts <port>
 * (environment: DATABASE_PATH, NEXTAUTH_SECRET, WEB_CONCURRENCY).
 */
import cluster from 'node:cluster';
import http from 'node:http';
import { getDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { loadSessionActor } from '../db/auth/sessions';
import { loadDashboard } from '../db/dashboard/load';
import { findScope } from '../db/dashboard/scope';
import { listCommentPage } from '../db/discussion/discussion';
import { getFollowThrough } from '../db/followthrough/read';
import { companyTasks } from '../db/followthrough/worklists';
import { unreadCount } from '../db/notifications/notifications';
import { findCompoundPlace, listBuildings } from '../db/places/places';
import { getTopic, listTopics, topicSideData, rolesOfPeople, topicTimeline } from '../db/topics/read';
import { castBallot } from '../db/voting/ballots';
import { getVote, myVoterRows, voteTurnout } from '../db/voting/read';
import { countReceipts, listReceipts } from '../db/voting/receipts';
import { SESSION_COOKIE_NAMES, sessionIdFromToken } from '../lib/auth/jwe';
import { type Actor, canViewCompound, companyIdsOf, dashboardView } from '../lib/auth/permissions';
import { parsePeriod } from '../lib/dashboard/period';
import { canCastBallot, checkChoice } from '../lib/voting/rules';

const PORT = Number(process.argv[2] ?? 3420);
const SECRET = process.env.NEXTAUTH_SECRET ?? '';

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(actor: Actor, title: string, body: string) {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head><body><header><a href="/">议事</a> <span>${esc(actor.name)}</span> <span>${unreadCount(actor.personId)}</span></header><main>${body}</main></body></html>`;
}

async function actorOf(req: http.IncomingMessage): Promise<Actor | null> {
  const cookies = Object.fromEntries(
    (req.headers.cookie ?? '').split(/;\s*/).map((c) => {
      const i = c.indexOf('=');
      return [c.slice(0, i), c.slice(i + 1)];
    }),
  );
  const token = SESSION_COOKIE_NAMES.map((n) => cookies[n]).find(Boolean);
  const sid = token ? await sessionIdFromToken(token, SECRET) : null;
  const record = sid ? loadSessionActor(sid) : undefined;
  return record && record.revokedAt === null ? record.actor : null;
}

function topicList(actor: Actor, compoundId: number) {
  const buildings = listBuildings(compoundId);
  const { rows, total } = listTopics(compoundId, { sort: 'new', page: 1 });
  const items = rows
    .map(
      (t) =>
        `<li><a href="/c/${compoundId}/topics/${t.id}"><span>${esc(t.status)}</span> <span>${esc(t.category)}</span> <b>${esc(t.title)}</b><span>${esc(t.authorName)} ${t.cosignCount} ${t.commentCount} ${new Date(t.createdAt).toISOString()}</span></a></li>`,
    )
    .join('');
  const filters = buildings.map((b) => `<option value="${b.id}">${esc(b.name)}</option>`).join('');
  return page(
    actor,
    '议题',
    `<h1>议题</h1><form><select>${filters}</select></form><p>共 ${total} 个议题</p><ul>${items}</ul>`,
  );
}

function topicPage(actor: Actor, place: NonNullable<ReturnType<typeof findCompoundPlace>>, topicId: number) {
  const topic = getTopic(place.id, topicId, actor.personId);
  if (!topic) return null;
  const comments = listCommentPage(topic.id, actor.personId, null).comments;
  const speakers = rolesOfPeople(place, [...new Set([topic.authorId, ...comments.map((c) => c.authorId)])]);
  const { positions, meetings, votes } = topicSideData(topic.id);
  const timeline = topicTimeline(topic.id);
  const follow = getFollowThrough(topic.id, actor.personId);
  const body = `<article><h1>${esc(topic.title)}</h1><p>${esc(topic.description)}</p><p>${esc(topic.authorName)} ${topic.cosignCount}</p></article>
<section>${positions.map((p) => `<div><h3>${esc(p.party)}</h3><p>${esc(p.body)}</p></div>`).join('')}</section>
<section>${votes.map((v) => `<a href="/c/${place.id}/votes/${v.id}">${esc(v.question)}</a>`).join('')}${meetings.map((m) => `<p>${esc(m.title)}</p>`).join('')}</section>
<section>${follow.decision ? `<p>${esc(follow.decision.body)}</p>` : ''}${follow.updates.map((u) => `<p>${esc(u.body)}</p>`).join('')}</section>
<section><ol>${comments.map((c) => `<li><span>${esc(c.authorName)}</span> <span>${[...(speakers.get(c.authorId) ?? [])].join(' ')}</span><p>${esc(c.body)}</p><button>回复</button> <button>举报</button></li>`).join('')}</ol></section>
<section><ol>${timeline.map((e) => `<li>${esc(e.action)} ${esc(e.actorName)} ${new Date(e.at).toISOString()}</li>`).join('')}</ol></section>`;
  return page(actor, topic.title, body);
}

function votePage(actor: Actor, compoundId: number, voteId: number) {
  const vote = getVote(compoundId, voteId);
  if (!vote) return null;
  const turnout = voteTurnout(vote.id);
  const mine = myVoterRows(vote.id, actor.personId, vote.assemblyId !== null);
  const count = vote.status === 'closed' ? countReceipts(vote.id) : 0;
  // Like the app: the list only for small votes; large ones are looked up or downloaded.
  const receipts = count > 0 && count <= 200 ? listReceipts(vote.id) : [];
  const result = vote.result ? JSON.parse(vote.result) : null;
  const body = `<h1>${esc(vote.question)}</h1><p>${JSON.stringify(turnout)}</p><p>${mine.length}</p><pre>${esc(JSON.stringify(result))}</pre>
<table>${receipts.map((r) => `<tr><td>${esc(r.receiptCode)}</td><td>${esc(r.choice)}</td></tr>`).join('')}</table>`;
  return page(actor, vote.question, body);
}

function tasksPage(actor: Actor) {
  const rows = companyTasks(companyIdsOf(actor), Date.now());
  const items = rows
    .map(
      (r) =>
        `<li><a href="/c/${r.compoundId}/topics/${r.topicId}"><span>${esc(r.status)}</span> ${esc(r.compoundName)} <b>${esc(r.title)}</b> ${new Date(r.deadlineAt).toISOString()} ${r.percent}%</a></li>`,
    )
    .join('');
  return page(actor, '我的任务', `<h1>我的任务</h1><ul>${items}</ul>`);
}

/** A district's dashboard (or its big screen): the same reads and figures, as plain HTML. */
function districtDashboard(actor: Actor, districtId: number, screen: boolean): string | null {
  const node = findScope('district', districtId);
  if (!node || dashboardView(actor, { level: 'district', districtId }) === null) return null;
  const now = Date.now();
  const d = loadDashboard(node, 'full', parsePeriod({}, now), screen ? 'overdue' : 'onTime');
  const t = d.totals;
  const tiles = [
    t.raised,
    t.accepted,
    t.decided,
    t.carried,
    t.closed,
    t.onTimePercent,
    t.overdue,
    t.ratingTenths,
    t.escalated,
  ]
    .map((v) => `<div><b>${v ?? '—'}</b></div>`)
    .join('');
  const rank = (d.ranking ?? [])
    .map(
      (r) =>
        `<tr><th><a href="/d/${r.level}/${r.id}">${esc(r.name)}</a></th><td>${r.totals.raised}</td><td>${r.totals.onTimePercent ?? '—'}</td><td>${r.totals.overdue}</td><td>${r.totals.escalated}</td><td>${r.totals.ratingTenths ?? '—'}</td></tr>`,
    )
    .join('');
  const series = d.series.map((p) => `<tr><td>${p.start}</td><td>${p.raised}</td><td>${p.closed}</td></tr>`).join('');
  const stages = (d.stages ?? [])
    .map((s) => `<tr><td>${s.stage}</td><td>${s.count}</td><td>${s.medianHours}</td><td>${s.slowestHours}</td></tr>`)
    .join('');
  const cats = d.categories.map((c) => `<li>${esc(c.category)} ${c.raised} ${c.closed}</li>`).join('');
  const waiting = (d.waiting?.rows ?? [])
    .map((e) => `<li>${esc(e.compoundName)} ${esc(e.topicTitle)} ${e.raisedAt}</li>`)
    .join('');
  return page(
    actor,
    node.name,
    `<h1>${esc(node.name)}</h1>${tiles}<table>${rank}</table><table>${series}</table><table>${stages}</table><ul>${cats}</ul><ul>${waiting}</ul><p>${d.turnout.votes} ${d.turnout.headPercent} ${d.turnout.areaPercent}</p>`,
  );
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api/health') return send(res, 200, '{"ok":true}', 'application/json');
    const actor = await actorOf(req);
    if (!actor) return send(res, 401, 'signed out');
    if (url.pathname === '/tasks') return send(res, 200, tasksPage(actor));
    const dash = /^\/d\/district\/(\d+)(\/screen)?$/.exec(url.pathname);
    if (dash) {
      const html = districtDashboard(actor, Number(dash[1]), Boolean(dash[2]));
      return html ? send(res, 200, html) : send(res, 404, 'not found');
    }
    const m = /^\/(?:api\/compounds|c)\/(\d+)\/(topics|votes)(?:\/(\d+))?(\/ballots)?$/.exec(url.pathname);
    const place = m ? findCompoundPlace(Number(m[1])) : undefined;
    if (!m || !place || canViewCompound(actor, place)) return send(res, 404, 'not found');
    const id = Number(m[3]);
    if (m[2] === 'topics' && !m[3]) return send(res, 200, topicList(actor, place.id));
    if (m[2] === 'topics') {
      const html = topicPage(actor, place, id);
      return html ? send(res, 200, html) : send(res, 404, 'not found');
    }
    if (m[4] && req.method === 'POST') {
      const body = JSON.parse(await readBody(req)) as { voterKey?: string; choice?: string[] };
      const vote = getVote(place.id, id);
      if (!vote) return send(res, 404, '{}', 'application/json');
      const row = myVoterRows(vote.id, actor.personId, vote.assemblyId !== null).find(
        (v) => v.voterKey === body.voterKey,
      );
      const now = Date.now();
      const denied = canCastBallot(vote, Boolean(row), row?.channel ? { channel: row.channel } : null, now);
      if (denied || !row) return send(res, 409, JSON.stringify({ ok: false, code: denied }), 'application/json');
      const choice = checkChoice(body.choice ?? [], vote.options, vote.choiceMode);
      if (!choice.ok) return send(res, 400, JSON.stringify({ ok: false, code: choice.error }), 'application/json');
      const cast = await castBallot(
        {
          compoundId: place.id,
          voteId: vote.id,
          voterKey: row.voterKey,
          choice: choice.keys,
          personId: actor.personId,
          allowChange: vote.allowChange,
        },
        now,
      );
      if (!cast.ok) return send(res, 409, JSON.stringify({ ok: false, code: cast.error }), 'application/json');
      return send(res, 201, JSON.stringify({ ok: true, data: { receiptCode: cast.receiptCode } }), 'application/json');
    }
    const html = votePage(actor, place.id, id);
    return html ? send(res, 200, html) : send(res, 404, 'not found');
  } catch (error) {
    console.error(error);
    send(res, 500, 'error');
  }
});

const WORKERS = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1));

// As the app's first worker does before the others start: the schema of the newest migration.
if (cluster.isPrimary) migrateDatabase(getDb());
if (cluster.isPrimary && WORKERS > 1) {
  getDb().$client.close();
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  server.listen(PORT, '127.0.0.1');
}
