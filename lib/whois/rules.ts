/**
 * The WHOIS layouts as data. The document builder (document.ts) turns every dialect into keys qualified by the
 * section or block they sit in ("registrar name" for .ee's "Registrar:" section with a "name:" line, "registrant"
 * for .nl's value on the line under "Registrant:"); the parser (parse.ts) then reads each field from the keys
 * listed here, in order of preference. A new registry layout is a new entry here, not a new branch in code.
 */

/** A section's role from its heading or opener key, e.g. "Registrant Contact Information:" → registrant. */
export const SECTION_ROLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:domain )?(?:registrant|holder|owner|titular)(?: contact)?(?: information| info)?$/, 'registrant'],
  [/^organization using domain name$/, 'registrant'],
  [/^(?:sponsoring |authori[sz]ed |current )?registr?ar(?: information| contact| info| details)?$/, 'registrar'],
  [/^(?:administrative|admin)(?: contact)?(?:\/agent)?(?: information)?$|^admin-c$/, 'admin'],
  [/^(?:technical|tech)(?: contacts?)?(?: information)?$|^tech-c$/, 'tech'],
  [/^(?:registrar )?abuse(?: contact)?(?: information)?$/, 'abuse'],
  [/^reseller(?: information)?$/, 'reseller'],
  [/^billing(?: contact)?$|^billing-c$/, 'billing'],
  [/^domain(?: information| details)?$/, 'domain'],
  [/^zone-c$|^zone(?: contact)?$/, 'zone'],
];

/**
 * "Registrar: MARK-0292" opens a section of the registrar's own lines (.sk) only when a contact detail follows;
 * "Tech-c: CCA7-IEDR" followed by other domain keys (.ie) opens nothing.
 */
export const CONTACT_DETAIL_KEY = new RegExp(
  '^(?:name|organi[sz]ation|org|company|phone|telephone|e-?mail|street|city|address|fax|country(?: code)?' +
    '|postal code|person)\\b',
);

/** Roles a line has only as a heading with the value below it (.tk "Organisation:" over the holder's lines). */
export const HEADING_ONLY_ROLES: ReadonlyArray<readonly [RegExp, string]> = [[/^organi[sz]ation$/, 'registrant']];

/** "Contact: Registrant" then its lines (.pr): the value names the section's role. */
export const CONTACT_TYPE_KEYS = new Set(['contact', 'contact type', 'type of contact']);

/** Words that already scope a key: "registrar url" inside a Registrar section stays "registrar url". */
export const ROLE_WORDS: Record<string, RegExp> = {
  registrant: /\b(?:registrant|holder|owner)\b/,
  registrar: /\bregistr?ar\b/,
  admin: /\b(?:admin|administrative)\b/,
  tech: /\b(?:tech|technical)\b/,
  abuse: /\babuse\b/,
  reseller: /\breseller\b/,
  billing: /\bbilling\b/,
  zone: /\bzone\b/,
};

/** Sections whose keys stay readable unqualified: the domain object itself. */
export const UNSCOPED_ROLES = new Set(['domain']);

/**
 * First keys of RPSL-style blocks (blank-line separated) that hold a referenced contact: their keys are only read
 * through the handle that refers to them (.at .cz .fo .tz .mk .is .cr .ve .ar .ua .fr), never as the domain's own.
 */
export const CONTACT_BLOCK_FIRST_KEYS = new Set([
  'contact',
  'contact-id',
  'nic-hdl',
  'nic-hdl-br',
  'person',
  'personname',
  'role',
  'handle',
  'nic handle',
  'owner-c',
  'norid handle',
]);

/** Keys that open a new object even without a blank line before them (LACNIC/.cr/.cz answers run blocks together). */
export const OBJECT_START_KEYS = new Set(['contact', 'contact-id', 'nsset', 'keyset']);

/** Keys whose value is a block's own handle. */
export const HANDLE_KEYS = [
  'nic-hdl',
  'nic-hdl-br',
  'contact',
  'contact-id',
  'handle',
  'nic handle',
  'id',
  'registrar',
  'owner-c',
  'norid handle',
];

/** Inside a referenced contact block: its organisation, then (for php-whois-style "owner") a person's name. */
export const BLOCK_ORG_KEYS = [
  'org',
  'organization',
  'organisation',
  'org-name',
  'organization-loc',
  'company',
  'company name',
  'role',
  'contact',
  'descr',
];
export const BLOCK_NAME_KEYS = ['name', 'person', 'personname', 'person-loc', 'contact name', 'name-loc', 'contact'];

/** Keys that refer to the registrant's contact by handle. */
export const REGISTRANT_REF_KEYS = [
  'registrant',
  'holder',
  'holder-c',
  'owner',
  'owner-c',
  'owner contact',
  'registrant-c',
  'registrant id',
  'registrant contact',
  'registrant handle',
  'domain holder handle',
  'holder handle',
];
export const REGISTRAR_REF_KEYS = [
  'registrar',
  'sponsoring registrar',
  'registrar handle',
  'registrar id',
  'authorised registrar',
  'authorized registrar',
];

