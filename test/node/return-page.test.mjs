// The return page helper: FaceID redirects back to the customer's RedirectURL with ?token=<BizToken>.
// Runs against the build (dist/), like a customer's page would import it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReturnToken } from '../../dist/handoff/return-page.js';

const TOKEN = 'CE661F1A-0F1E-45BD-BE13-34C05CEA7681';
const page = 'https://customer.example/kyc/done';

const found = {
  'the documented form': [`${page}?token=${TOKEN}`, TOKEN],
  'among other parameters': [`${page}?lang=th&token=${TOKEN}&step=2`, TOKEN],
  'with a fragment after it': [`${page}?token=${TOKEN}#top`, TOKEN],
  'lower case': [`${page}?token=${TOKEN.toLowerCase()}`, TOKEN.toLowerCase()],
  'underscores, 8 characters': [`${page}?token=ab_cd-12`, 'ab_cd-12'],
  '128 characters': [`${page}?token=${'a'.repeat(128)}`, 'a'.repeat(128)],
  'percent-encoded hyphens': [`${page}?token=${TOKEN.replaceAll('-', '%2D')}`, TOKEN],
};
for (const [name, [href, token]] of Object.entries(found)) {
  test(`reads the token: ${name}`, () => assert.equal(readReturnToken(href), token));
}

const none = {
  'no query': page,
  'no token parameter': `${page}?lang=th`,
  'an empty token': `${page}?token=`,
  'only in the fragment': `${page}#token=${TOKEN}`,
  'in the fragment, with a query': `${page}?lang=th#?token=${TOKEN}`,
  '7 characters': `${page}?token=abcdefg`,
  '129 characters': `${page}?token=${'a'.repeat(129)}`,
  markup: `${page}?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
  'a space': `${page}?token=CE661F1A+0F1E`,
  'a dot': `${page}?token=CE661F1A.0F1E`,
  'non-ASCII letters': `${page}?token=CE661F1A%D0%B0BCDE`,
  'two tokens': `${page}?token=${TOKEN}&token=AAAAAAAA-BBBB`,
  'a Token parameter (other case)': `${page}?Token=${TOKEN}`,
  'a relative href': `/kyc/done?token=${TOKEN}`,
  'not a URL': 'not a url',
  'the empty string': '',
};
for (const [name, href] of Object.entries(none)) {
  test(`no token: ${name}`, () => assert.equal(readReturnToken(href), null));
}

test('no token and no exception for what is not a string', () => {
  for (const value of [undefined, null, 42, {}, new URL(`${page}?token=${TOKEN}`)]) {
    assert.equal(readReturnToken(value), null);
  }
});
