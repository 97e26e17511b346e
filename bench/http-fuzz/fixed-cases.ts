/**
 * Requests that answered 500 once (security review "Trust II", then what this fuzzer found), each
 * with the answer it must get now. They run first, on every fuzz run.
 */
import type { RawRequest } from './raw-http';
import type { FuzzContext } from './vocabulary';

interface Fixed {
  request: RawRequest;
  expect: readonly number[];
}

type Headers = [string, string][];

export function FIXED(ctx: FuzzContext): Fixed[] {
  const home = ctx.home;
  const resident: Headers = [['cookie', ctx.cookies[1] ?? '']];
  const actionId = (name: string) => ctx.actions.find((a) => a.name === name)?.id ?? '';
  const changePassword: Headers = [['next-action', actionId('changePasswordAction')]];
  const cosign: Headers = [['next-action', actionId('cosignAction')]];
  const req = (method: string, target: string, headers: Headers = [], body?: string): RawRequest => ({
    method,
    target,
    headers: [['host', ctx.host], ...headers],
    body: body === undefined ? undefined : Buffer.from(body),
  });
  const get = (target: string, headers: Headers = resident) => req('GET', target, headers);
  const post = (target: string, type: string, body: string, headers: Headers = []) =>
    req('POST', target, [...resident, ['content-type', type], ...headers], body);
  const JSON_TYPE = 'application/json';
  const TEXT = 'text/plain;charset=UTF-8';
  const FORM = 'multipart/form-data; boundary=b';
  const aForm = '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n';
  const ballot = '{"voterKey":"p:4","choice":["agree"]}';
  const from = (origin: string): Headers => [['origin', origin]];

  return [
    // FTS5 search: a NUL ended the phrase early ("unterminated string").
    { request: get(`/c/${home}/topics?q=ab%00`), expect: [200] },
    { request: get(`/c/${home}/topics?q=%00%00%00`), expect: [200] },
    { request: get(`/c/${home}/topics?q=%E4%B8%8B%00%E6%B0%B4%E7%AE%A1`), expect: [200] },
    // The ballot fast path decoded its ids with decodeURIComponent, which throws.
    { request: post('/api/compounds/%E0%A4%A/votes/1/ballots', JSON_TYPE, ballot), expect: [400] },
    { request: post(`/api/compounds/${home}/votes/%ZZ/ballots`, JSON_TYPE, ballot), expect: [400] },
    // A server action from a foreign origin: Next refuses it by throwing (500); a form posted without JavaScript too.
    { request: post('/account', TEXT, '[]', [...changePassword, ...from('https://evil.example')]), expect: [403] },
    { request: post('/account', TEXT, '[]', [...changePassword, ...from('null')]), expect: [403] },
    { request: post('/account', TEXT, '[]', [...changePassword, ...from('garbage')]), expect: [403] },
    { request: post('/account', FORM, aForm, from('https://evil.example')), expect: [403] },
    // Next cannot decode these params and fails to render its own 400.
    { request: get('/c/%E0%A4%A'), expect: [400] },
    { request: get(`/c/${home}/topics/%ZZ`), expect: [400] },
    { request: get('/api/photos/%E0%A4%A'), expect: [400] },
    { request: get('/api/compounds/%E0%A4%A/export'), expect: [400] },
    { request: get('*'), expect: [400] },
    // Found by this fuzzer. Next fails to render its own 405, 416 and 412 pages; TRACE breaks its Request;
    // it throws on a router state it cannot parse; Node drops an Upgrade nobody listens for.
    { request: req('PUT', '/templates/units-template.csv'), expect: [405] },
    { request: req('TRACE', '/'), expect: [405] },
    { request: get('/templates/units-template.csv', [['range', 'bytes=9999999999-']]), expect: [200] },
    { request: req('OPTIONS', `/c/${home}`), expect: [204] },
    { request: get(`/c/${home}`, [...resident, ['rsc', '1'], ['next-router-state-tree', '%00']]), expect: [400] },
    {
      request: get('/', [
        ['upgrade', 'websocket'],
        ['connection', 'upgrade'],
      ]),
      expect: [400],
    },
    // A route's unsupported method: Next's 405 had no body.
    { request: req('PUT', '/api/health'), expect: [405] },
    { request: get(`/api/compounds/${home}/votes/1/ballots`), expect: [405] },
    // next-auth makes a 500 of a callbackUrl it will not use, of a GET to the credentials callback, of bad JSON.
    { request: get('/api/auth/providers?callbackUrl=1e3', []), expect: [400] },
    { request: get('/api/auth/session', [['cookie', 'next-auth.callback-url=1e3']]), expect: [400] },
    { request: get('/api/auth/callback/credentials', []), expect: [405] },
    { request: post('/api/auth/session', JSON_TYPE, '{not json'), expect: [400] },
    {
      request: post('/api/auth/signout', 'application/x-www-form-urlencoded', 'csrfToken=x&callbackUrl=1e3'),
      expect: [400],
    },
    // Server action bodies Next cannot decode, a form post without a boundary, arguments of the wrong type
    // (form.get on a string threw): the last two are typed refusals of the action itself.
    { request: post('/account', TEXT, '{not json', changePassword), expect: [400] },
    { request: post('/account', TEXT, '"x"', changePassword), expect: [400] },
    { request: post('/login', 'multipart/form-data', '--b\r\n'), expect: [400] },
    { request: post(`/c/${home}/topics/1`, TEXT, `[${home},null,"x"]`, cosign), expect: [200] },
    { request: post('/account', TEXT, '[null,"x"]', changePassword), expect: [200] },
  ];
}
