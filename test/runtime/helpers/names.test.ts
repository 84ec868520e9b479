import { describe, expect, it } from 'vitest';
import { splitName } from '../../../src/runtime/helpers/names.js';

describe('splitName', () => {
  it.each([
    [null, '', ''],
    [undefined, '', ''],
    ['', '', ''],
    ['  \t ', '', ''],
    ['Cher', 'Cher', ''],
    ['  Ada   Lovelace  ', 'Ada', 'Lovelace'],
    ['Ada\tLovelace\n', 'Ada', 'Lovelace'],
    ['Ada King Lovelace', 'Ada King', 'Lovelace'],
    ['Augusta  Ada King  Lovelace', 'Augusta Ada King', 'Lovelace'],
  ])('%j → %j %j', (fullName, firstName, lastName) => {
    expect(splitName(fullName)).toEqual({ firstName, lastName });
  });
});
