import assert from 'node:assert/strict';
import { it } from 'node:test';
import { scrubMessage } from './scrub-message.ts';

it('masks mobiles and resident ids inside scan messages and leaves other digits', () => {
  assert.equal(scrubMessage('已由本人签收 13812341234'), '已由本人签收 138****1234');
  assert.equal(scrubMessage('身份证 21020219900101123X 验证'), '身份证 2****************X 验证');
  assert.equal(scrubMessage('到达大连转运中心 210211 第3号'), '到达大连转运中心 210211 第3号');
  assert.equal(scrubMessage('waybill GULL0000000000019'), 'waybill GULL0000000000019');
});
