import { cnActionFiled } from './cn-action-filed';
import { miitUnfiled } from './miit-unfiled';
import { repeatInfringer } from './repeat-infringer';
import type { LetterKind } from './schema';
import type { LetterSpec } from './spec';
import { usActionFiled } from './us-action-filed';

/** Every letter kind; adding one means adding its spec here and nothing in the drafter. */
export const LETTER_SPECS: { [K in LetterKind]: LetterSpec<K> } = {
  us_action_filed: usActionFiled,
  cn_action_filed: cnActionFiled,
  repeat_infringer: repeatInfringer,
  miit_unfiled: miitUnfiled,
};
