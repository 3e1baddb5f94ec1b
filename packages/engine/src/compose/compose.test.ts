import { describe, expect, it } from 'vitest';
import { bundle, composeAll, dictionary, item, material } from '../../test/fixtures/definitions.js';

const concepts = dictionary({
  'mother.name': { title: { 'zh-CN': '母亲姓名', en: "Mother's name" }, schema: { type: 'string', maxLength: 30 }, pii: 'personal' },
  'mother.idNumber': { schema: { type: 'string', format: 'resident-id' }, pii: 'sensitive', eLicenses: ['resident-id-card'] },
  'child.sex': { schema: { type: 'string', enum: ['male', 'female', 'unknown'] } },
  'child.weight': { schema: { type: 'integer', minimum: 300 } },
  'delivery.method': { schema: { type: 'string', enum: ['mail', 'window'] } },
  'delivery.address': {},
});

describe('concept merge', () => {
  it('asks a concept-bound field once, at its concept path, for every item that binds it', () => {
    const { value, diagnostics } = composeAll([
      concepts,
      item('a', { properties: { mother: { type: 'object', properties: { name: { 'x-concept': 'mother.name' } } } } }),
      item('b', { properties: { applicant: { type: 'object', properties: { name: { 'x-concept': 'mother.name' } }, required: ['name'] } }, required: ['applicant'] }),
      bundle(['a', 'b']),
    ]);
    expect(diagnostics).toEqual([]);
    expect(value.fields['mother.name']).toEqual({
      path: 'mother.name',
      kind: 'value',
      concept: 'mother.name',
      items: ['a', 'b'],
      requiredBy: ['b'],
      pii: 'personal',
      sources: [
        { item: 'a', pointer: '/schema/properties/mother/properties/name' },
        { item: 'b', pointer: '/schema/properties/applicant/properties/name' },
      ],
    });
    expect(value.projection).toEqual({
      a: [{ from: 'mother.name', to: 'mother.name' }],
      b: [
        { from: 'b.applicant', to: 'applicant', kind: 'group' },
        { from: 'mother.name', to: 'applicant.name' },
      ],
    });
    expect(Object.keys(value.schema.properties!)).toEqual(['mother']);
  });

  it('keeps a field bound to no concept under its item id, with its own title', () => {
    const { value } = composeAll([
      concepts,
      item('birth', { properties: { weightGrams: { type: 'integer', 'x-title': { 'zh-CN': '体重', en: 'Weight' } }, baby: { type: 'object', properties: { sex: { 'x-concept': 'child.sex' }, note: { type: 'string' } } } } }),
      bundle(['birth']),
    ]);
    expect(Object.keys(value.fields)).toEqual(['child', 'child.sex', 'birth', 'birth.weightGrams', 'birth.baby', 'birth.baby.note']);
    expect(value.schema.properties!.birth).toMatchObject({
      type: 'object',
      'x-title': { en: 'Item birth' },
      properties: { weightGrams: { type: 'integer', 'x-title': { en: 'Weight' } }, baby: { properties: { note: { type: 'string', 'x-title': { en: 'note' } } } } },
      additionalProperties: false,
    });
  });

  it('combines constraints: types agree, enums intersect, bounds tighten, every pattern applies, the title comes from the concept', () => {
    const { value, diagnostics } = composeAll([
      concepts,
      item('a', { properties: { sex: { 'x-concept': 'child.sex', enum: ['male', 'female'] }, w: { 'x-concept': 'child.weight', maximum: 8000 }, n: { 'x-concept': 'mother.name', pattern: '^\\S+$', 'x-title': { 'zh-CN': '姓名', en: 'Name' } } } }),
      item('b', { properties: { sex: { 'x-concept': 'child.sex', enum: ['female', 'unknown', 'male'] }, w: { 'x-concept': 'child.weight', type: 'number', minimum: 500, maximum: 6000 }, n: { 'x-concept': 'mother.name', pattern: '^[\\u4e00-\\u9fa5]+$', maxLength: 20 } } }),
      bundle(['a', 'b']),
    ]);
    expect(diagnostics).toEqual([]);
    expect(value.schema.properties!.child).toMatchObject({
      properties: {
        sex: { type: 'string', enum: ['male', 'female'], 'x-concept': 'child.sex' },
        weight: { type: 'integer', minimum: 500, maximum: 6000 },
      },
    });
    expect(value.schema.properties!.mother!.properties!.name).toEqual({
      type: 'string',
      maxLength: 20,
      allOf: [{ pattern: '^\\S+$' }, { pattern: '^[\\u4e00-\\u9fa5]+$' }],
      'x-title': { 'zh-CN': '母亲姓名', en: "Mother's name" },
      'x-concept': 'mother.name',
    });
  });

  it('reports incompatible types naming both items and both pointers', () => {
    const { diagnostics } = composeAll([
      dictionary({ 'child.note': { schema: {} }, 'child.weight': { schema: { type: 'integer' } } }),
      item('a', { properties: { note: { 'x-concept': 'child.note', type: 'integer' }, w: { 'x-concept': 'child.weight' } } }),
      item('b', { properties: { baby: { type: 'object', properties: { note: { 'x-concept': 'child.note', type: 'string' }, weight: { 'x-concept': 'child.weight', type: 'string' } } } } }),
      bundle(['a', 'b']),
    ]);
    expect(diagnostics).toMatchInlineSnapshot(`
      [
        {
          "code": "concept-type-conflict",
          "file": "item/b.json",
          "message": {
            "en": "Field "child.note": item "a" makes it integer but item "b" makes it string; they cannot be merged",
            "zh-CN": "字段“child.note”：事项“a” 定义为 integer，事项“b” 定义为 string，两者无法合并",
          },
          "pointer": "/schema/properties/baby/properties/note",
          "related": [
            {
              "file": "item/a.json",
              "pointer": "/schema/properties/note",
            },
          ],
          "severity": "error",
        },
        {
          "code": "concept-type-conflict",
          "file": "item/b.json",
          "message": {
            "en": "Field "child.weight": concept "child.weight" makes it integer but item "b" makes it string; they cannot be merged",
            "zh-CN": "字段“child.weight”：概念“child.weight” 定义为 integer，事项“b” 定义为 string，两者无法合并",
          },
          "pointer": "/schema/properties/baby/properties/weight",
          "related": [
            {
              "file": "concepts/test-concepts.json",
              "pointer": "/concepts/child.weight/schema",
            },
          ],
          "severity": "error",
        },
      ]
    `);
  });

  it('reports an empty enum intersection, contradictory bounds and disagreeing formats', () => {
    const { diagnostics } = composeAll([
      concepts,
      item('a', { properties: { sex: { 'x-concept': 'child.sex', enum: ['male'] }, w: { 'x-concept': 'child.weight', maximum: 400 }, id: { 'x-concept': 'mother.idNumber' } } }),
      item('b', { properties: { sex: { 'x-concept': 'child.sex', const: 'female' }, w: { 'x-concept': 'child.weight', minimum: 500 }, id: { 'x-concept': 'mother.idNumber', format: 'mobile' } } }),
      bundle(['a', 'b']),
    ]);
    expect(diagnostics.map((d) => [d.code, d.file, d.pointer, d.related, d.message.en])).toMatchInlineSnapshot(`
      [
        [
          "concept-enum-empty",
          "item/b.json",
          "/schema/properties/sex",
          [
            {
              "file": "item/a.json",
              "pointer": "/schema/properties/sex",
            },
          ],
          "Field "child.sex": the values allowed by item "a" and by item "b" (enum/const) have nothing in common, so no answer is valid",
        ],
        [
          "concept-bounds-conflict",
          "item/b.json",
          "/schema/properties/w",
          [
            {
              "file": "item/a.json",
              "pointer": "/schema/properties/w",
            },
          ],
          "Field "child.weight": minimum 500 from item "b" contradicts maximum 400 from item "a", so no answer is valid",
        ],
        [
          "concept-format-conflict",
          "item/b.json",
          "/schema/properties/id",
          [
            {
              "file": "concepts/test-concepts.json",
              "pointer": "/concepts/mother.idNumber/schema",
            },
          ],
          "Field "mother.idNumber": concept "mother.idNumber" requires format resident-id but item "b" requires mobile",
        ],
      ]
    `);
  });

  it('leaves no required on objects outside arrays, and takes arrays (repeatable groups) whole', () => {
    const rows = { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }, minItems: 1 };
    const { value } = composeAll([concepts, item('a', { properties: { children: rows, m: { 'x-concept': 'mother.name' } }, required: ['children', 'm'] }), bundle(['a'])]);
    expect(JSON.stringify(value.schema)).not.toMatch(/"required":\["m"|"required":\["children"/);
    expect(value.schema.properties!.a!.properties!.children).toEqual({ ...rows, 'x-title': { 'zh-CN': 'children', en: 'children' } });
    expect(value.fields['a.children']).toMatchObject({ kind: 'list', requiredBy: ['a'] });
    expect(value.fields['mother.name']!.requiredBy).toEqual(['a']);
  });

  it('inlines local $refs of an item schema', () => {
    const { value, diagnostics } = composeAll([
      concepts,
      item('a', { $defs: { phone: { type: 'string', pattern: '^1\\d{10}$' } }, properties: { phone: { $ref: '#/$defs/phone', 'x-title': { 'zh-CN': '电话', en: 'Phone' } } } }),
      bundle(['a']),
    ]);
    expect(diagnostics).toEqual([]);
    expect(value.schema.properties!.a!.properties!.phone).toEqual({ type: 'string', pattern: '^1\\d{10}$', 'x-title': { 'zh-CN': '电话', en: 'Phone' } });
  });

  it('keeps the constraints of a $ref target that keywords beside the $ref contradict: both apply', () => {
    const { value, diagnostics } = composeAll([
      concepts,
      item('a', {
        $defs: { name: { type: 'string', maxLength: 50, 'x-title': { 'zh-CN': '名称', en: 'Name' } }, place: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
        properties: {
          name: { $ref: '#/$defs/name', maxLength: 100, 'x-title': { 'zh-CN': '店名', en: 'Shop name' } },
          place: { $ref: '#/$defs/place', properties: { street: { type: 'string' } }, required: ['street'] },
        },
        required: ['place'],
      }),
      bundle(['a']),
    ]);
    expect(diagnostics).toEqual([]);
    expect(value.schema.properties!.a!.properties!.name).toEqual({ type: 'string', maxLength: 50, allOf: [{ maxLength: 100 }], 'x-title': { 'zh-CN': '店名', en: 'Shop name' } });
    expect(Object.keys(value.schema.properties!.a!.properties!.place!.properties!)).toEqual(['city', 'street']);
    expect([value.fields['a.place.city']!.requiredBy, value.fields['a.place.street']!.requiredBy]).toEqual([['a'], ['a']]);
  });
});

describe('items', () => {
  it('reports an item that cannot be resolved and composes the rest', () => {
    const { value, diagnostics } = composeAll([
      concepts,
      item('a', { properties: { m: { 'x-concept': 'mother.name' } } }),
      item('b', { properties: {} }),
      bundle(['a', 'missing', { item: 'b', version: '^2.0.0' }]),
    ]);
    expect(value.items.map((i) => i.id)).toEqual(['a']);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['unknown-item', '/items/1/item'],
      ['item-version-unmatched', '/items/2/version'],
    ]);
  });

  it('reports an item listed twice and keeps its first entry', () => {
    const { value, diagnostics } = composeAll([concepts, item('a', { properties: {} }), bundle(['a', { item: 'a', version: '^1.0.0', when: { var: 'q' } }])]);
    expect(value.items.map((i) => [i.id, i.when])).toEqual([['a', undefined]]);
    expect(diagnostics.map((d) => [d.code, d.pointer, d.message.en])).toMatchInlineSnapshot(`
      [
        [
          "duplicate-bundle-item",
          "/items/1/item",
          "Item "a" is already listed as entry 1; a bundle handles each item once, so this entry is ignored",
        ],
      ]
    `);
  });

  it('switches items as the form does: the answer to a hidden question switches nothing', () => {
    const questions = { type: 'object', properties: { settle: { type: 'boolean' }, why: { type: 'string' } } };
    const definitions = [
      concepts,
      item('a', { properties: {} }),
      item('b', { properties: {} }),
      bundle(['a', { item: 'b', version: '^1.0.0', when: { '==': [{ var: 'why' }, 'move'] } }], {
        questions,
        questionsUi: { rules: { why: { visible: { '===': [{ var: 'settle' }, false] } } } },
      }),
    ];
    expect(composeAll(definitions, { settle: false, why: 'move' }).value.active).toEqual(['a', 'b']);
    expect(composeAll(definitions, { settle: true, why: 'move' }).value.active).toEqual(['a']);
  });

  it('switches items by their when rule over the answers, keeping inactive items and their fields', () => {
    const defs = [
      concepts,
      item('a', { properties: { m: { 'x-concept': 'mother.name' } } }),
      item('b', { properties: { x: { type: 'string' } } }),
      bundle(['a', { item: 'b', version: '^1.0.0', when: { '===': [{ var: 'wantsB' }, true] } }], {
        questions: { type: 'object', properties: { wantsB: { type: 'boolean' } } },
      }),
    ];
    expect(composeAll(defs).value.active).toBeNull();
    const { value } = composeAll(defs, { wantsB: false });
    expect(value.active).toEqual(['a']);
    expect(value.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(value.fields['b.x']).toBeDefined();
    expect(value.items[1]!.when).toEqual({ '===': [{ var: 'wantsB' }, true] });
  });
});

describe('presentation', () => {
  const a = item(
    'a',
    {
      properties: {
        mother: { type: 'object', 'x-title': { 'zh-CN': '母亲', en: 'Mother' }, properties: { name: { 'x-concept': 'mother.name' } } },
        delivery: { type: 'object', properties: { method: { 'x-concept': 'delivery.method' }, address: { 'x-concept': 'delivery.address' } } },
        note: { type: 'string' },
        extra: { type: 'string' },
      },
    },
    {
      ui: {
        sections: [{ id: 'main', title: { 'zh-CN': '主要', en: 'Main' }, fields: ['mother.name', 'note'] }],
        fields: { note: { widget: 'textarea', rows: 3 }, 'mother.name': { placeholder: { 'zh-CN': '甲', en: 'A' } } },
        rules: {
          'delivery.address': { visible: { '==': [{ var: 'delivery.method' }, 'mail'] } },
          extra: { required: { '!!': { var: 'note' } } },
        },
      },
    },
  );
  const b = item(
    'b',
    { properties: { delivery: { type: 'object', properties: { method: { 'x-concept': 'delivery.method' }, address: { 'x-concept': 'delivery.address' } } } } },
    {
      ui: {
        fields: { 'delivery.method': { widget: 'radio' }, 'delivery.address': { widget: 'textarea' } },
        rules: { 'delivery.address': { visible: { '===': [{ var: 'delivery.method' }, 'mail'] }, required: true } },
      },
    },
  );

  it('puts shared concept fields first, one section per namespace, then each item’s own sections', () => {
    const { value } = composeAll([concepts, a, b, bundle(['a', 'b'])]);
    expect(value.ui.sections.map((s) => [s.id, s.title.en, s.fields, s.items])).toEqual([
      ['mother', 'Mother', ['mother.name'], ['a']],
      ['delivery', 'delivery.method', ['delivery.method', 'delivery.address'], ['a', 'b']],
      ['a/main', 'Item a: Main', ['a.note'], ['a']],
      ['a', 'Item a', ['a.extra'], ['a']],
    ]);
  });

  it('titles namespace groups and sections from the dictionaries’ namespaces, else an item group at that path, else the first concept', () => {
    const named = dictionary({ 'mother.name': {}, 'delivery.method': { title: { 'zh-CN': '领取方式', en: 'Delivery method' } } }, {
      namespaces: { mother: { title: { 'zh-CN': '母亲', en: 'The mother' } } },
    });
    const { value } = composeAll([named, a, bundle(['a'])]);
    expect(value.schema.properties!.mother!['x-title']).toEqual({ 'zh-CN': '母亲', en: 'The mother' });
    expect(value.ui.sections.find((s) => s.id === 'delivery')!.title.en).toBe('Delivery method');
    const { value: fromItem } = composeAll([dictionary({ 'mother.name': {}, 'delivery.method': {} }), a, bundle(['a'])]);
    expect(fromItem.schema.properties!.mother!['x-title']).toEqual({ 'zh-CN': '母亲', en: 'Mother' });
  });

  it('uses the bundle’s sections and appends every field they leave out', () => {
    const { value, diagnostics } = composeAll([
      concepts,
      a,
      b,
      bundle(['a', 'b'], { ui: { sections: [{ id: 'all', title: { 'zh-CN': '全部', en: 'All' }, fields: ['delivery.method', 'a.note', 'nope'] }] } }),
    ]);
    expect(value.ui.sections.map((s) => [s.id, s.fields])).toEqual([
      ['all', ['delivery.method', 'a.note']],
      ['mother', ['mother.name']],
      ['delivery', ['delivery.address']],
      ['a', ['a.extra']],
    ]);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['ui-unknown-field', '/ui/sections/0/fields/2']]);
  });

  it('moves widget hints and rules onto bundle paths; differing rules of a shared field apply per active item', () => {
    const { value } = composeAll([concepts, a, b, bundle(['a', 'b'], { ui: { fields: { 'a.note': { rows: 5 } }, rules: { 'a.extra': { visible: { var: 'a.note' } } } } })]);
    expect(value.ui.fields).toEqual({
      'a.note': { widget: 'textarea', rows: 5 },
      'mother.name': { placeholder: { 'zh-CN': '甲', en: 'A' } },
      'delivery.method': { widget: 'radio' },
      'delivery.address': { widget: 'textarea' },
    });
    expect(value.rules).toEqual({
      'delivery.address': {
        visible: {
          or: [
            { and: [{ item_active: 'a' }, { '==': [{ var: 'delivery.method' }, 'mail'] }] },
            { and: [{ item_active: 'b' }, { '===': [{ var: 'delivery.method' }, 'mail'] }] },
          ],
        },
        required: { and: [{ item_active: 'b' }, true] },
      },
      'a.extra': { visible: { var: 'a.note' }, required: { '!!': { var: 'a.note' } } },
    });
  });

  it('lets a rule read and hide an item group whose fields moved to concept paths', () => {
    const parent = { type: 'object', properties: { name: { 'x-concept': 'mother.name' }, idNumber: { 'x-concept': 'mother.idNumber' } } };
    const { value, diagnostics } = composeAll([
      concepts,
      item('a', { properties: { parent, married: { type: 'boolean' }, note: { type: 'string' } } }, {
        ui: { rules: { note: { visible: { '!!': { var: 'parent' } } }, parent: { visible: { var: 'married' } } } },
      }),
      item('b', { properties: { mother: { type: 'object', properties: { name: { 'x-concept': 'mother.name' } } } } }),
      bundle(['a', 'b']),
    ]);
    expect(diagnostics).toEqual([]);
    // The mother group is shared with b: a's rule hides a's fields, and b still shows its own.
    expect(value.rules).toEqual({
      'mother.name': { visible: { or: [{ and: [{ item_active: 'a' }, { var: 'a.married' }] }, { item_active: 'b' }] } },
      'mother.idNumber': { visible: { var: 'a.married' } },
      'a.note': { visible: { '!!': { var: 'mother' } } },
    });
  });

  it('reports a rule that reads an item group whose fields went to several places', () => {
    const parent = { type: 'object', properties: { name: { 'x-concept': 'mother.name' }, sex: { 'x-concept': 'child.sex' } } };
    const { diagnostics } = composeAll([
      concepts,
      item('a', { properties: { parent, note: { type: 'string' } } }, { ui: { rules: { note: { visible: { '!!': { var: 'parent' } } } } } }),
      bundle(['a']),
    ]);
    expect(diagnostics.map((d) => [d.code, d.file, d.pointer, d.message.en])).toMatchInlineSnapshot(`
      [
        [
          "rule-unknown-field",
          "item/a.json",
          "/ui/rules/note/visible",
          "The rule reads "parent", which is not a field of the composed bundle data (where it would be "a.parent")",
        ],
      ]
    `);
  });

  it('keeps one rule as it is when every item asking for the field gives the same one (after rewriting)', () => {
    const { value } = composeAll([
      concepts,
      item('a', { properties: { method: { 'x-concept': 'delivery.method' }, address: { 'x-concept': 'delivery.address' } } }, {
        ui: { rules: { address: { visible: { '==': [{ var: 'method' }, 'mail'] } } } },
      }),
      item('b', { properties: { d: { type: 'object', properties: { method: { 'x-concept': 'delivery.method' }, address: { 'x-concept': 'delivery.address' } } } } }, {
        ui: { rules: { 'd.address': { visible: { '==': [{ var: 'd.method' }, 'mail'] } } } },
      }),
      bundle(['a', 'b']),
    ]);
    expect(value.rules['delivery.address']).toEqual({ visible: { '==': [{ var: 'delivery.method' }, 'mail'] } });
  });

  it('presents the guidance questions from the bundle, one section by default', () => {
    const questions = { type: 'object', properties: { q1: { type: 'boolean' }, q2: { type: 'string' } }, required: ['q1'] };
    expect(composeAll([concepts, a, bundle(['a'], { questions })]).value.questionsUi).toEqual({
      layout: 'sections',
      sections: [{ id: 'questions', title: { 'zh-CN': '您的情况', en: 'Your situation' }, fields: ['q1', 'q2'], items: [] }],
      fields: {},
    });
    const { value } = composeAll([concepts, a, bundle(['a'], { questions, questionsUi: { layout: 'wizard', rules: { q2: { visible: { var: 'q1' } } } } })]);
    expect(value.questionsUi.layout).toBe('wizard');
    expect(value.questionRules).toEqual({ q2: { visible: { var: 'q1' } } });
  });
});

