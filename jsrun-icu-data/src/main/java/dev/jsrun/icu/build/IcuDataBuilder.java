package dev.jsrun.icu.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Builds {@code icudt77l.dat}, the ICU data the i18n V8 reads, from the big-endian data
 * that ICU4J's jar carries, with the few items it lacks that V8's ICU needs
 * ({@link #addedItems}): every item is swapped to little-endian by its format's swapper,
 * the items are packaged as ICU common data, and the result is read back and checked
 * before it is written with its SHA-256.
 */
public final class IcuDataBuilder {

    /** Where ICU4J keeps its data inside its jar. */
    public static final String ICU4J_DATA = "com/ibm/icu/impl/data/icudata/";

    private IcuDataBuilder() {
    }

    /**
     * {@code args[0]}: the directory to write {@code <package>.dat} and
     * {@code <package>.dat.sha256} to; {@code args[1]}: the package name.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: IcuDataBuilder <output directory> <package name, such as icudt77l>");
        }
        Path dir = Path.of(args[0]);
        String packageName = args[1];
        SortedMap<String, byte[]> bigEndian = items();
        byte[] file = build(packageName, bigEndian);
        Files.createDirectories(dir);
        Path target = dir.resolve(packageName + ".dat");
        Files.write(target, file);
        Files.writeString(dir.resolve(packageName + ".dat.sha256"), sha256(file) + "\n");
        System.out
            .println("[jsrun-icu-data] " + target + ": " + bigEndian.size() + " items, " + file.length + " bytes");
    }

    /**
     * Swaps and packages {@code bigEndian} (items by name), then checks that the file
     * holds each of them.
     */
    public static byte[] build(String packageName, SortedMap<String, byte[]> bigEndian) {
        SortedMap<String, byte[]> little = new TreeMap<>();
        for (Map.Entry<String, byte[]> item : bigEndian.entrySet()) {
            String name = item.getKey();
            SwapContext context = new SwapContext() {
                @Override
                public String item() {
                    return name;
                }

                @Override
                public Optional<byte[]> bigEndianItem(String other) {
                    return Optional.ofNullable(bigEndian.get(other));
                }
            };
            little.put(name, Swappers.toLittleEndian(name, item.getValue(), context));
        }
        byte[] file = CommonData.write(packageName, little);
        Set<String> found = new java.util.HashSet<>();
        for (CommonData.Entry entry : CommonData.read(packageName, file)) {
            byte[] expected = little.get(entry.name());
            if (expected == null || entry.length() < expected.length || !java.util.Arrays.equals(file, entry.offset(),
                    entry.offset() + expected.length, expected, 0, expected.length)) {
                throw new IcuDataException(packageName + ".dat: item " + entry.name() + " is not as swapped");
            }
            DataHeader swapped = DataHeader.read(entry.name(), expected);
            DataHeader original = DataHeader.read(entry.name(), bigEndian.get(entry.name()));
            if (swapped.headerSize() != original.headerSize() || !swapped.dataFormat().equals(original.dataFormat())) {
                throw new IcuDataException(packageName + ".dat: item " + entry.name() + " lost its header");
            }
            found.add(entry.name());
        }
        if (!found.equals(bigEndian.keySet())) {
            throw new IcuDataException(
                    packageName + ".dat: holds " + found.size() + " of " + bigEndian.size() + " items");
        }
        return file;
    }

    /**
     * The big-endian items of the file: those of ICU4J's jar ({@link #readIcu4jData}) and
     * those that the i18n V8's ICU needs but ICU4J lacks ({@link #addedItems}).
     */
    public static SortedMap<String, byte[]> items() throws IOException {
        SortedMap<String, byte[]> items = readIcu4jData();
        addedItems().forEach(items::putIfAbsent);
        return items;
    }

    /**
     * The items ICU4J's data lacks that the i18n V8's ICU needs, big-endian:
     * {@code brkitr/jaml.res}, without which it breaks no Chinese or Japanese words
     * ({@link JapanesePhraseModel}).
     */
    public static SortedMap<String, byte[]> addedItems() {
        SortedMap<String, byte[]> items = new TreeMap<>();
        items.put(JapanesePhraseModel.ITEM, JapanesePhraseModel.bigEndian());
        return items;
    }

    /**
     * The big-endian items of the ICU4J jar on the classpath, by name under
     * {@value #ICU4J_DATA}.
     */
    public static SortedMap<String, byte[]> readIcu4jData() throws IOException {
        URL root = IcuDataBuilder.class.getClassLoader().getResource(ICU4J_DATA + "root.res");
        if (root == null || !"jar".equals(root.getProtocol())) {
            throw new IcuDataException("ICU4J's data (" + ICU4J_DATA + "root.res) is not in a jar on the classpath; "
                    + "add com.ibm.icu:icu4j");
        }
        SortedMap<String, byte[]> items = new TreeMap<>();
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = new JarFile(connection.getJarFileURL().getPath())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(ICU4J_DATA)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        items.put(entry.getName().substring(ICU4J_DATA.length()), in.readAllBytes());
                    }
                }
            }
        }
        if (items.isEmpty()) {
            throw new IcuDataException("ICU4J's jar holds nothing under " + ICU4J_DATA);
        }
        return items;
    }

    /** The SHA-256 of {@code bytes} in lower-case hexadecimal. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
