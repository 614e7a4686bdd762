import type { ExportKind } from '../../components/options/DataPanel';
import { services } from '../../lib/db/services';
import { noticesToCsv } from '../../lib/export/csv';
import { toLumen } from '../../lib/export/lumen';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * JSON: the full export (evidence bytes included), the only format import reads back.
 * Lumen: one file holding an array of Lumen notice objects, one per sent notice, without letter bodies.
 */
export async function exportData(kind: ExportKind): Promise<void> {
  const { transfer, works: worksRepo, settings } = services();
  if (kind === 'json')
    return download(`takedown-export-${stamp()}.json`, 'application/json', await transfer.exportJson());
  const notices = await transfer.notices();
  if (kind === 'csv')
    return download(`takedown-notices-${stamp()}.csv`, 'text/csv;charset=utf-8', `\uFEFF${noticesToCsv(notices)}`);
  const works = await worksRepo.list();
  const letterhead = (await settings.read('letterhead')).value;
  const sender = letterhead?.company ? { name: letterhead.company, kind: 'organization' as const } : undefined;
  const lumen = notices.filter((n) => n.sent).map((n) => toLumen(n, { works, sender }));
  download(`takedown-lumen-${stamp()}.json`, 'application/json', JSON.stringify(lumen, null, 2));
}

export const importData = (text: string) => services().transfer.importJson(text);

/** Empties every table in one transaction; the database itself stays, so open pages keep working. */
export const clearAllData = () => services().transfer.clearAll();
