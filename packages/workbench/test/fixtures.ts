// Test data: the example definitions loaded and the newborn bundle composed, as the server
// would serve it; the browser harness's newborn application.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSubmission, compose, load, unproject, validateData, type ComposedBundle, type DefinitionFile, type Json, type Registry } from '@onething/engine';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples/definitions');

let registry: Registry | undefined;

/** The example definitions, loaded once. */
export function examples(): Registry {
  if (registry) return registry;
  const files = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ path: f, content: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) }));
  const loaded = load(files as DefinitionFile[]);
  if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics.slice(0, 3)));
  registry = loaded.value;
  return registry;
}

/** A bundle of the examples composed without answers (as `GET /api/bundles/{id}/versions/{v}` serves it). */
export function composed(bundle: 'newborn-birth' | 'open-restaurant'): ComposedBundle {
  const r = examples();
  const { value } = compose(r.bundle(bundle)!, r);
  if (!value) throw new Error(`${bundle} does not compose`);
  return value;
}

const home = '湖北省鄂州市华容区葛店经济技术开发区发展大道18号3栋2单元501室';

/**
 * A newborn-birth application from a family whose baby was born in a Hubei hospital and is not
 * registered here: the birth certificate (the health commission) and the vaccination certificate
 * (the CDC) apply.
 */
export const NEWBORN = {
  answers: { bornInHubeiInstitution: true, settleInHubei: false, wantsSocialSecurityCard: false },
  data: {
    applicant: { relationshipToChild: 'mother' },
    child: { name: '李沐阳', sex: 'male', birthDate: '2024-11-03', birthPlace: '420704', birthInstitution: '鄂州市中心医院' },
    mother: { name: '王晓燕', idNumber: '420703199405120024', ethnicity: '01' },
    father: { name: '李建国', idNumber: '420703199111080039', ethnicity: '01' },
    delivery: { method: 'mail', address: home },
    contact: { mobile: '13971234567', division: '420703', address: home },
    'birth-medical-certificate': { birthTime: '08:35', gestationalWeeks: 39, birthWeightGrams: 3350, birthLengthCm: 50, healthStatus: 'good' },
    'vaccination-certificate': { hepatitisBDose1Given: true, bcgGiven: true, clinicName: '华容区葛店社区卫生服务中心预防接种门诊' },
  },
};

/** Minimal bytes that sniff as a PDF. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');


const shop = '湖北省鄂州市华容区葛店经济技术开发区创业大道66号1层';
const operator = { name: '张伟', idNumber: '420704198803210158', mobile: '13807112345' };
const restaurant = { name: '鄂州市华容区沐阳小吃店', creditCode: '92420703MA4F7K2L5L' };

/**
 * An open-restaurant application from a small restaurant that already holds its business
 * licence and puts up no sign: only the food business licence applies, and its 180 m² premises
 * send it to an on-site inspection. The bundle data is the item's data merged (`unproject`),
 * checked here as the server will check it; `uploads` are the materials to upload.
 */
export function restaurantApplication(): { answers: Record<string, Json>; data: Record<string, Json>; uploads: string[] } {
  const answers = { hasBusinessLicence: true, premisesScale: 'small', wantsSignboard: false };
  const r = examples();
  const { value: form } = compose(r.bundle('open-restaurant')!, r, answers);
  const item = {
    enterprise: restaurant,
    legalRepresentative: operator,
    premises: { address: shop, division: '420703', area: 180, seats: 60 },
    businessItems: ['hot-food', 'cold-food'],
    coldFoodRoomArea: 8,
    foodSafetyManagerName: '陈静',
    foodSafetyManagerMobile: '15927123456',
  };
  const data = unproject(form!, { 'food-business-licence': item });
  // the materials it must upload (the others an e-licence replaces)
  const uploads = ['premises-layout', 'food-safety-rules'];
  const file = { files: [{ sha256: '0'.repeat(64), name: 'x.pdf', size: 1, type: 'application/pdf' }] };
  const materials = Object.fromEntries(uploads.map((m) => [m, file]));
  const check = checkSubmission(form!, { answers, data, materials }, (d) => validateData(form!.schema, d));
  if (check.errors.length) throw new Error(`the restaurant application is not valid: ${JSON.stringify(check.errors.slice(0, 3))}`);
  return { answers, data, uploads };
}
