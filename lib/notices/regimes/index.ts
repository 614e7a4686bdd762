import type { RegimeId } from '../../model/notice';
import type { Regime } from '../regime';
import { au } from './au';
import { caNotice } from './ca-notice';
import { cn } from './cn';
import { euDsa } from './eu-dsa';
import { generic } from './generic';
import { india } from './in';
import { jp } from './jp';
import { kr } from './kr';
import { uk } from './uk';
import { usDmca } from './us-dmca';

/** Every regime, one line each; the validator and the drafter only look regimes up here. */
export const REGIMES: Record<RegimeId, Regime> = {
  'us-dmca': usDmca,
  cn,
  'eu-dsa': euDsa,
  uk,
  'ca-notice': caNotice,
  jp,
  kr,
  au,
  in: india,
  generic,
};
