package dev.reason4j.testbed.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GPT-2's byte-level alphabet ({@code bytes_to_unicode} in OpenAI's encoder and Hugging Face's ByteLevel
 * pre-tokenizer): each of the 256 byte values is written as one printable character, so that any text is a string
 * over 256 symbols and no byte is unknown. Printable Latin-1 bytes stand for themselves; the others (control
 * characters, space, …) are shifted to U+0100 and up, which is why a leading space shows as {@code Ġ}.
 */
final class ByteLevelAlphabet {

    /** The character of each byte value. */
    private static final char[] CHAR_OF_BYTE = new char[256];
    /** The byte values in GPT-2's order: the printable ones first, then the shifted ones. */
    private static final List<Integer> ORDER = new ArrayList<>(256);

    static {
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            printable[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            printable[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            printable[b] = true;
        }
        for (int b = 0; b < 256; b++) {
            if (printable[b]) {
                CHAR_OF_BYTE[b] = (char) b;
                ORDER.add(b);
            }
        }
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            if (!printable[b]) {
                CHAR_OF_BYTE[b] = (char) (256 + shifted++);
                ORDER.add(b);
            }
        }
    }

    private ByteLevelAlphabet() {}

    /** The 256 one-character symbols in GPT-2's order, the first ids of the byte-level vocabulary. */
    static List<String> symbols() {
        return ORDER.stream().map(b -> String.valueOf(CHAR_OF_BYTE[b])).toList();
    }

    /** {@code text}'s UTF-8 bytes, one symbol each. */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = CHAR_OF_BYTE[bytes[i] & 0xFF];
        }
        return new String(chars);
    }
}
