import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskName } from './mask-name.ts';

test('maskName keeps the first character and stars the rest', () => {
  const cases: Array<[input: string, masked: string]> = [
    ['王小明', '王**'], // 3 characters: keep 王, 2 stars
    ['王明', '王*'],
    ['王', '王*'], // a single character still gets one star
    ['欧阳娜娜', '欧***'], // compound surname: only the first character is kept
    ['阿依古丽·买买提', '阿*******'], // the middle dot counts as a hidden character
    ['𠮷野家', '𠮷**'], // a character outside the BMP is one character, not two
    [' 李 四 ', '李*'],
    ['John Smith', 'J*** S****'],
    ["Mary-Jane O'Neil", 'M******** O*****'],
    ['Li', 'L*'],
    ['', ''],
  ];
  for (const [input, masked] of cases) assert.equal(maskName(input), masked, input);
});
