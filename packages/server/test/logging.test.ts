import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, maskDeep, maskPii } from '../src/logging.js';
import { memoryLogger } from './helpers.js';
import { requireBuild } from './process.js';

describe('structured logs mask personal numbers', () => {
  it('keeps the first 6 and last 4 of a resident ID and the first 3 and last 4 of a mobile number', () => {
    expect(maskPii('ID 11010519491231002X, tel 13812345678, +86 13912345678')).toBe('ID 110105********002X, tel 138****5678, +86 139****5678');
  });

  it('leaves other numbers alone', () => {
    expect(maskPii('order 1234567890, code 110105, revision 12')).toBe('order 1234567890, code 110105, revision 12');
  });

  it('masks numbers in every field and in the message', () => {
    const { logger, lines } = memoryLogger();
    logger.info({ applicant: { idNumber: '11010519491231002X', phones: ['13812345678'] } }, 'submitted by 11010519491231002X');
    const [line] = lines();
    expect(line?.['applicant']).toEqual({ idNumber: '110105********002X', phones: ['138****5678'] });
    expect(line?.['msg']).toBe('submitted by 110105********002X');
    expect(JSON.stringify(line)).not.toContain('19491231');
  });

  it('leaves a log object untouched (no copy) when nothing in it is personal', () => {
    const entry = { requestId: 'r1', method: 'POST', status: 201, nested: { path: '/api/applications' } };
    expect(maskDeep(entry)).toBe(entry);
  });
});

describe('the default log destination', () => {
  it('writes lines in batches, an error at once, and info lines within a second', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onething-log-'));
    const file = join(dir, 'server.log');
    const logger = createLogger({ file });
    const read = () => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    };
    const until = async (test: () => boolean, ms: number) => {
      const end = Date.now() + ms;
      while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      return test();
    };
    try {
      expect(await until(() => true, 100)).toBe(true); // the file opens asynchronously
      logger.info({ n: 1 }, 'request');
      logger.error({ n: 2 }, 'broken for 13812345678');
      expect(await until(() => read().includes('broken'), 500)).toBe(true);
      expect(read()).toContain('138****5678');
      logger.info({ n: 3 }, 'later');
      expect(await until(() => read().includes('later'), 2500)).toBe(true);
      expect(read().trim().split('\n').map((l) => JSON.parse(l).n)).toEqual([1, 2, 3]);
    } finally {
      logger.flush();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the lines it still holds when the process exits', () => {
    requireBuild();
    const logging = new URL('../dist/logging.js', import.meta.url).href;
    const script = `const { createLogger } = await import(${JSON.stringify(logging)}); createLogger().info('last line'); process.exit(0);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toMatchObject({ level: 30, msg: 'last line', service: 'onething' });
  });
});
