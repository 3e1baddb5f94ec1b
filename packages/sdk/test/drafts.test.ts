import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../src/api/client.js';
import { DraftSync, type SaveStatus } from '../src/drafts/draft-sync.js';
import { keysFor, newLocalDraft, type LocalDraft } from '../src/drafts/local-draft.js';
import { openStorage } from '../src/drafts/storage.js';
import { openSession } from '../src/session.js';
import { memoryStorage, newborn, until } from './fixtures.js';
import { startServer, token, type SdkTestServer } from './server.js';

let server: SdkTestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const anonymous = () => createApiClient({ server: server.url, timeoutMs: 3_000 });
const version = '1.0.0';

function syncFor(api = anonymous(), draft: LocalDraft = newLocalDraft('newborn-birth', version, 'anonymous')) {
  const storage = openStorage(memoryStorage());
  const statuses: SaveStatus[] = [];
  const key = keysFor(server.url).draft('newborn-birth', draft.owner);
  const sync = new DraftSync(draft, { api, storage, key, delayMs: 30, onStatus: (s) => statuses.push(s) });
  return { sync, storage, statuses, key };
}

async function applicationsOf(owner: string | null) {
  const page = await server.store.listApplications({ ...(owner ? { owner } : {}), order: 'updated', limit: 100 });
  return page.items;
}

describe('drafts', () => {
  it('creates the server draft once, even when the creation is retried with the same key', async () => {
    // Given a creation whose answer was lost
    const api = anonymous();
    const first = await api.createDraft('newborn-birth', version, 'create-key-0001');
    // When the SDK retries it with the draft's key
    const again = await api.createDraft('newborn-birth', version, 'create-key-0001');
    // Then it is the same draft with the same continuation token
    expect(again.application.id).toBe(first.application.id);
    expect(again.continuationToken).toBe(first.continuationToken);
  });

  it('writes each change to the device at once and saves the latest to the server after a quiet moment', async () => {
    const { sync, storage, key, statuses } = syncFor();
    // When three changes come in quick succession
    sync.change({ ...newborn, data: { child: { name: '李' } } });
    sync.change({ ...newborn, data: { child: { name: '李沐' } } });
    sync.change({ ...newborn, data: { child: { name: '李沐阳' } } });
    // Then the device has the last one at once, still to be saved
    expect(storage.read<LocalDraft>(key)).toMatchObject({ pending: true, content: { data: { child: { name: '李沐阳' } } } });
    // And the server gets it once (created, then one save), and the device knows it is saved
    await until(() => statuses.some((s) => s.state === 'saved'));
    const saved = storage.read<LocalDraft>(key)!;
    expect(saved).toMatchObject({ pending: false, revision: 2 });
    const app = await server.store.getApplication(saved.id!);
    expect(app).toMatchObject({ status: 'draft', revision: 2, data: { child: { name: '李沐阳' } } });
    sync.stop();
  });

  it('keeps every change on the device while the server cannot be reached, and saves them when it is back', async () => {
    const { sync, storage, key, statuses } = syncFor();
    sync.change({ ...newborn, data: { child: { name: '李' } } });
    await until(() => statuses.some((s) => s.state === 'saved'));
    // Given the connection drops mid-fill
    await server.stop();
    try {
      sync.change({ ...newborn, data: { child: { name: '李沐阳' }, mother: { name: '王晓燕' } } });
      // Then the person is told, and the device holds the change
      await until(() => statuses.at(-1)?.state === 'offline');
      expect(statuses.at(-1)).toEqual({ state: 'offline', kept: true });
      expect(storage.read<LocalDraft>(key)).toMatchObject({ pending: true, content: { data: { mother: { name: '王晓燕' } } } });
    } finally {
      await server.restart();
    }
    // When the server is back, the retry saves it
    await until(() => statuses.at(-1)?.state === 'saved', 15_000);
    const app = await server.store.getApplication(storage.read<LocalDraft>(key)!.id!);
    expect(app?.data).toEqual({ child: { name: '李沐阳' }, mother: { name: '王晓燕' } });
    sync.stop();
  }, 30_000);

  it('saves over a change made elsewhere meanwhile: the tab being typed in wins', async () => {
    const api = anonymous();
    const { sync, statuses } = syncFor(api);
    sync.change({ ...newborn, data: { child: { name: '李' } } });
    await until(() => statuses.some((s) => s.state === 'saved'));
    // Given another tab saved the same draft (the revision moved on)
    const { id, revision, continuation } = sync.draft;
    await api.saveDraft(id!, revision!, { data: { child: { name: '别的标签页' } } }, { continuation });
    // When this tab saves
    sync.change({ ...newborn, data: { child: { name: '李沐阳' } } });
    await until(() => statuses.filter((s) => s.state === 'saved').length === 2);
    // Then this tab's content is on the server
    expect((await server.store.getApplication(id!))?.data).toEqual({ child: { name: '李沐阳' } });
    sync.stop();
  });

  it('makes one application from two submits at once, and from a retry after a lost answer', async () => {
    const owner = 'double-click';
    const api = createApiClient({ server: server.url, token: await token({ sub: owner, region: '420703' }) });
    const { sync } = syncFor(api, newLocalDraft('newborn-birth', version, owner));
    // When submit is clicked twice
    const [a, b] = await Promise.all([sync.submit(newborn), sync.submit(newborn)]);
    // Then both get the same application, and there is one
    expect(a.id).toBe(b.id);
    expect(a.status).toBe('open');
    expect((await applicationsOf(owner)).map((x) => x.id)).toEqual([a.id]);

    // Given a second draft whose submission reached the server but whose answer was lost
    const second = syncFor(api, newLocalDraft('newborn-birth', version, owner)).sync;
    const id = await second.ensureCreated();
    await api.submit(id, newborn, second.draft.submitKey, {});
    // When the person, seeing no answer, changes a letter and submits again
    const retried = await second.submit({ ...newborn, data: { ...newborn.data, child: { ...(newborn.data['child'] as object), name: '李沐扬' } } });
    // Then it is reported as the submitted application, and no third one exists
    expect(retried).toMatchObject({ id, status: 'open' });
    expect((await applicationsOf(owner)).length).toBe(2);
  });
});

