package dev.latchkey.domain.apikey;

import dev.latchkey.domain.common.Base62;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The 6-character checksum of PRODUCT.md §2: CRC-32 (IEEE) of the UTF-8 bytes before it,
 * unsigned, in base62 ({@code 0-9A-Za-z}), most significant digit first, left-padded with '0'.
 */
public final class KeyChecksum {

    public static final int LENGTH = 6;

    private KeyChecksum() {
    }

    public static String of(CharSequence payload) {
        CRC32 crc = new CRC32();
        crc.update(payload.toString().getBytes(StandardCharsets.UTF_8));
        return Base62.encode(crc.getValue(), LENGTH);
    }
}
