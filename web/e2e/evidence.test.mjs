// Unit tests of the scorecard's evidence placement (web/static/js/evidence.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupEvidence, locate, segments } from '../static/js/evidence.js';

test('locate finds the quote exactly, then ignoring case', () => {
  const cases = [
    { name: 'exact', text: 'Guten Tag, Herr B.', quote: 'Herr B.', want: [11, 18] },
    { name: 'first occurrence', text: 'ja ja ja', quote: 'ja', want: [0, 2] },
    { name: 'case differs', text: 'Wie GEHT es?', quote: 'wie geht', want: [0, 8] },
    { name: 'missing', text: 'Hallo', quote: 'Tschüss', want: null },
    { name: 'empty quote', text: 'Hallo', quote: '', want: null },
  ];
  for (const c of cases) assert.deepEqual(locate(c.text, c.quote), c.want, c.name);
});

test('segments cover the text in order, marking overlaps with every piece', () => {
  const a = { quote: 'Guten Tag', effect: '+' };
  const b = { quote: 'Tag Herr B.', effect: '-' };
  const lost = { quote: 'nicht da', effect: '+' };
  const segs = segments('Guten Tag Herr B., wie geht es?', [a, b, lost]);
  assert.equal(segs.map((s) => s.text).join(''), 'Guten Tag Herr B., wie geht es?', 'no text lost or doubled');
  assert.deepEqual(segs.map((s) => [s.text, s.ev.map((e) => e.quote)]), [
    ['Guten ', ['Guten Tag']],
    ['Tag', ['Guten Tag', 'Tag Herr B.']],
    [' Herr B.', ['Tag Herr B.']],
    [', wie geht es?', []],
  ]);
});

test('segments of a text without evidence is the text', () => {
  assert.deepEqual(segments('Hallo', []), [{ text: 'Hallo', ev: [] }]);
  assert.deepEqual(segments('', [{ quote: 'x' }]), []);
});

test('groupEvidence merges reasons on the same words of the same turn', () => {
  const ev = [
    { turn: 3, quote: 'Wie?', why: 'open' },
    { turn: 1, quote: 'Hallo', why: 'friendly' },
    { turn: 3, quote: 'Wie?', why: 'follow-up' },
    { turn: 1, quote: 'Hallo', why: 'greets' },
    { turn: 1, quote: 'Anna', why: 'name' },
  ];
  const groups = groupEvidence(ev);
  assert.deepEqual(groups.map((g) => [g.turn, g.quote, g.items.map((e) => e.why)]), [
    [1, 'Hallo', ['friendly', 'greets']],
    [1, 'Anna', ['name']],
    [3, 'Wie?', ['open', 'follow-up']],
  ]);
});
