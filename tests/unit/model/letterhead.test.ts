import { describe, expect, it } from 'vitest';
import { letterheadErrors } from '../../../components/options/LetterheadForm';
import { dataUrlBytes, LetterheadSchema } from '../../../lib/model/letterhead';

const good = {
  company: 'Moonlit Games Ltd.',
  address: '1 Harbour Road',
  email: 'legal@moonlit.example',
  phone: '',
  signatory: 'Mei Chen',
  signatoryTitle: 'Head of Legal',
};

describe('letterhead', () => {
  it('accepts a complete letterhead and trims it', () => {
    expect(LetterheadSchema.parse({ ...good, company: '  Moonlit  ' }).company).toBe('Moonlit');
  });

  it('names each bad field with its own message key', () => {
    expect(letterheadErrors({ ...good, email: 'nope', company: ' ', signatory: '' })).toEqual({
      email: 'fieldInvalidEmail',
      company: 'fieldRequired',
      signatory: 'fieldRequired',
    });
  });

  it('rejects a logo that is not an image or is over 1 MB', () => {
    expect(letterheadErrors({ ...good, logo: 'data:text/html;base64,PGI+' })).toEqual({ logo: 'logoNotImage' });
    const big = `data:image/png;base64,${'A'.repeat(Math.ceil((1024 * 1024 + 10) / 3) * 4)}`;
    expect(dataUrlBytes(big)).toBeGreaterThan(1024 * 1024);
    expect(letterheadErrors({ ...good, logo: big })).toEqual({ logo: 'logoTooLarge' });
    expect(letterheadErrors({ ...good, logo: 'data:image/png;base64,iVBORw0KGgo=' })).toEqual({});
  });
});
