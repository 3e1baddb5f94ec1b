// Shared data of the SDK tests: a valid newborn-birth application (only the vaccination
// certificate applies to these answers) and a storage object with the Web Storage methods.
import type { Json } from '@onething/engine';

export const home = '湖北省鄂州市华容区葛店经济技术开发区发展大道18号3栋2单元501室';

/** A newborn-birth submission the server accepts. */
export const newborn = {
  answers: { bornInHubeiInstitution: false, settleInHubei: false, wantsSocialSecurityCard: false },
  data: {
    child: { name: '李沐阳', sex: 'male', birthDate: '2024-11-03', birthInstitution: '鄂州市中心医院' },
    mother: { name: '王晓燕', idNumber: '420703199405120024' },
    contact: { mobile: '13971234567', division: '420703', address: home },
    'vaccination-certificate': { hepatitisBDose1Given: true, bcgGiven: true, clinicName: '华容区葛店社区卫生服务中心预防接种门诊' },
  } as Record<string, Json>,
  materials: {},
};

/** An in-memory Web Storage (the SDK accepts any object with getItem, setItem and removeItem). */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (k) => entries.get(k) ?? null,
    setItem: (k, v) => void entries.set(k, String(v)),
    removeItem: (k) => void entries.delete(k),
  };
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
