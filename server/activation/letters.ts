import 'server-only';
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { issueCodes } from '@/db/activation/codes';
import { eligibleHolders, type LetterScope } from '@/db/activation/eligible';
import { formatActivationCode, generateActivationCode } from '@/lib/activation/code';
import { hashActivationCode } from '@/lib/activation/hash';
import { activationPath, maskHolderName, type QrGeometry, qrGeometryFromSvg } from '@/lib/activation/letter';
import { activationExpiry } from '@/lib/activation/state';
import type { StaffReach } from '@/lib/auth/permissions';
import type { LetterAuthority } from '@/lib/households/rules';
import { activationPepper } from '../auth/peppers';

/** One slip of an activation letter, as the print page lays it out. */
export interface Letter {
  building: string;
  units: string;
  maskedName: string;
  /** Formatted for reading aloud: ABCD-EFGH-JKMN. Shown once, here; only its hash is kept. */
  code: string;
  url: string;
  qr: QrGeometry;
}

export interface LetterBatch {
  letters: Letter[];
  expiresAt: number;
  /** Older codes of these holders that the new letters replaced. */
  revoked: number;
  activated: number;
  outOfReach: number;
}

async function qrOf(url: string): Promise<QrGeometry> {
  // Level M survives a crease or a smudge on a letter; the quiet zone of 4 modules is what scanners expect.
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const geometry = qrGeometryFromSvg(svg);
  if (!geometry) throw new Error('qrcode gave an SVG of an unexpected shape');
  return geometry;
}

/**
 * Makes the letters for the holders in `scope` that the maker may hand an account to: a fresh code each (any older
 * open code of theirs revoked), stored as an HMAC, with its QR code to /activate. The codes leave the server only in
 * this answer, for printing.
 */
export async function makeLetters(
  input: {
    compoundId: number;
    scope: LetterScope;
    actorId: number;
    authority: LetterAuthority;
    reach: StaffReach;
    origin: string;
  },
  now: number,
): Promise<LetterBatch> {
  const eligible = eligibleHolders(input.compoundId, input.scope, { authority: input.authority, reach: input.reach });
  const pepper = activationPepper();
  const made = eligible.holders.map((h) => ({ holder: h, code: generateActivationCode(randomBytes) }));
  const expiresAt = activationExpiry(now);
  const { revoked } = issueCodes(
    input.compoundId,
    input.actorId,
    made.map((m) => ({ holderId: m.holder.holderId, codeHash: hashActivationCode(m.code, pepper) })),
    expiresAt,
    now,
  );
  const letters: Letter[] = [];
  for (const { holder, code } of made) {
    const url = `${input.origin}${activationPath(code)}`;
    letters.push({
      building: holder.building,
      units: holder.units,
      maskedName: maskHolderName(holder.name),
      code: formatActivationCode(code),
      url,
      qr: await qrOf(url),
    });
  }
  return { letters, expiresAt, revoked, activated: eligible.activated, outOfReach: eligible.outOfReach };
}
