import { describe, expect, it } from 'vitest';
import { maskPii } from '../src/logging.js';
import { memoryLogger } from './helpers.js';

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
});
