import { AppError, isErrorKind, type ErrorKind } from '../lib/errors';
import { useT, type MessageKey } from './i18n';

export function errorKindOf(err: unknown): ErrorKind {
  if (err instanceof AppError) return err.kind;
  const kind = (err as { kind?: unknown } | null)?.kind;
  return isErrorKind(kind) ? kind : 'internal';
}

/** One sentence per error kind that says what happened and what to do next, then the detail. */
export function ErrorMessage({ error, context }: { error: unknown; context?: string }) {
  const t = useT();
  const kind = errorKindOf(error);
  const detail = error instanceof Error ? error.message : '';
  return (
    <div className="banner banner--error" role="alert" data-testid="error" data-kind={kind}>
      {context && <strong>{context} </strong>}
      {t(`error_${kind}` as MessageKey)}
      {detail && <div className="muted mono">{detail}</div>}
    </div>
  );
}
