import { describe, expect, it } from 'vitest';
import { availableEvents, eventTitles, stateTitles } from '../../src/flow/events.js';
import { isRefusal } from '../../src/flow/refusals.js';
import { step } from '../../src/flow/step.js';
import type { Actor, ApplicationFlow, ApplicationSnapshot } from '../../src/flow/types.js';
import { createApplicationFlow } from '../../src/flow/create.js';
import { actors, bundleDefinition, composedOf, fixtureFlow, items, ok, registryOf, run, TO_ACCEPTANCE } from './fixtures.js';

const { flow } = fixtureFlow();
const at = '2025-03-04T02:00:00.000Z';
const summary = (flow: ApplicationFlow, snapshot: ApplicationSnapshot, actor: Actor) =>
  availableEvents(flow, snapshot, actor).map((e) => `${e.item ? `${e.item}/` : ''}${e.type}${e.input ? ` (${e.input}${e.reasonRequired ? ', required' : ''})` : ''}`);

/** Every event the active states handle, as the machine config lists them (whoever may send them). */
function handled(snapshot: ApplicationSnapshot): Array<{ type: string; item?: string }> {
  const out: Array<{ type: string; item?: string }> = [];
  const visit = (node: { on?: object; states?: Record<string, never> }, v: unknown) => {
    for (const key of Object.keys(node.on ?? {})) {
      const slash = key.indexOf('/');
      out.push(slash === -1 ? { type: key } : { type: key.slice(slash + 1), item: key.slice(0, slash) });
    }
    if (typeof v === 'string' && node.states?.[v]) visit(node.states[v], undefined);
    else if (v && typeof v === 'object') for (const [k, sub] of Object.entries(v)) if (node.states?.[k]) visit(node.states[k], sub);
  };
  visit(flow.machine as never, snapshot.value);
  return out.filter((e) => e.type !== 'OVERDUE');
}