describe('materials', () => {
  it('merges by id, and across items by e-licence type, but never two materials of one item', () => {
    const { value } = composeAll([
      concepts,
      item('a', { properties: {} }, { materials: [material('mother-id', { eLicense: 'resident-id-card', maxFiles: 2 }), material('father-id', { eLicense: 'resident-id-card', required: false })] }),
      item('b', { properties: {} }, { materials: [material('mother-id', { eLicense: 'resident-id-card', maxBytes: 1_000_000, accept: ['image/jpeg', 'image/png'] })] }),
      item('c', { properties: {} }, { materials: [material('applicant-id-card', { eLicense: 'resident-id-card' }), material('photo', { required: false })] }),
      bundle(['a', 'b', 'c']),
    ]);
    expect(value.materials.map((m) => ({ id: m.id, items: m.items, merged: m.merged, required: m.required, requiredBy: m.requiredBy, exempt: m.exempt, accept: m.accept, maxBytes: m.maxBytes, maxFiles: m.maxFiles }))).toEqual([
      {
        id: 'mother-id',
        items: ['a', 'b', 'c'],
        merged: [
          { item: 'a', material: 'mother-id' },
          { item: 'b', material: 'mother-id' },
          { item: 'c', material: 'applicant-id-card' },
        ],
        required: true,
        requiredBy: ['a', 'b', 'c'],
        exempt: true,
        accept: ['image/jpeg'],
        maxBytes: 1_000_000,
        maxFiles: 1,
      },
      { id: 'father-id', items: ['a'], merged: [{ item: 'a', material: 'father-id' }], required: false, requiredBy: [], exempt: true, accept: ['application/pdf', 'image/jpeg'], maxBytes: 5_242_880, maxFiles: 1 },
      { id: 'photo', items: ['c'], merged: [{ item: 'c', material: 'photo' }], required: false, requiredBy: [], exempt: false, accept: ['application/pdf', 'image/jpeg'], maxBytes: 5_242_880, maxFiles: 1 },
    ]);
  });

  it('rewrites when rules to bundle paths and reports merged materials that accept nothing in common', () => {
    const { value, diagnostics } = composeAll([
      concepts,
      item('a', { properties: { married: { type: 'boolean' } } }, { materials: [material('cert', { accept: ['image/png'], when: { var: 'married' } })] }),
      item('b', { properties: {} }, { materials: [material('cert', { accept: ['application/pdf'] })] }),
      bundle(['a', 'b']),
    ]);
    expect(value.materials[0]!.when).toEqual({ or: [{ and: [{ item_active: 'a' }, { var: 'a.married' }] }, { item_active: 'b' }] });
    expect(diagnostics.map((d) => [d.code, d.file, d.pointer, d.related, d.message.en])).toMatchInlineSnapshot(`
      [
        [
          "material-accept-empty",
          "item/b.json",
          "/materials/0/accept",
          [
            {
              "file": "item/a.json",
              "pointer": "/materials/0/accept",
            },
          ],
          "Material "cert" (a, b): no file type is accepted by every item that asks for it, so nothing can be uploaded",
        ],
      ]
    `);
  });
});

describe('the composed bundle', () => {
  it('is plain JSON with the bundle header, its limits defaulted', () => {
    const { value } = composeAll([concepts, item('a', { properties: {} }, { limits: { legalDays: 9, promisedDays: 3, visits: 2 } }), bundle(['a'])]);
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    expect(value.format).toBe('onething.composed/1');
    expect(value.bundle.limits).toEqual({ visits: 2, acceptDays: 1, days: 'working' });
    expect(value.bundle.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(value.items[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
