import type { Note } from '../../lib/model/note';
import { noteText } from '../../lib/model/note-text';

/** Notes as the CLI prints them, so tests keep asserting what a reader is told. */
export const notesText = (notes: readonly Note[]): string => notes.map(noteText).join(' ');
