import type { Text } from '../definitions/types.generated.js';
import { text } from '../text.js';

/** "Enter <field>": a required field, question or material is missing. */
export function requiredMessage(title: Text | undefined, name: string): Text {
  const zh = title?.['zh-CN'] ?? name;
  const en = title?.en ?? name;
  return text(`请填写“${zh}”`, `"${en}" is required`);
}

export function requiredMaterialMessage(title: Text): Text {
  return text(`请提供材料“${title['zh-CN']}”`, `Provide "${title.en}"`);
}

export function tooManyFilesMessage(title: Text, max: number): Text {
  return text(`材料“${title['zh-CN']}”最多 ${max} 个文件`, `"${title.en}" takes at most ${max} file${max === 1 ? '' : 's'}`);
}

export function fileTypeMessage(title: Text, accept: string[]): Text {
  return text(`材料“${title['zh-CN']}”只接受 ${accept.join('、')}`, `"${title.en}" accepts only ${accept.join(', ')}`);
}

export function fileSizeMessage(title: Text, maxBytes: number): Text {
  const mb = Math.round((maxBytes / 1_048_576) * 10) / 10;
  return text(`材料“${title['zh-CN']}”的文件不能超过 ${mb} MB`, `Files of "${title.en}" must not exceed ${mb} MB`);
}

export function eLicenseMessage(title: Text, type: string): Text {
  return text(`材料“${title['zh-CN']}”只能引用“${type}”类电子证照`, `"${title.en}" can only reference an e-licence of type "${type}"`);
}

export function malformedMessage(where: string): Text {
  return text(`${where} 的格式不正确`, `${where} is malformed`);
}