describe('resuming', () => {
  it('restores the draft from the device with its unsaved changes, after a reload', async () => {
    const storage = openStorage(memoryStorage());
    const api = anonymous();
    const first = await openSession({ api, storage, bundle: 'newborn-birth' });
    expect(first.origin).toBe('new');
    const sync = new DraftSync(first.draft, { api, storage, key: first.key, delayMs: 10_000 });
    sync.change({ ...newborn, data: { child: { name: '李沐阳' } } });
    sync.stop(); // the page is closed before autosave ran
    // When the page loads again
    const again = await openSession({ api, storage, bundle: 'newborn-birth' });
    // Then the form shows what was typed
    expect(again.origin).toBe('device');
    expect(again.draft.content.data).toEqual({ child: { name: '李沐阳' } });
    expect(again.draft.pending).toBe(true);
  });

  it('lets a citizen who is not signed in continue on another device with the continuation token alone', async () => {
    const api = anonymous();
    const { sync, statuses } = syncFor(api);
    sync.change({ ...newborn, data: { mother: { name: '王晓燕' } } });
    await until(() => statuses.some((s) => s.state === 'saved'));
    sync.stop();
    // When another device (empty storage) opens the form with the token
    const elsewhere = await openSession({ api, storage: openStorage(memoryStorage()), bundle: 'newborn-birth', continuationToken: sync.draft.continuation });
    // Then it continues the same draft, and can keep saving it
    expect(elsewhere.origin).toBe('server');
    expect(elsewhere.draft).toMatchObject({ id: sync.draft.id, continuation: sync.draft.continuation, content: { data: { mother: { name: '王晓燕' } } } });
  });

  it('never shows one person’s draft on a shared device to another person', async () => {
    const storage = openStorage(memoryStorage());
    const alice = createApiClient({ server: server.url, token: await token({ sub: 'alice-shared', region: '420703' }) });
    const bob = createApiClient({ server: server.url, token: await token({ sub: 'bob-shared', region: '420703' }) });
    const hers = await openSession({ api: alice, storage, bundle: 'newborn-birth', prefill: false });
    const sync = new DraftSync(hers.draft, { api: alice, storage, key: hers.key, delayMs: 10 });
    sync.change({ ...newborn, data: { mother: { name: '爱丽丝' } } });
    await sync.flush();
    sync.stop();
    // When Bob signs in on the same browser
    const his = await openSession({ api: bob, storage, bundle: 'newborn-birth', prefill: false });
    // Then he starts his own, empty draft
    expect(his.origin).toBe('new');
    expect(his.draft.content.data).toEqual({});
    expect(his.draft.id).toBeUndefined();
    // And Alice, back on any device, finds hers on the server
    const back = await openSession({ api: alice, storage: openStorage(memoryStorage()), bundle: 'newborn-birth', prefill: false });
    expect(back).toMatchObject({ origin: 'server', draft: { id: sync.draft.id, content: { data: { mother: { name: '爱丽丝' } } } } });
  });

  it('starts from the device when the server cannot be reached, and says it is offline', async () => {
    const storage = openStorage(memoryStorage());
    const api = anonymous();
    const first = await openSession({ api, storage, bundle: 'newborn-birth' });
    const sync = new DraftSync(first.draft, { api, storage, key: first.key, delayMs: 10 });
    sync.change({ ...newborn, data: { child: { name: '李沐阳' } } });
    await sync.flush();
    sync.stop();
    await server.stop();
    try {
      const offline = await openSession({ api, storage, bundle: 'newborn-birth' });
      expect(offline).toMatchObject({ offline: true, origin: 'device', validator: undefined, draft: { content: { data: { child: { name: '李沐阳' } } } } });
      expect(offline.composed.bundle.id).toBe('newborn-birth');
      // A first visit without a connection has nothing to start from
      await expect(openSession({ api, storage: openStorage(memoryStorage()), bundle: 'newborn-birth' })).rejects.toMatchObject({ code: 'network', status: 0 });
    } finally {
      await server.restart();
    }
  });
});
