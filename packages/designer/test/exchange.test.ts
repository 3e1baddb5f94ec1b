import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { checkImport, exportFiles } from '../src/model/exchange.js';
import { codecFor, isSignedPackage, jsonCodec, PackageError, zipCodec } from '../src/model/package-codecs.js';
import { workspaceOf } from '../src/model/workspace.js';
import { definitionsIn, EXAMPLES, exampleBundle, exampleWorkspace, record } from './fixtures.js';
import { join } from 'node:path';

const ws = exampleWorkspace();

describe('exporting a bundle', () => {
  it('writes the bundle, the items its ranges resolve to and the dictionaries, laid out like examples/definitions', () => {
    const files = exportFiles(exampleBundle(), ws);
    expect(files.map((f) => f.path)).toEqual([
      'bundles/newborn-birth.json',
      'items/birth-medical-certificate.json',
      'items/vaccination-certificate.json',
      'items/household-registration.json',
      'items/medical-insurance-enrolment.json',
      'items/social-security-card.json',
      'concepts/onething-examples.json',
    ]);
    expect(JSON.parse(files[0]!.text)).toEqual(exampleBundle());
  });

  it('zips them so that importing the zip gives the same files back', () => {
    const files = exportFiles(exampleBundle(), ws);
    const zip = zipCodec.pack!(files);
    expect(codecFor('newborn-birth-1.0.0.zip')).toBe(zipCodec);
    expect(zipCodec.unpack(zip, 'x.zip')).toEqual([...files].sort((a, b) => a.path.localeCompare(b.path)));
  });
});

describe('importing definition files', () => {
  const bare = workspaceOf(definitionsIn(join(EXAMPLES, '..', 'definitions')).filter((d) => d.kind === 'concepts').map((d) => record(d)));

  it('accepts an export into a server that lacks it, in publishing order (dictionaries, items, bundles)', () => {
    const files = exportFiles(exampleBundle(), ws);
    const check = checkImport(files, bare);
    expect(check.diagnostics).toEqual([]);
    expect(check.acceptable).toBe(true);
    expect(check.entries.map((e) => `${e.kind}:${e.id}:${e.status}`)).toEqual([
      'concepts:onething-examples:same',
      'item:birth-medical-certificate:new',
      'item:household-registration:new',
      'item:medical-insurance-enrolment:new',
      'item:social-security-card:new',
      'item:vaccination-certificate:new',
      'bundle:newborn-birth:new',
    ]);
  });

  it('shows the problems of a broken file by file and refuses the import', () => {
    const broken = { ...exampleBundle(), id: 'broken-bundle', items: [{ item: 'ghost-item', version: '^1.0.0' }] };
    const check = checkImport(
      [
        { path: 'bundles/broken.json', text: JSON.stringify(broken) },
        { path: 'notes.json', text: '{ "kind": "item", ' },
      ],
      ws,
    );
    expect(check.acceptable).toBe(false);
    expect(check.diagnostics.map((d) => [d.file, d.code])).toEqual([
      ['notes.json', 'json-syntax-error'],
      ['bundles/broken.json', 'unknown-item'],
    ]);
  });

  it('refuses a published version with other content (published versions never change)', () => {
    const changed = { ...exampleBundle(), title: { 'zh-CN': '改过的标题', en: 'Changed title' } };
    const check = checkImport([{ path: 'b.json', text: JSON.stringify(changed) }], ws);
    expect(check.entries[0]?.status).toBe('conflict');
    expect(check.diagnostics.map((d) => d.code)).toEqual(['definition-published']);
    expect(check.acceptable).toBe(false);
  });

  it('refuses archives that are not zips or would unpack too large', () => {
    expect(() => zipCodec.unpack(strToU8('not a zip'), 'x.zip')).toThrow(PackageError);
    const many = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`f${i}.json`, strToU8('{}')]));
    expect(() => zipCodec.unpack(zipSync(many), 'x.zip')).toThrow(/more than 500 files/);
  });

  it('recognises a signed package (onething pack) and says how to import it, instead of “not a definition”', () => {
    // Given a package as `onething pack` writes it
    const signed = JSON.stringify({ manifest: { publisher: 'huarong', definitions: [] }, definitions: [{ kind: 'item', id: 'a' }], signature: { protected: 'x', signature: 'y' } });
    // Then the .json reader refuses it with a message naming the CLI commands, in both languages
    expect(() => jsonCodec.unpack(strToU8(signed), 'newborn.otpkg.json')).toThrow(PackageError);
    try {
      jsonCodec.unpack(strToU8(signed), 'newborn.otpkg.json');
    } catch (error) {
      expect((error as PackageError).text).toMatchInlineSnapshot(`
        {
          "en": "this is a signed package (made by onething pack). The designer does not verify signatures: check it with onething verify and unpack it with onething import --trust, then import the definition files",
          "zh-CN": "这是签名定义包（onething pack 生成）。设计器不校验签名：请先用 onething verify 校验、onething import --trust 导入，再导入它写出的定义文件",
        }
      `);
    }
    // And definition files, broken JSON and other objects still go through as before
    expect(isSignedPackage(JSON.stringify({ kind: 'item', id: 'a', manifest: 1, signature: 2, definitions: [] }))).toBe(false);
    expect(isSignedPackage('{"manifest": ')).toBe(false);
    expect(isSignedPackage('[1]')).toBe(false);
    expect(jsonCodec.unpack(strToU8('{"kind":"item"}'), 'a.json')).toEqual([{ path: 'a.json', text: '{"kind":"item"}' }]);
  });
});
