// The API's spans are UTF-8 byte offsets into a text; JavaScript strings index UTF-16 code units.
// ByteIndex maps one to the other for a given text.

export class ByteIndex {
  // offsets[b] = UTF-16 index of the character starting at byte b, -1 inside a character.
  private readonly offsets: Int32Array;

  constructor(readonly text: string) {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      bytes += utf8Length(text, i);
      if (isHighSurrogate(text, i)) i++;
    }
    this.offsets = new Int32Array(bytes + 1).fill(-1);
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      this.offsets[b] = i;
      b += utf8Length(text, i);
      if (isHighSurrogate(text, i)) i++;
    }
    this.offsets[b] = text.length;
  }

  get byteLength(): number { return this.offsets.length - 1; }

  // UTF-16 index of byte offset b, or null when b is outside the text or inside a character.
  toIndex(b: number): number | null {
    if (!Number.isInteger(b) || b < 0 || b >= this.offsets.length) return null;
    const i = this.offsets[b];
    return i === undefined || i < 0 ? null : i;
  }
}

function isHighSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

// Bytes of the character at i (a surrogate pair counts once, 4 bytes; a lone surrogate is
// replaced by U+FFFD, 3 bytes, as an encoder would).
function utf8Length(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (isHighSurrogate(s, i)) return 4;
  return 3;
}
