import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScene, SCENES, SCENE_CODES } from './scenes.ts';
import { PrivacyError } from '../errors.ts';

test('parseScene accepts every listed code', () => {
  for (const code of SCENE_CODES) assert.equal(parseScene(code), code);
  // Labels are distinct, so the console and audit export never show two scenes alike.
  assert.equal(new Set(SCENES.map((scene) => scene.zh)).size, SCENES.length);
  assert.equal(new Set(SCENES.map((scene) => scene.en)).size, SCENES.length);
});

test('parseScene rejects unknown values and lists the valid ones', () => {
  for (const bad of ['marketing', 'Delivery', '', 42, undefined]) {
    assert.throws(() => parseScene(bad), (error: unknown) => {
      assert.ok(error instanceof PrivacyError);
      assert.equal(error.code, 'unknown_scene');
      assert.match(error.message, /use one of: pickup, delivery, return, customs/);
      assert.deepEqual(error.details['validScenes'], SCENE_CODES);
      return true;
    });
  }
});
