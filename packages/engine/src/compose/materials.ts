import type { Rule } from '../json.js';
import type { Loaded, Registry } from '../definitions/registry-types.js';
import type { ItemDefinition, Material } from '../definitions/types.generated.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { materialAcceptEmpty } from '../diagnostics/codes/compose.js';
import type { FieldTree } from './fields.js';
import { canonical } from './schema-merge.js';
import type { ComposedMaterial } from './types.js';
import { rewriteItemRule } from './item-paths.js';

interface Member {
  item: string;
  file: string;
  index: number;
  material: Material;
  when?: Rule;
}

/**
 * De-duplicates the materials of the bundle's items. Materials with the same id are one
 * material. Materials of different items that the same e-licence type can supply are one
 * material too — but two materials of one item never merge (the mother's and the father's ID
 * cards are both resident ID cards, and both are needed). The merged material is required if
 * any item requires it, accepts the MIME types every item accepts, and takes the smallest size
 * and file-count limits; it is exempt (免提交) when its e-licence type is known.
 */
export function composeMaterials(
  items: ReadonlyArray<Loaded<ItemDefinition>>,
  registry: Registry,
  tree: FieldTree,
  diagnostics: Diagnostic[],
): ComposedMaterial[] {
  // 1. Group by id, in bundle order.
  const byId = new Map<string, Member[]>();
  for (const loaded of items) {
    (loaded.definition.materials ?? []).forEach((material, index) => {
      const member: Member = { item: loaded.definition.id, file: loaded.file, index, material };
      if (material.when !== undefined) {
        member.when = rewriteItemRule(tree, member.item, material.when, { file: loaded.file, pointer: `/materials/${index}/when` }, diagnostics);
      }
      const list = byId.get(material.id);
      if (list) list.push(member);
      else byId.set(material.id, [member]);
    });
  }
  // 2. Merge id groups supplied by the same e-licence type when no item is in both.
  const clusters: Member[][] = [];
  const byLicence = new Map<string, Member[][]>();
  for (const group of byId.values()) {
    const licence = group.find((m) => m.material.eLicense)?.material.eLicense;
    const candidates = licence ? (byLicence.get(licence) ?? []) : [];
    const itemsOf = (members: Member[]) => new Set(members.map((m) => m.item));
    const mine = itemsOf(group);
    const into = candidates.find((cluster) => ![...itemsOf(cluster)].some((item) => mine.has(item)));
    if (into) into.push(...group);
    else {
      clusters.push(group);
      if (licence) byLicence.set(licence, [...candidates, group]);
    }
  }
  return clusters.map((members) => merge(members, registry, diagnostics));
}

function merge(members: Member[], registry: Registry, diagnostics: Diagnostic[]): ComposedMaterial {
  const first = members[0]!.material;
  const items = [...new Set(members.map((m) => m.item))];
  const requiredBy = [...new Set(members.filter((m) => m.material.required).map((m) => m.item))];
  let accept: string[] = [...first.accept];
  for (const m of members.slice(1)) accept = accept.filter((type) => (m.material.accept as string[]).includes(type));
  if (accept.length === 0) {
    const at = members[members.length - 1]!;
    diagnostics.push(
      report(materialAcceptEmpty, { file: at.file, pointer: `/materials/${at.index}/accept`, related: members.slice(0, -1).map((m) => ({ file: m.file, pointer: `/materials/${m.index}/accept` })) }, {
        material: first.id,
        items: items.join(', '),
      }),
    );
  }
  const eLicense = members.find((m) => m.material.eLicense)?.material.eLicense;
  const when = combineWhen(members);
  const description = members.find((m) => m.material.description)?.material.description;
  return {
    id: first.id,
    title: first.title,
    ...(description ? { description } : {}),
    required: requiredBy.length > 0,
    requiredBy,
    ...(when !== undefined ? { when } : {}),
    ...(eLicense ? { eLicense } : {}),
    exempt: eLicense !== undefined && registry.eLicenses.has(eLicense),
    accept,
    maxBytes: Math.min(...members.map((m) => m.material.maxBytes)),
    maxFiles: Math.min(...members.map((m) => m.material.maxFiles ?? 1)),
    items,
    merged: members.map((m) => ({ item: m.item, material: m.material.id })),
  };
}

/** Asked while some active member's `when` holds (a member without `when` is always asked). */
function combineWhen(members: Member[]): Rule | undefined {
  if (members.every((m) => m.when === undefined)) return undefined;
  const distinct = new Set(members.map((m) => (m.when === undefined ? '' : canonical(m.when))));
  if (distinct.size === 1) return members[0]!.when;
  return { or: members.map((m): Rule => (m.when === undefined ? { item_active: m.item } : { and: [{ item_active: m.item }, m.when] })) };
}
