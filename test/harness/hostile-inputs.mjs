// Inputs built to hurt a user-agent parser: huge, binary, and shaped for regex backtracking
// (after ua-parser-js's past ReDoS advisories: long runs of the characters a pattern repeats).
export function hostileUserAgents() {
  const real =
    'Mozilla/5.0 (Linux; Android 12; BLK-AL80 Build/HUAWEIBLK-AL80; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.122 Mobile Safari/537.36';
  return {
    empty: '',
    whitespace: ' \t'.repeat(5000),
    '1 MB of one letter': 'a'.repeat(1 << 20),
    '1 MB after a real UA': real + 'x'.repeat(1 << 20),
    'binary garbage': String.fromCharCode(...Array.from({ length: 8192 }, (_, i) => (i * 7919) % 65536)),
    NULs: '\u0000'.repeat(100000),
    'digit run': 'Mozilla/5.0 (Linux; Android ' + '1'.repeat(100000),
    'dotted digit run': 'Chrome/' + '1.'.repeat(50000),
    'semicolon run': 'Mozilla/5.0 (Linux; ' + '; '.repeat(50000),
    'space run in parentheses': 'Mozilla/5.0 (' + ' '.repeat(100000) + 'x',
    'parenthesis run': '('.repeat(50000) + ')'.repeat(50000),
    'repeated app token': 'MicroMessenger/'.repeat(20000),
    'QQ Browser version + TBS': 'MQQBrowser/' + '9.'.repeat(50000) + ' TBS/',
    'Build/ run': 'Mozilla/5.0 (Linux; Android 9; X' + ' Build/'.repeat(20000),
    unicode: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) ' + '\u{1F600}\u200B\uFEFF'.repeat(20000),
    'version soup': 'Version/' + '1.1.1 Safari/'.repeat(20000),
  };
}
