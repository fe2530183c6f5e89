package net.erp.bench.signing;

/**
 * Turns an ECDSA signature from the DER SEQUENCE of two INTEGERs that JCA gives into the fixed-width R || S
 * form that JWS uses (RFC 7518 section 3.4). Only needed for a provider without a P1363 signature form.
 */
final class EcdsaSignatures {

    private EcdsaSignatures() {
    }

    static byte[] derToConcatenated(byte[] der, int width) {
        int offset = 2;
        if ((der[1] & 0x80) != 0) {
            offset += der[1] & 0x7f;
        }
        byte[] out = new byte[2 * width];
        offset = copyInteger(der, offset, out, 0, width);
        copyInteger(der, offset, out, width, width);
        return out;
    }

    /** Copies the INTEGER at {@code offset} right-aligned into {@code out}; answers the offset after it. */
    private static int copyInteger(byte[] der, int offset, byte[] out, int outOffset, int width) {
        if (der[offset] != 0x02) {
            throw new IllegalArgumentException("not a DER INTEGER at " + offset);
        }
        int length = der[offset + 1];
        int start = offset + 2;
        int skip = Math.max(0, length - width);
        int copied = length - skip;
        System.arraycopy(der, start + skip, out, outOffset + width - copied, copied);
        return start + length;
    }
}
