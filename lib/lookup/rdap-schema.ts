/**
 * A permissive RDAP (RFC 9083) response schema: unknown members pass through, known members must
 * have the right type, and every array is capped so hostile JSON cannot blow up later steps.
 *
 * Two kinds of fault are told apart. Unsafe answers (the wrong structure, entity or array counts over the caps,
 * nesting deeper than rdap-client's limit) are refused. Merely non-conformant ones are normalised first by
 * rdap-quirks.ts (a number where a string belongs in `handle` or `publicIds.identifier`, a 290-line remark) and
 * the fix is recorded in `quirks`, so a real answer is never rejected whole for them.
 */
import { z } from 'zod';
import { normaliseRdapQuirks } from './rdap-quirks';

export const MAX_RDAP_ARRAY = 500;
export const MAX_ENTITIES = 100;

const str = z.string().max(10_000);
const strArr = (max = 100) => z.array(str).max(max);

const LinkSchema = z.looseObject({
  value: str.nullish(),
  rel: str.nullish(),
  href: str.max(4096),
  type: str.nullish(),
});
export type RdapLink = z.infer<typeof LinkSchema>;

const NoticeSchema = z.looseObject({
  title: str.nullish(),
  type: str.nullish(),
  description: strArr(200).nullish(),
  links: z.array(LinkSchema).max(50).nullish(),
});

const EventSchema = z.looseObject({ eventAction: str, eventDate: str.nullish(), eventActor: str.nullish() });

const PublicIdSchema = z.looseObject({ type: str, identifier: str });

/** jCard: ["vcard", [[name, params, valueType, value, ...], ...]] (RFC 7095). Property contents are checked by jcard.ts. */
const VcardSchema = z.tuple([z.string(), z.array(z.array(z.unknown()).max(50)).max(MAX_RDAP_ARRAY)]);

const RedactedSchema = z.looseObject({
  name: z.looseObject({ description: str.nullish(), type: str.nullish() }).nullish(),
  prePath: str.nullish(),
  postPath: str.nullish(),
  replacementPath: str.nullish(),
  method: str.nullish(),
  reason: z.looseObject({ description: str.nullish(), type: str.nullish() }).nullish(),
});

const Cidr0Schema = z.looseObject({
  v4prefix: str.nullish(),
  v6prefix: str.nullish(),
  // registro.br sends the length as a string ("20").
  length: z.union([z.number().int().min(0).max(128), z.string().regex(/^\d{1,3}$/)]),
});

const common = {
  objectClassName: str.nullish(),
  handle: str.nullish(),
  status: strArr().nullish(),
  remarks: z.array(NoticeSchema).max(MAX_RDAP_ARRAY).nullish(),
  links: z.array(LinkSchema).max(MAX_RDAP_ARRAY).nullish(),
  events: z.array(EventSchema).max(MAX_RDAP_ARRAY).nullish(),
  port43: str.nullish(),
  lang: str.nullish(),
};

export interface RdapEntity {
  objectClassName?: string | null;
  handle?: string | null;
  roles?: string[] | null;
  vcardArray?: [string, unknown[][]] | null;
  publicIds?: Array<{ type: string; identifier: string }> | null;
  entities?: RdapEntity[] | null;
  remarks?: z.infer<typeof NoticeSchema>[] | null;
  links?: RdapLink[] | null;
  [k: string]: unknown;
}

export const EntitySchema: z.ZodType<RdapEntity> = z.looseObject({
  ...common,
  roles: strArr(30).nullish(),
  vcardArray: VcardSchema.nullish(),
  publicIds: z.array(PublicIdSchema).max(20).nullish(),
  get entities() {
    return z.array(EntitySchema).max(MAX_ENTITIES).nullish();
  },
  networks: z.array(z.unknown()).max(MAX_RDAP_ARRAY).nullish(),
  autnums: z.array(z.unknown()).max(MAX_RDAP_ARRAY).nullish(),
});

const RdapObjectShape = z.looseObject({
  ...common,
  rdapConformance: strArr().nullish(),
  notices: z.array(NoticeSchema).max(MAX_RDAP_ARRAY).nullish(),
  entities: z.array(EntitySchema).max(MAX_ENTITIES).nullish(),
  // ip network
  startAddress: str.nullish(),
  endAddress: str.nullish(),
  ipVersion: str.nullish(),
  name: str.nullish(),
  type: str.nullish(),
  country: str.nullish(),
  parentHandle: str.nullish(),
  cidr0_cidrs: z.array(Cidr0Schema).max(100).nullish(),
  arin_originas0_originautnums: z.array(z.number().int().min(0).max(4294967295)).max(100).nullish(),
  lacnic_originAutnum: strArr().nullish(),
  nicbr_autnum: z.union([z.number().int().min(0).max(4294967295), z.string().max(20)]).nullish(),
  // autnum
  startAutnum: z.number().int().nullish(),
  endAutnum: z.number().int().nullish(),
  // domain
  ldhName: str.nullish(),
  unicodeName: str.nullish(),
  nameservers: z
    .array(z.looseObject({ ldhName: str.nullish() }))
    .max(MAX_RDAP_ARRAY)
    .nullish(),
  redacted: z.array(RedactedSchema).max(MAX_RDAP_ARRAY).nullish(),
  // RFC 9083 §6 error
  errorCode: z.number().int().nullish(),
  title: str.nullish(),
  description: strArr(200).nullish(),
  /** What rdap-quirks.ts normalised before validation (this project's member, not RFC 9083's). */
  quirks: z.array(str).max(100).optional(),
});

export const RdapObjectSchema = z.preprocess(normaliseRdapQuirks, RdapObjectShape);
export type RdapObject = z.output<typeof RdapObjectShape>;
