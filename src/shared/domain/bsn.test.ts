import { describe, expect, it } from 'vitest';
import { isValidBsn } from './bsn';

describe('elfproef', () => {
  // 111222333: 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 − 3 = 66 = 6·11
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each(['111222334', '123456789', '000000000', '12345678', '1234567820', '12345678a'])('rejects %s', (bsn) =>
    expect(isValidBsn(bsn)).toBe(false),
  );
});
