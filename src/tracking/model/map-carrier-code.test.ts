import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { incidentReasons, isIncidentReason } from './incident-reason.ts';
import { codeSets, codeTables, mapCarrierCode, type MappedCode, type UnknownCode } from './map-carrier-code.ts';
import { isStatus } from './status.ts';
import { isSubStatusOf } from './sub-status.ts';

for (const codeSet of codeSets) {
  describe(`every ${codeSet} row maps to a valid canonical outcome`, () => {
    for (const rawCode of Object.keys(codeTables[codeSet])) {
      test(rawCode, () => {
        const mapped = mapCarrierCode(codeSet, rawCode);
        assert.equal(mapped.known, true);
        if (!mapped.known) return;
        assert.ok(isStatus(mapped.status), `status ${mapped.status}`);
        if (mapped.subStatus !== undefined) {
          assert.ok(isSubStatusOf(mapped.status, mapped.subStatus), `${mapped.subStatus} under ${mapped.status}`);
        }
        if (mapped.incidentReason !== undefined) assert.ok(isIncidentReason(mapped.incidentReason));
        assert.notEqual(mapped.meaning, '');
      });
    }
  });
}

describe('code-set coverage', () => {
  test('kuaidi100 holds exactly the documented state and resultv2 codes', () => {
    const states = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '10', '11', '12', '13', '14'];
    const resultv2 = ['101', '102', '103', '1001', '1002', '1003', '501', '301', '302', '303', '304', '401'];
    assert.deepEqual(Object.keys(codeTables.kuaidi100).sort(), [...states, ...resultv2].sort());
  });

  test('kdniao holds exactly the documented StateEx codes', () => {
    const problems = ['401', '402', '403', '404', '405', '406', '407'];
    for (let code = 412; code <= 423; code += 1) problems.push(String(code));
    const expected = ['0', '1', '10', '2', '201', '202', '204', '205', '206', '211', '3', '301', '302', '304', '311']
      .concat(['4', ...problems, '5', '6', '601', '602', '603', '604']);
    assert.deepEqual(Object.keys(codeTables.kdniao).sort(), expected.sort());
  });

  test('every incident reason can be reported through the generic code set', () => {
    const reachable = new Set(Object.values(codeTables.generic).map((row) => row.incidentReason));
    assert.deepEqual(incidentReasons.filter((reason) => !reachable.has(reason)), []);
  });
});

function statusOf(result: MappedCode | UnknownCode): string {
  return result.known ? result.status : 'unknown';
}

describe('mapCarrierCode', () => {
  test('maps a known code and keeps the raw code', () => {
    assert.deepEqual(mapCarrierCode('kdniao', '404'), {
      known: true,
      codeSet: 'kdniao',
      rawCode: '404',
      meaning: '拒收(退件)',
      status: 'exception',
      subStatus: 'refused',
      incidentReason: 'recipient_refused',
    });
  });

  test('the same code means different things in different code sets', () => {
    // "4" is 退签 (returned) in Kuaidi100 but 问题件 (exception) in Kdniao.
    assert.equal(statusOf(mapCarrierCode('kuaidi100', '4')), 'returned');
    assert.equal(statusOf(mapCarrierCode('kdniao', '4')), 'exception');
  });

  test('an unknown code is a typed result naming the code set, not a throw', () => {
    const result = mapCarrierCode('kdniao', '999');
    assert.equal(result.known, false);
    assert.equal(result.codeSet, 'kdniao');
    assert.equal(result.rawCode, '999');
    assert.match(result.known ? '' : result.message, /raw code "999" is not in the kdniao code set; known codes: 0, 1, 2, 3, 4, 5, 6, 10, 201,/);
  });

  test('prototype member names are unknown codes', () => {
    for (const rawCode of ['constructor', '__proto__', 'toString']) {
      assert.equal(mapCarrierCode('generic', rawCode).known, false, rawCode);
    }
  });

  test('codes are matched exactly (no case folding or trimming)', () => {
    assert.equal(mapCarrierCode('generic', 'delivered_signed').known, false);
    assert.equal(mapCarrierCode('kuaidi100', ' 3').known, false);
  });
});
