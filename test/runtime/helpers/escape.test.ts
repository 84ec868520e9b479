import { describe, expect, it } from 'vitest';
import { escapeDiscordMarkdown, escapeHtml, escapeSlackText } from '../../../src/runtime/helpers/escape.js';

describe('escapeHtml', () => {
  it.each([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;']])('%s → %s', (char, entity) => {
    expect(escapeHtml(`a${char}b${char}`)).toBe(`a${entity}b${entity}`);
  });

  it('escapes a whole fragment, and escapes existing entities again', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('plain text, 100% *safe* ✓')).toBe('plain text, 100% *safe* ✓');
  });
});

describe('escapeSlackText', () => {
  it.each([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;']])('%s → %s', (char, entity) => {
    expect(escapeSlackText(`a${char}b${char}`)).toBe(`a${entity}b${entity}`);
  });

  it('neutralises links and mentions but leaves quotes and mrkdwn punctuation alone', () => {
    expect(escapeSlackText('<!channel> <https://evil.example|click>')).toBe('&lt;!channel&gt; &lt;https://evil.example|click&gt;');
    expect(escapeSlackText(`"Ada's" *plan*`)).toBe(`"Ada's" *plan*`);
  });
});

describe('escapeDiscordMarkdown', () => {
  it.each(['*', '_', '~', '`', '|', '>', '#', '-', '[', ']', '(', ')', '\\'])('backslash-escapes %s', (char) => {
    expect(escapeDiscordMarkdown(`a${char}b${char}`)).toBe(`a\\${char}b\\${char}`);
  });

  it('escapes markdown structures so they show literally', () => {
    expect(escapeDiscordMarkdown('**bold** [x](https://e.x) # h')).toBe('\\*\\*bold\\*\\* \\[x\\]\\(https://e.x\\) \\# h');
    expect(escapeDiscordMarkdown('a\\*b')).toBe('a\\\\\\*b');
  });

  it.each([
    ['@everyone', '@\u200beveryone'],
    ['hi @here!', 'hi @\u200bhere!'],
    ['<@80351110224678912>', '<@\u200b80351110224678912\\>'],
    ['<@!80351110224678912>', '<@\u200b!80351110224678912\\>'],
    ['<@&165511591545143296>', '<@\u200b&165511591545143296\\>'],
  ])('neutralises the mention in %s', (text, expected) => {
    expect(escapeDiscordMarkdown(text)).toBe(expected);
  });

  it('leaves plain text, e-mail addresses and other punctuation unchanged', () => {
    expect(escapeDiscordMarkdown('ada@example.com paid 29.99! ok? 50% + {x}')).toBe('ada@example.com paid 29.99! ok? 50% + {x}');
  });
});
