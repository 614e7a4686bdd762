import type { z } from 'zod';
import { LetterheadSchema } from '../model/letterhead';
import { LookupSettingsSchema } from '../model/lookup-settings';
import { FailingAddressesSchema, MailCursorSchema } from '../model/mail';
import { TeamSettingsSchema, TeamSyncStateSchema } from '../model/team';
import { BackendSettingsSchema, DefaultsSettingsSchema, DetectionSettingsSchema } from '../model/settings';
import type { TakedownDb } from './schema';

export const SETTINGS = {
  letterhead: LetterheadSchema,
  backend: BackendSettingsSchema,
  defaults: DefaultsSettingsSchema,
  detection: DetectionSettingsSchema,
  lookup: LookupSettingsSchema,
  mailCursor: MailCursorSchema,
  failingAddresses: FailingAddressesSchema,
  team: TeamSettingsSchema,
  teamSync: TeamSyncStateSchema,
} as const;
export type SettingKey = keyof typeof SETTINGS;

/**
 * Settings that describe this browser's membership of a team (who it joined as, where the pull stands): they are
 * not part of the record, so an export leaves them out and another browser importing it does not sign in as us.
 */
export const BROWSER_ONLY_SETTINGS: readonly SettingKey[] = ['team', 'teamSync'];
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]>;

export interface SettingRead<K extends SettingKey> {
  value: SettingValue<K> | null;
  /** Set when a stored value no longer validates; the raw value is kept, never dropped. */
  error?: z.ZodError;
}

export async function readSetting<K extends SettingKey>(db: TakedownDb, key: K): Promise<SettingRead<K>> {
  const row = await db.settings.get(key);
  const schema = SETTINGS[key];
  if (row === undefined) {
    const fallback = schema.safeParse({});
    return { value: fallback.success ? (fallback.data as SettingValue<K>) : null };
  }
  const parsed = schema.safeParse(row.value);
  return parsed.success ? { value: parsed.data as SettingValue<K> } : { value: null, error: parsed.error };
}

/** Validates before writing, so an invalid value never replaces a good one. */
export async function writeSetting<K extends SettingKey>(
  db: TakedownDb,
  key: K,
  value: unknown,
): Promise<SettingValue<K>> {
  const parsed = SETTINGS[key].parse(value) as SettingValue<K>;
  await db.settings.put({ key, value: parsed });
  return parsed;
}
