import { text, type Text } from '../text.js';

/**
 * Messages for ajv-formats' standard formats (the Chinese formats carry theirs in their
 * descriptors). Small on purpose: the browser runtime carries this table.
 */
export const standardFormatMessages: Readonly<Record<string, Text>> = {
  date: text('请输入有效日期，如 2024-01-31', 'Enter a real date, such as 2024-01-31'),
  time: text('请输入有效时间，如 09:30:00+08:00', 'Enter a real time, such as 09:30:00+08:00'),
  'date-time': text('请输入有效的日期和时间，如 2024-01-31T09:30:00+08:00', 'Enter a real date and time, such as 2024-01-31T09:30:00+08:00'),
  'iso-time': text('请输入有效时间，如 09:30:00', 'Enter a real time, such as 09:30:00'),
  'iso-date-time': text('请输入有效的日期和时间，如 2024-01-31T09:30:00', 'Enter a real date and time, such as 2024-01-31T09:30:00'),
  duration: text('请输入有效的时长，如 P3D', 'Enter a valid duration, such as P3D'),
  uri: text('请输入有效的网址', 'Enter a valid web address'),
  'uri-reference': text('请输入有效的网址或路径', 'Enter a valid web address or path'),
  'uri-template': text('请输入有效的网址模板', 'Enter a valid URI template'),
  url: text('请输入有效的网址，如 https://www.gov.cn', 'Enter a valid web address, such as https://www.gov.cn'),
  email: text('请输入有效的电子邮箱地址，如 name@example.com', 'Enter a valid email address, such as name@example.com'),
  hostname: text('请输入有效的域名', 'Enter a valid host name'),
  ipv4: text('请输入有效的 IPv4 地址', 'Enter a valid IPv4 address'),
  ipv6: text('请输入有效的 IPv6 地址', 'Enter a valid IPv6 address'),
  regex: text('请输入有效的正则表达式', 'Enter a valid regular expression'),
  uuid: text('请输入有效的 UUID', 'Enter a valid UUID'),
  'json-pointer': text('请输入有效的 JSON 指针', 'Enter a valid JSON pointer'),
  'json-pointer-uri-fragment': text('请输入有效的 JSON 指针', 'Enter a valid JSON pointer'),
  'relative-json-pointer': text('请输入有效的相对 JSON 指针', 'Enter a valid relative JSON pointer'),
  byte: text('请输入有效的 Base64 编码内容', 'Enter valid Base64-encoded content'),
  int32: text('请输入 -2147483648 至 2147483647 之间的整数', 'Enter a whole number from -2147483648 to 2147483647'),
  int64: text('请输入有效的整数', 'Enter a valid whole number'),
  float: text('请输入有效的数字', 'Enter a valid number'),
  double: text('请输入有效的数字', 'Enter a valid number'),
  password: text('请输入有效的密码', 'Enter a valid password'),
  binary: text('请上传有效的内容', 'Provide valid content'),
};
