// Test data: the example definitions loaded and the newborn bundle composed, as the server
// would serve it; the browser harness's newborn application.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compose, load, type ComposedBundle, type DefinitionFile, type Registry } from '@onething/engine';

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

