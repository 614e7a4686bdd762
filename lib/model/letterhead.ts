import { z } from 'zod';

/** A logo is stored as a data: URL so it travels with exports and renders in printed letters. */
export const LOGO_MAX_BYTES = 1024 * 1024;
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

/** Bytes encoded by a base64 data URL, without decoding it. */
export function dataUrlBytes(dataUrl: string): number {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

const line = (max: number) => z.string().trim().max(max);

export const LetterheadSchema = z.object({
  company: line(200).min(1, 'required'),
  address: line(1000).min(1, 'required'),
  email: z.string().trim().max(254).pipe(z.email('invalid_email')),
  phone: line(60).default(''),
  signatory: line(200).min(1, 'required'),
  signatoryTitle: line(200).default(''),
  /** 统一社会信用代码 (PRC unified social credit code): printed in Chinese notices when given (NCAC 2007 form). */
  creditCode: line(40).optional(),
  /** 法定代表人 (legal representative): printed in Chinese notices when given (NCAC 2007 form). */
  legalRep: line(200).optional(),
  logo: z
    .string()
    .regex(IMAGE_DATA_URL, 'not_an_image')
    .refine((s) => dataUrlBytes(s) <= LOGO_MAX_BYTES, 'too_large')
    .optional(),
});
export type Letterhead = z.infer<typeof LetterheadSchema>;