describe('availableEvents', () => {
  it('offers the window clerk CLAIM on a submitted application, the applicant WITHDRAW, a reviewer nothing yet', () => {
    const submitted = run(flow, TO_ACCEPTANCE.slice(0, 1)).snapshot;
    expect(summary(flow, submitted, actors.clerk)).toEqual(['CLAIM']);
    expect(availableEvents(flow, submitted, actors.clerk)[0]!.branches).toEqual([
      { title: { 'zh-CN': '签收', en: 'Claim' }, target: { path: 'reception.preReview', title: { 'zh-CN': '预审', en: 'Pre-review' }, final: false } },
    ]);
    expect(summary(flow, submitted, actors.applicant)).toEqual(['WITHDRAW (reason)']);
    expect(summary(flow, submitted, actors.stranger)).toEqual([]);
    expect(summary(flow, submitted, actors.police)).toEqual([]);
    expect(summary(flow, submitted, actors.otherClerk)).toEqual([]);
  });

  it('offers acceptance, a supplement request and a refusal in pre-review, each with what it carries and where it leads', () => {
    const claimed = run(flow, TO_ACCEPTANCE.slice(0, 2)).snapshot;
    expect(summary(flow, claimed, actors.clerk)).toEqual(['ACCEPT', 'REQUEST_SUPPLEMENT (supplement)', 'REJECT (reason)']);
    const targets = availableEvents(flow, claimed, actors.clerk).map((e) => e.branches.map((b) => [b.target?.path, b.target?.final]));
    expect(targets).toEqual([[['accepted', false]], [['supplement', false]], [['rejected', true]]]);
    const accepted = run(flow, TO_ACCEPTANCE).snapshot;
    expect(availableEvents(flow, accepted, actors.health).map((e) => e.branches[0]!.target?.outcome)).toEqual(['approved', 'rejected', undefined]);
  });

  it('offers each reviewer only their own item’s events once the application is accepted, and nothing for a decided item', () => {
    const accepted = run(flow, TO_ACCEPTANCE).snapshot;
    expect(summary(flow, accepted, actors.health)).toEqual(['birth-cert/APPROVE', 'birth-cert/REJECT (reason, required)', 'birth-cert/REQUEST_SUPPLEMENT (supplement)']);
    expect(summary(flow, accepted, actors.police)).toEqual(['hukou/CHECK', 'hukou/APPROVE', 'hukou/REJECT']);
    expect(availableEvents(flow, accepted, actors.police)[0]!.branches[0]!.target).toBeUndefined();
    expect(availableEvents(flow, accepted, actors.police)[1]!.branches[0]!.target).toEqual({ path: 'processing.hukou.approved', title: { 'zh-CN': 'processing.hukou.approved', en: 'processing.hukou.approved' }, final: true, outcome: 'approved' });
    expect(summary(flow, accepted, actors.clerk)).toEqual([]);
    const approved = ok(step(flow, accepted, { type: 'APPROVE', item: 'birth-cert' }, actors.health, at)).snapshot;
    expect(summary(flow, approved, actors.health)).toEqual([]);
  });

  it('offers nothing once the application is done', () => {
    const claimed = run(flow, TO_ACCEPTANCE.slice(0, 2)).snapshot;
    const rejected = ok(step(flow, claimed, { type: 'REJECT', reason: '不符合条件' }, actors.clerk, at)).snapshot;
    for (const actor of Object.values(actors)) expect(availableEvents(flow, rejected, actor)).toEqual([]);
  });

  it('agrees with step: an event the states handle is refused for its role exactly when it is not offered', () => {
    const snapshots = [1, 2, 3].map((n) => run(flow, TO_ACCEPTANCE.slice(0, n)).snapshot);
    let checked = 0;
    for (const snapshot of snapshots) {
      for (const actor of Object.values(actors)) {
        const offered = new Set(availableEvents(flow, snapshot, actor).map((e) => `${e.item ?? ''}/${e.type}`));
        for (const event of handled(snapshot)) {
          const result = step(flow, snapshot, { ...event, reason: '理由', fields: ['child.name'], materials: [] }, actor, at);
          const forbidden = isRefusal(result) && result.refused.code === 'role-forbidden';
          expect([`${event.item ?? ''}/${event.type}`, actor.id, forbidden]).toEqual([`${event.item ?? ''}/${event.type}`, actor.id, !offered.has(`${event.item ?? ''}/${event.type}`)]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('the branch an event takes now', () => {
  it('is found by trying the step when the conditions read the data, not the payload', () => {
    const t = (zh: string) => ({ 'zh-CN': zh, en: zh });
    const chart = (name: string) => ({
      initial: 'review',
      states: {
        review: {
          on: {
            PASS: [
              { target: 'inspection', guard: { type: 'rule', params: { rule: { '==': [{ var: 'data.childName' }, name] } } }, meta: { title: t('安排核查'), roles: ['reviewer'] } },
              { target: 'approved', meta: { title: t('直接通过'), roles: ['reviewer'] } },
            ],
          },
        },
        inspection: { meta: { title: t('现场核查') }, on: { DONE: { target: 'approved', meta: { roles: ['reviewer'] } } } },
        approved: { type: 'final', meta: { outcome: 'approved' } },
      },
    });
    const bundle = bundleDefinition();
    const pass = (name: string) => {
      const registry = registryOf([{ ...items['birth-cert'], flow: chart(name) as never }, items.hukou, items.insurance], [bundle]);
      const branched = createApplicationFlow(composedOf(bundle), registry).value!;
      const accepted = run(branched, TO_ACCEPTANCE).snapshot;
      expect(accepted.context.data).toMatchObject({ child: { name: '小明' } });
      // events with one branch, or carrying a reason or a supplement, are not tried
      expect(availableEvents(branched, accepted, actors.police).every((e) => e.next === undefined)).toBe(true);
      return availableEvents(branched, accepted, actors.health).find((e) => e.type === 'PASS')!;
    };
    expect(pass('小明').title).toEqual(t('安排核查 / 直接通过'));
    // a timeline names each branch by its own title
    const registry = registryOf([{ ...items['birth-cert'], flow: chart('小明') as never }, items.hukou, items.insurance], [bundle]);
    const titles = eventTitles(createApplicationFlow(composedOf(bundle), registry).value!);
    expect([titles['birth-cert/PASS'], titles['birth-cert/PASS@processing.birth-cert.inspection'], titles['birth-cert/PASS@processing.birth-cert.approved']]).toEqual([t('安排核查'), t('安排核查'), t('直接通过')]);
    expect(pass('小明').next).toBe(0); // the child is called 小明: the inspection
    expect(pass('小红').next).toBe(1); // not: straight to approval
  });
});

describe('eventTitles', () => {
  it('names the orchestration’s events by type and the items’ by item and type', () => {
    const titles = eventTitles(flow);
    expect(titles['CLAIM']).toEqual({ 'zh-CN': '签收', en: 'Claim' });
    expect(titles['REQUEST_SUPPLEMENT']).toEqual({ 'zh-CN': '一次性告知补正', en: 'Request a supplement' });
    // the fixture's item charts give their transitions no titles
    expect(Object.keys(titles).filter((k) => k.includes('/'))).toEqual([]);
  });
});

describe('stateTitles', () => {
  it('names every state of the orchestration and of each item’s region by path', () => {
    const titles = stateTitles(flow);
    expect(titles['reception']).toEqual({ 'zh-CN': '综窗受理', en: 'Reception at the window' });
    expect(titles['reception.preReview']).toEqual({ 'zh-CN': '预审', en: 'Pre-review' });
    expect(titles['processing.hukou']).toEqual({ 'zh-CN': 'hukou', en: 'hukou' });
    expect(Object.keys(titles).some((p) => p.includes('@'))).toBe(false);
  });
});
