/**
 * @module Scene codes: the fixed list of purposes for which personal data may be decrypted.
 * Every decrypt call names one, and the audit log records it (PIPL Art. 6: purpose limitation).
 */
import { PrivacyError } from '../errors.ts';

/** Each scene with its labels for the console and the audit export. */
export const SCENES = [
  { code: 'pickup', zh: '上门揽收', en: 'Pickup from the sender' },
  { code: 'delivery', zh: '派送投递', en: 'Delivery to the recipient' },
  { code: 'return', zh: '退件退回', en: 'Return to the sender' },
  { code: 'customs', zh: '海关申报', en: 'Customs declaration' },
  { code: 'complaint', zh: '投诉处理', en: 'Complaint handling' },
  { code: 'claim', zh: '理赔处理', en: 'Loss or damage claim' },
  { code: 'after_sales', zh: '售后服务', en: 'After-sales service' },
  { code: 'law_enforcement', zh: '执法调取', en: 'Request from a law enforcement authority' },
  { code: 'regulatory_inspection', zh: '监管核查', en: 'Inspection by the postal regulator' },
  { code: 'data_subject_request', zh: '个人信息查阅', en: 'The person asking for their own data' },
] as const;

/** A scene code such as `delivery`. */
export type Scene = (typeof SCENES)[number]['code'];

/** Every valid scene code, in list order. */
export const SCENE_CODES: readonly Scene[] = SCENES.map((scene) => scene.code);

/** Scenes only a regulator may use, and only for a named case; a regulator may use no other. */
export const REGULATOR_SCENES: readonly Scene[] = ['law_enforcement', 'regulatory_inspection'];

/** Check that `value` is a scene code; throws `unknown_scene` listing the valid ones. */
export function parseScene(value: unknown): Scene {
  const match = SCENE_CODES.find((code) => code === value);
  if (match === undefined) {
    throw new PrivacyError(
      'unknown_scene',
      `unknown decryption purpose ${JSON.stringify(value)}; use one of: ${SCENE_CODES.join(', ')}`,
      { details: { validScenes: SCENE_CODES } },
    );
  }
  return match;
}
