import { predictFromUserAgent, type Prediction, type ProfileId } from '../src/core/index.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function renderVerdict(target: HTMLElement, p: Prediction): void {
  const box = document.createElement('div');
  box.className = 'verdict';
  box.dataset.mode = p.mode;
  const title = document.createElement('strong');
  title.textContent = `${p.mode} — likelihood ${Math.round(p.likelihood * 100)} %`;
  const rule = document.createElement('code');
  rule.textContent = ` rule ${p.rule}`;
  const list = document.createElement('ul');
  for (const reason of p.reasons) list.append(Object.assign(document.createElement('li'), { textContent: reason }));
  box.append(title, rule, list);
  target.replaceChildren(box);
}

function update(): void {
  const profile = $<HTMLSelectElement>('profile').value as ProfileId;
  const p = predictFromUserAgent(navigator.userAgent, { profile, maxTouchPoints: navigator.maxTouchPoints });
  renderVerdict($('verdict'), p);
  $('environment').textContent = JSON.stringify(p.environment, null, 2);
  $('ua').textContent = navigator.userAgent;
  const pasted = $<HTMLTextAreaElement>('paste').value.trim();
  if (pasted) renderVerdict($('paste-verdict'), predictFromUserAgent(pasted, { profile }));
  else $('paste-verdict').replaceChildren();
}

$('profile').addEventListener('change', update);
$('paste').addEventListener('input', update);
update();
