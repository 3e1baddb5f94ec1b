/**
 * ajv-formats' standard formats that ajv calls as functions, under the export names standalone
 * validators import (see ./standalone-names.ts). Kept apart from ./standalone-runtime.ts so the
 * whole ajv-formats table is bundled only when a validator uses one of them.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';

export const fmt_time = fullFormats.time;
export const fmt_date_time = fullFormats['date-time'];
export const fmt_iso_time = fullFormats['iso-time'];
export const fmt_iso_date_time = fullFormats['iso-date-time'];
export const fmt_uri = fullFormats.uri;
export const fmt_regex = fullFormats.regex;
export const fmt_byte = fullFormats.byte;
export const fmt_int32 = fullFormats.int32;
export const fmt_int64 = fullFormats.int64;
export const fmt_float = fullFormats.float;
export const fmt_double = fullFormats.double;
