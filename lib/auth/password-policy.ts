/**
 * Passwords people commonly choose (from public leaked-password frequency lists, Chinese and
 * international), lowercase. A password of 8+ characters that is on this list is refused.
 */
const COMMON = new Set(
  `12345678 123456789 1234567890 11111111 00000000 88888888 66666666 12341234 11223344 87654321
  password password1 password123 passw0rd p@ssw0rd qwertyui qwerty123 qwertyuiop 1qaz2wsx 1q2w3e4r
  1q2w3e4r5t zxcvbnm1 asdfghjk asdfasdf abcd1234 abc12345 abcdefgh a1234567 a12345678 aa123456
  woaini1314 woaini520 5201314520 13145201314 iloveyou iloveyou1 admin123 admin888 administrator
  welcome1 welcome123 sunshine princess football baseball superman batman123 letmein1 trustno1
  123qweasd qweasdzxc 1qazxsw2 zaq12wsx q1w2e3r4 q1w2e3r4t5 11111111a 123456aa 123456abc
  a123456789 abc123456 123456qq qq123456 1234qwer qwer1234 147258369 159753456 741852963
  123123123 321321321 456456456 789789789 147147147 258258258 520520520 1314520520 12344321
  98765432 987654321 99999999 55555555 22222222 33333333 44444444 77777777 12121212 13131313
  yishi123 yishi1234 changeme changeme1 computer internet iloveyou2 chinese1 zhongguo1 beijing1
  dalian123 dalian1234 shanghai1 woaini123 aini1314 wodemima mima1234 mima123456`.split(/\s+/),
);

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  // One character repeated, or a plain run of digits up or down, is as weak as any listed one.
  if (/^(.)\1+$/.test(p)) return true;
  if (/^\d+$/.test(p) && (isDigitRun(p, 1) || isDigitRun(p, 9))) return true;
  return false;
}

/** True when each digit is the previous one plus `step` (mod 10): 1234567890…, 9876543210… */
function isDigitRun(p: string, step: number): boolean {
  for (let i = 1; i < p.length; i++) {
    if ((Number(p[i - 1]) + step) % 10 !== Number(p[i])) return false;
  }
  return true;
}
