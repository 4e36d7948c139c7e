package dev.jsrun.icu.build;

/**
 * The header that starts every ICU data item: its size, the magic bytes
 * {@code 0xda 0x27}, and the {@code UDataInfo} that names the format (such as
 * {@code ResB} or {@code Nrm2}) and its versions.
 *
 * @param headerSize bytes before the payload, padding and copyright included
 * @param bigEndian whether the item's numbers are big-endian
 * @param charsetFamily 0 for ASCII, 1 for EBCDIC
 * @param sizeofUChar 2 for ICU's UTF-16 code units
 * @param dataFormat four ASCII characters naming the format
 * @param formatVersion the four bytes of the format version
 * @param dataVersion the four bytes of the data version
 */
public record DataHeader(int headerSize, boolean bigEndian, int charsetFamily, int sizeofUChar, String dataFormat,
        int[] formatVersion, int[] dataVersion) {

    /** The smallest header: the 4 bytes before the info and its 20 bytes. */
    public static final int MIN_SIZE = 24;

    /** Reads the header of {@code bytes} in whichever byte order the item declares. */
    public static DataHeader read(String item, byte[] bytes) {
        if (bytes.length < MIN_SIZE) {
            throw new IcuDataException(item + ": " + bytes.length + " bytes are too few for an ICU data header");
        }
        if ((bytes[2] & 0xff) != 0xda || (bytes[3] & 0xff) != 0x27) {
            throw new IcuDataException(item + ": no ICU data header (magic bytes are not da 27)");
        }
        boolean big = bytes[8] != 0;
        int headerSize = big ? ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff)
                : ((bytes[1] & 0xff) << 8) | (bytes[0] & 0xff);
        int infoSize = big ? ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff)
                : ((bytes[5] & 0xff) << 8) | (bytes[4] & 0xff);
        if (infoSize < 20 || headerSize < 4 + infoSize || headerSize > bytes.length) {
            throw new IcuDataException(item + ": header size " + headerSize + " or info size " + infoSize
                    + " does not fit its " + bytes.length + " bytes");
        }
        String format = new String(bytes, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int[] formatVersion = { bytes[16] & 0xff, bytes[17] & 0xff, bytes[18] & 0xff, bytes[19] & 0xff };
        int[] dataVersion = { bytes[20] & 0xff, bytes[21] & 0xff, bytes[22] & 0xff, bytes[23] & 0xff };
        return new DataHeader(headerSize, big, bytes[9] & 0xff, bytes[10] & 0xff, format, formatVersion, dataVersion);
    }

    /** The format version as ICU prints it, such as {@code 5.0.0.0}. */
    public String formatVersionText() {
        return this.formatVersion[0] + "." + this.formatVersion[1] + "." + this.formatVersion[2] + "."
                + this.formatVersion[3];
    }

}
