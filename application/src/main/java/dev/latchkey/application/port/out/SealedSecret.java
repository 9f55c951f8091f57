package dev.latchkey.application.port.out;

/** Bytes sealed by a {@link SecretSealer} (nonce and ciphertext with its tag): safe to store. */
public record SealedSecret(byte[] bytes) {

    public SealedSecret {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret sealed && java.util.Arrays.equals(sealed.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SealedSecret[" + bytes.length + " bytes]";
    }
}
