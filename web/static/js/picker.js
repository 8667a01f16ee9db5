// The scenario picker: the cards are rendered by the server; this adds the
// engines each scenario can run on (an AI persona where one is configured).
import { api, h, t } from './common.js';

async function engines() {
  let data;
  try {
    data = await api('GET', '/api/scenarios');
  } catch {
    return; // the cards work without it
  }
  for (const s of (data && data.scenarios) || []) {
    const card = document.querySelector(`[data-scenario="${CSS.escape(s.id)}"]`);
    if (!card) continue;
    const list = s.engines || [];
    const tag = card.querySelector('[data-engines]');
    if (tag && list.length > 0) {
      tag.textContent = list.map((e) => t('engine.' + e)).join(' · ');
      tag.hidden = false;
    }
    if (list.includes('llm')) {
      card.append(h('p', { class: 'scenario-alt' },
        h('a', { href: `/call/${encodeURIComponent(s.id)}?engine=llm` }, t('picker.llm'))));
    }
  }
}

engines();