export const FIELD_KEYS = {
  registrar: [
    // CentralNic (.uk.com …, .la, .pw) prints its registrar's name only as "Sponsoring Registrar Organization".
    'sponsoring registrar organization',
    'registrar organization name',
    'registrar',
    'registrar name',
    'registrar organization',
    'registrar organisation',
    'sponsoring registrar',
    'registrar company',
    'registration service provider',
    'authorized agency',
    'current registar',
    'current registrar',
    'registrar-name',
    'registration service',
    // Norid prints only the registrar's handle ("REG466-NORID").
    'registrar handle',
    // IEDR (.ie) names the registrar's account.
    'account name',
  ],
  registrarUrl: [
    'registrar url',
    'registrar website',
    'registrar web site',
    'registrar web',
    'registrar www',
    'registrar homepage',
    'registration service url',
    'registration url',
    'sponsoring registrar website',
    'sponsoring registrar url',
    'referral url',
  ],
  registrarIanaId: ['registrar iana id', 'sponsoring registrar iana id', 'registrar iana', 'iana id', 'registrar id'],
  /** Only keys that say "abuse"; any other key naming abuse is read last (parse.ts). */
  abuseEmail: [
    'registrar abuse contact email',
    'abuse-mailbox',
    'orgabuseemail',
    'abuse contact email',
    'abuse email',
    'abuse-email',
    'abuse mailbox',
    'rabuseemail',
  ],
  abusePhone: [
    'registrar abuse contact phone',
    'orgabusephone',
    'abuse contact phone',
    'abuse phone',
    'abuse-phone',
    'abuse contact telephone',
  ],
  /** The registrar's own addresses, not labelled abuse (bullet 4 of issue 20: offered as a general contact). */
  registrarEmail: [
    'registrar email',
    'registrar e-mail',
    'registrar contact email',
    'registrar contact information',
    'registrar contact',
    'registrar mail',
    'registrar e-mail address',
    'sponsoring registrar email',
  ],
  registrantOrg: [
    'registrant organization',
    'registrant organisation',
    'registrant organization name',
    'registrant org',
    'registrant company english name',
    'registrant company name',
    'registrant company',
    'registrant name of organization',
    'registrant contact organisation',
    'registrant contact organization',
    'registrant organizacion',
    'registrant organización',
    'owner organization',
    'owner organisation',
    'owner orgname',
    'domain holder',
    'registrant',
    'holder',
    'owner',
    'org-name',
    'orgname',
    'organization',
    'organisation',
    'org',
    'owner name',
    'company name',
    // The first description line of the domain object names the holder (.hr .ie .il).
    'descr',
    // JPRS .ne.jp: the network service the domain is registered for.
    'network service name',
  ],
  registrantName: [
    'registrant name',
    'registrant contact name',
    'holder name',
    'registrant last name',
    'registrant',
    'holder',
    'owner',
    'registrant person',
    'person',
  ],
  country: ['registrant country', 'registrant country/economy', 'registrant country code', 'country'],
  range: ['inetnum', 'inet6num', 'netrange', 'cidr'],
  networkName: ['netname', 'network name'],
} as const;

/** Anchor keys that open one object's record; Verisign's old answers list look-alike "Server Name:" records first. */
export const LOOKALIKE_ANCHOR_KEYS = new Set(['server name']);
export const RECORD_ANCHOR_KEYS = new Set(['server name', 'domain name', 'domain']);

/** Values that stand for withheld data, never a contact (docs/rdap-quirks.md §2 "Placeholders to drop"). */
export const PLACEHOLDER = new RegExp(
  [
    'redacted',
    'not disclosed',
    'withheld for privacy',
    'please query',
    'statutory masking',
    'data protected',
    'non-public data',
    'gdpr masked',
    'not displayed',
    '\\(not shown\\)',
    '^not shown',
    'hidden upon user request',
    '^private person$',
    '^no registrar listed',
    '^n\\/?a$',
    '^none$',
    '^-$',
    '^\\*+$',
    '^\\.$',
  ].join('|'),
  'i',
);

/**
 * A registry's suffix on a registrar name: Afilias' "(R22-LRCC)", .aero's "(380)", Nominet's "[Tag = MARKMONITOR]".
 * Stripped for display and provider matching; the id is kept.
 */
export const REGISTRAR_SUFFIXES: ReadonlyArray<RegExp> = [
  /\s*\((R\d+-[A-Z0-9]+)\)\s*$/i,
  /\s+(R\d+-[A-Z]{2,6})\s*$/,
  /\s*\((\d{1,6})\)\s*$/,
  /\s*\[Tag\s*=\s*([^\]]+)\]\s*$/i,
];
